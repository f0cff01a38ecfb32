PRAGMA foreign_keys=OFF;--> statement-breakpoint
-- Written by hand, before the rebuild drizzle-kit generated: rows left pointing at nothing while
-- no key was enforced (forget-me deleted the replies some digests link to) would break the keys.
DELETE FROM `answers` WHERE `session_id` NOT IN (SELECT `id` FROM `practice_sessions`);--> statement-breakpoint
DELETE FROM `answer_messages` WHERE `answer_id` NOT IN (SELECT `id` FROM `answers`);--> statement-breakpoint
DELETE FROM `peer_reviews` WHERE `answer_id` NOT IN (SELECT `id` FROM `answers`);--> statement-breakpoint
DELETE FROM `replies` WHERE `session_id` IS NOT NULL AND `session_id` NOT IN (SELECT `id` FROM `practice_sessions`);--> statement-breakpoint
DELETE FROM `replies` WHERE `answer_id` IS NOT NULL AND `answer_id` NOT IN (SELECT `id` FROM `answers`);--> statement-breakpoint
UPDATE `digests` SET `reply_id` = NULL WHERE `reply_id` IS NOT NULL AND `reply_id` NOT IN (SELECT `id` FROM `replies`);--> statement-breakpoint
UPDATE `prompts` SET `reply_id` = NULL WHERE `reply_id` IS NOT NULL AND `reply_id` NOT IN (SELECT `id` FROM `replies`);--> statement-breakpoint
UPDATE `practice_sessions` SET `prompt_id` = NULL WHERE `prompt_id` IS NOT NULL AND `prompt_id` NOT IN (SELECT `id` FROM `prompts`);--> statement-breakpoint
CREATE TABLE `__new_answer_messages` (
	`team_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`message_ts` text NOT NULL,
	`answer_id` integer NOT NULL,
	`text` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`team_id`, `channel_id`, `message_ts`),
	FOREIGN KEY (`answer_id`) REFERENCES `answers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_answer_messages`("team_id", "channel_id", "message_ts", "answer_id", "text", "deleted", "created_at") SELECT "team_id", "channel_id", "message_ts", "answer_id", "text", "deleted", "created_at" FROM `answer_messages`;--> statement-breakpoint
DROP TABLE `answer_messages`;--> statement-breakpoint
ALTER TABLE `__new_answer_messages` RENAME TO `answer_messages`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `answer_messages_answer` ON `answer_messages` (`answer_id`);--> statement-breakpoint
CREATE TABLE `__new_answers` (
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
	`updated_at` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `practice_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_answers`("id", "team_id", "user_id", "session_id", "kind", "probe_index", "lp", "level", "text", "overall", "verdict", "dimensions", "flags", "rubric_version", "deleted", "created_at", "updated_at") SELECT "id", "team_id", "user_id", "session_id", "kind", "probe_index", "lp", "level", "text", "overall", "verdict", "dimensions", "flags", "rubric_version", "deleted", "created_at", "updated_at" FROM `answers`;--> statement-breakpoint
DROP TABLE `answers`;--> statement-breakpoint
ALTER TABLE `__new_answers` RENAME TO `answers`;--> statement-breakpoint
CREATE INDEX `answers_user` ON `answers` (`team_id`,`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `answers_session_slot` ON `answers` (`session_id`,`kind`,`probe_index`);--> statement-breakpoint
CREATE TABLE `__new_digests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`week_key` text NOT NULL,
	`reply_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`reply_id`) REFERENCES `replies`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_digests`("id", "team_id", "channel_id", "week_key", "reply_id", "created_at") SELECT "id", "team_id", "channel_id", "week_key", "reply_id", "created_at" FROM `digests`;--> statement-breakpoint
DROP TABLE `digests`;--> statement-breakpoint
ALTER TABLE `__new_digests` RENAME TO `digests`;--> statement-breakpoint
CREATE UNIQUE INDEX `digests_week` ON `digests` (`team_id`,`channel_id`,`week_key`);--> statement-breakpoint
CREATE TABLE `__new_peer_reviews` (
	`team_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`message_ts` text NOT NULL,
	`answer_id` integer NOT NULL,
	`author_id` text NOT NULL,
	`reviewer_id` text NOT NULL,
	`emoji` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`team_id`, `channel_id`, `message_ts`, `reviewer_id`, `emoji`),
	FOREIGN KEY (`answer_id`) REFERENCES `answers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_peer_reviews`("team_id", "channel_id", "message_ts", "answer_id", "author_id", "reviewer_id", "emoji", "created_at") SELECT "team_id", "channel_id", "message_ts", "answer_id", "author_id", "reviewer_id", "emoji", "created_at" FROM `peer_reviews`;--> statement-breakpoint
