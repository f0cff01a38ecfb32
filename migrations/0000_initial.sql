CREATE TABLE `answer_messages` (
	`team_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`message_ts` text NOT NULL,
	`answer_id` integer NOT NULL,
	`text` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`team_id`, `channel_id`, `message_ts`)
);
--> statement-breakpoint
CREATE INDEX `answer_messages_answer` ON `answer_messages` (`answer_id`);--> statement-breakpoint
CREATE TABLE `answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`user_id` text NOT NULL,
	`session_id` integer NOT NULL,
	`kind` text NOT NULL,
	`probe_index` integer DEFAULT -1 NOT NULL,
	`lp` text NOT NULL,
	`level` text NOT NULL,
	`text` text NOT NULL,
	`overall` integer NOT NULL,
	`verdict` text NOT NULL,
	`dimensions` text NOT NULL,
	`flags` text NOT NULL,
	`rubric_version` integer NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `answers_user` ON `answers` (`team_id`,`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `answers_session_slot` ON `answers` (`session_id`,`kind`,`probe_index`);--> statement-breakpoint
CREATE TABLE `practice_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`user_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`question_ts` text,
	`scenario_id` text NOT NULL,
	`lp` text NOT NULL,
	`level` text NOT NULL,
	`state` text NOT NULL,
	`probe_index` integer DEFAULT -1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `practice_sessions_user` ON `practice_sessions` (`team_id`,`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `practice_sessions_thread` ON `practice_sessions` (`team_id`,`channel_id`,`question_ts`);--> statement-breakpoint
CREATE TABLE `processed_events` (
	`team_id` text NOT NULL,
	`event_id` text NOT NULL,
	`received_at` text NOT NULL,
	PRIMARY KEY(`team_id`, `event_id`)
);
--> statement-breakpoint
CREATE TABLE `quiz_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`user_id` text NOT NULL,
	`scenario_id` text NOT NULL,
	`quiz_index` integer NOT NULL,
	`choice` integer NOT NULL,
	`correct` integer NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `quiz_attempts_user` ON `quiz_attempts` (`team_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`thread_ts` text,
	`purpose` text NOT NULL,
	`session_id` integer,
	`answer_id` integer,
	`text` text NOT NULL,
	`blocks` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_error` text,
	`sent_ts` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `replies_due` ON `replies` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `replies_answer_feedback` ON `replies` (`answer_id`,`purpose`);--> statement-breakpoint
CREATE TABLE `users` (
	`team_id` text NOT NULL,
	`user_id` text NOT NULL,
	`level` text DEFAULT 'sde2' NOT NULL,
	`timezone` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`team_id`, `user_id`)
);
