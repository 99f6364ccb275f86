PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_known_devices` (
	`id` text NOT NULL,
	`person_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer NOT NULL,
	PRIMARY KEY(`id`, `person_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_known_devices`("id", "person_id", "created_at", "last_used_at") SELECT "id", "person_id", "created_at", "last_used_at" FROM `known_devices`;--> statement-breakpoint
DROP TABLE `known_devices`;--> statement-breakpoint
ALTER TABLE `__new_known_devices` RENAME TO `known_devices`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `known_devices_person` ON `known_devices` (`person_id`);