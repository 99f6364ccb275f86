CREATE INDEX `audit_log_at` ON `audit_log` (`at`,`seq`);--> statement-breakpoint
CREATE INDEX `verifications_verified_at` ON `verifications` (`verified_at`,`id`);