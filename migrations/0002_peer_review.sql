CREATE TABLE `away_ranges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`user_id` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `away_ranges_user` ON `away_ranges` (`team_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `digests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`week_key` text NOT NULL,
	`reply_id` integer,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `digests_week` ON `digests` (`team_id`,`channel_id`,`week_key`);--> statement-breakpoint
CREATE TABLE `peer_reviews` (
	`team_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`message_ts` text NOT NULL,
	`answer_id` integer NOT NULL,
	`author_id` text NOT NULL,
	`reviewer_id` text NOT NULL,
	`emoji` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`team_id`, `channel_id`, `message_ts`, `reviewer_id`, `emoji`)
);
--> statement-breakpoint
CREATE INDEX `peer_reviews_answer` ON `peer_reviews` (`answer_id`);--> statement-breakpoint
CREATE INDEX `peer_reviews_reviewer` ON `peer_reviews` (`team_id`,`reviewer_id`);--> statement-breakpoint
ALTER TABLE `schedules` ADD `digest_day` integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE `schedules` ADD `digest_minute` integer DEFAULT 960 NOT NULL;