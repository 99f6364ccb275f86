ALTER TABLE `evidence` ADD `artefact_sha256` text REFERENCES artefacts(sha256);--> statement-breakpoint
ALTER TABLE `evidence` ADD `artefact_name` text;