CREATE TABLE `installations` (
	`team_id` text PRIMARY KEY NOT NULL,
	`enterprise_id` text,
	`sealed` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
