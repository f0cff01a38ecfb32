ALTER TABLE `schedules` ADD `next_run_at` text;--> statement-breakpoint
ALTER TABLE `schedules` ADD `next_digest_at` text;--> statement-breakpoint
CREATE INDEX `schedules_next_run` ON `schedules` (`next_run_at`);--> statement-breakpoint
CREATE INDEX `schedules_next_digest` ON `schedules` (`next_digest_at`);