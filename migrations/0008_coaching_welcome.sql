ALTER TABLE `users` ADD `level_chosen_at` text;--> statement-breakpoint
ALTER TABLE `users` ADD `welcomed_at` text;