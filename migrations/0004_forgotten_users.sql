CREATE TABLE `forgotten_users` (
	`user_hash` text PRIMARY KEY NOT NULL,
	`forgotten_at` text NOT NULL
);