DROP TABLE `peer_reviews`;--> statement-breakpoint
ALTER TABLE `__new_peer_reviews` RENAME TO `peer_reviews`;--> statement-breakpoint
CREATE INDEX `peer_reviews_answer` ON `peer_reviews` (`answer_id`);--> statement-breakpoint
CREATE INDEX `peer_reviews_reviewer` ON `peer_reviews` (`team_id`,`reviewer_id`);--> statement-breakpoint
CREATE TABLE `__new_practice_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`user_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`question_ts` text,
	`mode` text DEFAULT 'dm' NOT NULL,
	`prompt_id` integer,
	`scenario_id` text NOT NULL,
	`lp` text NOT NULL,
	`level` text NOT NULL,
	`state` text NOT NULL,
	`probe_index` integer DEFAULT -1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`prompt_id`) REFERENCES `prompts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_practice_sessions`("id", "team_id", "user_id", "channel_id", "question_ts", "mode", "prompt_id", "scenario_id", "lp", "level", "state", "probe_index", "created_at", "updated_at") SELECT "id", "team_id", "user_id", "channel_id", "question_ts", "mode", "prompt_id", "scenario_id", "lp", "level", "state", "probe_index", "created_at", "updated_at" FROM `practice_sessions`;--> statement-breakpoint
DROP TABLE `practice_sessions`;--> statement-breakpoint
ALTER TABLE `__new_practice_sessions` RENAME TO `practice_sessions`;--> statement-breakpoint
CREATE INDEX `practice_sessions_user` ON `practice_sessions` (`team_id`,`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `practice_sessions_thread_user` ON `practice_sessions` (`team_id`,`channel_id`,`question_ts`,`user_id`);--> statement-breakpoint
CREATE TABLE `__new_prompts` (
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
	`created_at` text NOT NULL,
	FOREIGN KEY (`reply_id`) REFERENCES `replies`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_prompts`("id", "team_id", "channel_id", "slot_key", "slot_at", "lp", "question_id", "level", "feedback", "reply_id", "message_ts", "created_at") SELECT "id", "team_id", "channel_id", "slot_key", "slot_at", "lp", "question_id", "level", "feedback", "reply_id", "message_ts", "created_at" FROM `prompts`;--> statement-breakpoint
DROP TABLE `prompts`;--> statement-breakpoint
ALTER TABLE `__new_prompts` RENAME TO `prompts`;--> statement-breakpoint
CREATE UNIQUE INDEX `prompts_slot` ON `prompts` (`team_id`,`channel_id`,`slot_key`);--> statement-breakpoint
CREATE INDEX `prompts_thread` ON `prompts` (`team_id`,`channel_id`,`message_ts`);--> statement-breakpoint
CREATE TABLE `__new_replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`thread_ts` text,
	`purpose` text NOT NULL,
	`delivery` text DEFAULT 'message' NOT NULL,
	`target` text,
	`target_ts` text,
	`session_id` integer,
	`answer_id` integer,
	`text` text NOT NULL,
	`blocks` text NOT NULL,
	`status` text NOT NULL,
	`dirty` integer DEFAULT false NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_error` text,
	`sent_ts` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `practice_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`answer_id`) REFERENCES `answers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_replies`("id", "team_id", "channel_id", "thread_ts", "purpose", "delivery", "target", "target_ts", "session_id", "answer_id", "text", "blocks", "status", "dirty", "attempts", "next_attempt_at", "last_error", "sent_ts", "created_at", "updated_at") SELECT "id", "team_id", "channel_id", "thread_ts", "purpose", "delivery", "target", "target_ts", "session_id", "answer_id", "text", "blocks", "status", "dirty", "attempts", "next_attempt_at", "last_error", "sent_ts", "created_at", "updated_at" FROM `replies`;--> statement-breakpoint
DROP TABLE `replies`;--> statement-breakpoint
ALTER TABLE `__new_replies` RENAME TO `replies`;--> statement-breakpoint
CREATE INDEX `replies_due` ON `replies` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `replies_answer_feedback` ON `replies` (`answer_id`,`purpose`);--> statement-breakpoint
-- Written by hand: replies given up on were stored as sent with a "gave up" note; they have their own status now.
UPDATE `replies` SET `status` = 'dead' WHERE `status` = 'sent' AND `last_error` LIKE 'gave up:%';
