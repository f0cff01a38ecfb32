CREATE TABLE `mock_answers` (
	`mock_id` integer PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`user_id` text NOT NULL,
	`text` text NOT NULL,
	`overall` integer NOT NULL,
	`verdict` text NOT NULL,
	`dimensions` text NOT NULL,
	`flags` text NOT NULL,
	`rubric_version` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`mock_id`) REFERENCES `mocks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `mock_members` (
	`team_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`user_id` text NOT NULL,
	`status` text NOT NULL,
	`ignored_rounds` integer DEFAULT 0 NOT NULL,
	`joined_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`team_id`, `channel_id`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `mock_members_user` ON `mock_members` (`team_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `mock_notices` (
	`team_id` text NOT NULL,
	`key` text NOT NULL,
	`user_id` text,
	`mock_id` integer,
	`reply_id` integer,
	`created_at` text NOT NULL,
	PRIMARY KEY(`team_id`, `key`),
	FOREIGN KEY (`mock_id`) REFERENCES `mocks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reply_id`) REFERENCES `replies`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `mock_notices_user` ON `mock_notices` (`team_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `mock_pools` (
	`team_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`weekly` integer DEFAULT false NOT NULL,
	`day` integer DEFAULT 1 NOT NULL,
	`minute_of_day` integer DEFAULT 600 NOT NULL,
	`timezone` text DEFAULT 'UTC' NOT NULL,
	`not_before` text NOT NULL,
	`last_round_at` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`team_id`, `channel_id`)
);
--> statement-breakpoint
CREATE INDEX `mock_pools_weekly` ON `mock_pools` (`weekly`);--> statement-breakpoint
CREATE TABLE `mock_rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`round_key` text NOT NULL,
	`kind` text NOT NULL,
	`round_at` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mock_rounds_key` ON `mock_rounds` (`team_id`,`channel_id`,`round_key`);--> statement-breakpoint
CREATE TABLE `mock_scorecards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`mock_id` integer NOT NULL,
	`interviewer_id` text NOT NULL,
	`candidate_id` text NOT NULL,
	`ratings` text NOT NULL,
	`flags` text NOT NULL,
	`verdict` text NOT NULL,
	`went_well` text NOT NULL,
	`to_improve` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`mock_id`) REFERENCES `mocks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mock_scorecards_mock` ON `mock_scorecards` (`mock_id`);--> statement-breakpoint
CREATE TABLE `mock_skips` (
	`team_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`round_key` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`team_id`, `channel_id`, `round_key`, `user_id`)
);
--> statement-breakpoint
CREATE TABLE `mocks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`round_id` integer NOT NULL,
	`channel_id` text NOT NULL,
	`candidate_id` text NOT NULL,
	`interviewer_id` text NOT NULL,
	`observer_id` text,
	`mode` text,
	`status` text NOT NULL,
	`lp` text NOT NULL,
	`level` text NOT NULL,
	`question_id` text NOT NULL,
	`suggested_times` text NOT NULL,
	`conversation_id` text,
	`intro_reply_id` integer,
	`no_show_user_id` text,
	`responded` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `mock_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`intro_reply_id`) REFERENCES `replies`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `mocks_round` ON `mocks` (`round_id`);--> statement-breakpoint
CREATE INDEX `mocks_pool` ON `mocks` (`team_id`,`channel_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `mocks_candidate` ON `mocks` (`team_id`,`candidate_id`);--> statement-breakpoint
CREATE INDEX `mocks_interviewer` ON `mocks` (`team_id`,`interviewer_id`);--> statement-breakpoint
CREATE INDEX `mocks_status` ON `mocks` (`status`,`created_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `tz_offset_seconds` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `timezone_checked_at` text;