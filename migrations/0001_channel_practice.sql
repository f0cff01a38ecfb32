CREATE TABLE `prompts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`slot_key` text NOT NULL,
	`slot_at` text NOT NULL,
	`lp` text NOT NULL,
	`question_id` text NOT NULL,
	`level` text NOT NULL,
	`feedback` text NOT NULL,
	`reply_id` integer,
	`message_ts` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `prompts_slot` ON `prompts` (`team_id`,`channel_id`,`slot_key`);--> statement-breakpoint
CREATE INDEX `prompts_thread` ON `prompts` (`team_id`,`channel_id`,`message_ts`);--> statement-breakpoint
CREATE TABLE `schedules` (
	`team_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`minute_of_day` integer NOT NULL,
	`timezone` text NOT NULL,
	`days` text NOT NULL,
	`level` text,
	`lps` text NOT NULL,
	`feedback` text DEFAULT 'private' NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`not_before` text NOT NULL,
	`last_slot_at` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`team_id`, `channel_id`)
);
--> statement-breakpoint
CREATE INDEX `schedules_enabled` ON `schedules` (`enabled`);--> statement-breakpoint
DROP INDEX `practice_sessions_thread`;--> statement-breakpoint
ALTER TABLE `practice_sessions` ADD `mode` text DEFAULT 'dm' NOT NULL;--> statement-breakpoint
ALTER TABLE `practice_sessions` ADD `prompt_id` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `practice_sessions_thread_user` ON `practice_sessions` (`team_id`,`channel_id`,`question_ts`,`user_id`);--> statement-breakpoint
ALTER TABLE `replies` ADD `delivery` text DEFAULT 'message' NOT NULL;--> statement-breakpoint
ALTER TABLE `replies` ADD `target` text;--> statement-breakpoint
ALTER TABLE `replies` ADD `target_ts` text;