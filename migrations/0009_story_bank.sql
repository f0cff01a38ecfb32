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
CREATE UNIQUE INDEX `story_versions_answer` ON `story_versions` (`team_id`,`answer_id`);