CREATE TABLE `transition_rejections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`transition_id` integer NOT NULL,
	`rejecter_id` integer NOT NULL,
	`rejected_at` integer NOT NULL,
	`recorded_at` integer NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`transition_id`) REFERENCES `transitions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rejecter_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `transition_rejections_transition_id_unique` ON `transition_rejections` (`transition_id`);--> statement-breakpoint
CREATE INDEX `transition_rejections_rejected_at` ON `transition_rejections` (`rejected_at`,`id`);--> statement-breakpoint
-- DESIGN §9 and §13: a rejection is a record of the history, like the log: refuse changes in place.
CREATE TRIGGER transition_rejections_no_update BEFORE UPDATE ON transition_rejections
BEGIN SELECT RAISE(ABORT, 'transition_rejections is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER transition_rejections_no_delete BEFORE DELETE ON transition_rejections
BEGIN SELECT RAISE(ABORT, 'transition_rejections is append-only'); END;
