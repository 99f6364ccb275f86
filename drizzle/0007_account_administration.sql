ALTER TABLE `people` ADD `must_change_password` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `people` ADD `disabled_at` integer;--> statement-breakpoint
ALTER TABLE `people` ADD `last_sign_in_at` integer;