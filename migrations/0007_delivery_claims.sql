ALTER TABLE `answers` ADD `feedback_ts` text;--> statement-breakpoint
ALTER TABLE `processed_events` ADD `state` text DEFAULT 'done' NOT NULL;--> statement-breakpoint
CREATE INDEX `processed_events_received` ON `processed_events` (`received_at`);--> statement-breakpoint
ALTER TABLE `replies` ADD `failing_since` text;--> statement-breakpoint
CREATE INDEX `replies_settled` ON `replies` (`status`,`updated_at`);