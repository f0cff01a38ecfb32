ALTER TABLE `processed_events` ADD `payload` text;--> statement-breakpoint
ALTER TABLE `processed_events` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `processed_events_working` ON `processed_events` (`state`,`received_at`);