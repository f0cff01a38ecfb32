ALTER TABLE `story_versions` ADD `mock_id` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `story_versions_mock` ON `story_versions` (`team_id`,`mock_id`);