CREATE TABLE `stories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`user_id` text NOT NULL,
	`title` text NOT NULL,
	`lps` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `stories_user` ON `stories` (`team_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `story_sessions` (
	`team_id` text NOT NULL,
	`session_id` integer NOT NULL,
	`story_id` integer NOT NULL,
	PRIMARY KEY(`team_id`, `session_id`),
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `story_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`story_id` integer NOT NULL,
	`answer_id` integer,
	`lp` text NOT NULL,
	`level` text NOT NULL,
	`text` text NOT NULL,
	`overall` integer NOT NULL,
	`verdict` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `story_versions_story` ON `story_versions` (`story_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `story_versions_answer` ON `story_versions` (`team_id`,`answer_id`);--> statement-breakpoint
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