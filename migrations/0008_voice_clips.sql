CREATE TABLE `voice_clips` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`user_id` text NOT NULL,
	`message_ts` text NOT NULL,
	`thread_ts` text NOT NULL,
	`file_id` text NOT NULL,
	`in_dm` integer NOT NULL,
	`status` text NOT NULL,
	`checks` integer DEFAULT 0 NOT NULL,
	`next_check_at` text NOT NULL,
	`claimed_until` text,
	`timing` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `voice_clips_message` ON `voice_clips` (`team_id`,`channel_id`,`message_ts`);--> statement-breakpoint
CREATE INDEX `voice_clips_due` ON `voice_clips` (`status`,`next_check_at`);--> statement-breakpoint
CREATE INDEX `voice_clips_user` ON `voice_clips` (`team_id`,`user_id`);