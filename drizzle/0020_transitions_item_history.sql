DROP INDEX `transitions_item_effective`;--> statement-breakpoint
CREATE INDEX `transitions_item_history` ON `transitions` (`item_id`,`effective_at`,`recorded_at`,`to_status`);