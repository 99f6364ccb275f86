CREATE TABLE `person_identities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`issuer` text NOT NULL,
	`subject` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_sign_in_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `person_identities_issuer_subject` ON `person_identities` (`issuer`,`subject`);--> statement-breakpoint
CREATE INDEX `person_identities_person` ON `person_identities` (`person_id`);