CREATE TABLE `artefacts` (
	`sha256` text PRIMARY KEY NOT NULL,
	`bytes` blob NOT NULL,
	`size` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `signal_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`kind` text NOT NULL,
	`files` text NOT NULL,
	`tool` text NOT NULL,
	`ingested_by_id` integer,
	`ingested_by` text NOT NULL,
	`recorded_at` integer NOT NULL,
	`measured_at` integer NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ingested_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `signal_sources_program` ON `signal_sources` (`program_id`,`recorded_at`);--> statement-breakpoint
ALTER TABLE `items` ADD `components` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `signals` ADD `source_id` integer REFERENCES signal_sources(id);--> statement-breakpoint
-- An artefact is its bytes: the digest in the log names them for good, so they never change.
CREATE TRIGGER artefacts_no_update BEFORE UPDATE ON artefacts
BEGIN SELECT RAISE(ABORT, 'artefacts are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER artefacts_no_delete BEFORE DELETE ON artefacts
BEGIN SELECT RAISE(ABORT, 'artefacts are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER signal_sources_no_update BEFORE UPDATE ON signal_sources
BEGIN SELECT RAISE(ABORT, 'signal sources are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER signal_sources_no_delete BEFORE DELETE ON signal_sources
BEGIN SELECT RAISE(ABORT, 'signal sources are append-only'); END;
