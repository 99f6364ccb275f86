CREATE TABLE `report_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`subscription_id` integer NOT NULL,
	`iso_week` text NOT NULL,
	`trigger` text NOT NULL,
	`requested_at` integer NOT NULL,
	`requested_by` text,
	`origin` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`lease_until` integer,
	`finished_at` integer,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subscription_id`) REFERENCES `report_subscriptions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_deliveries_program` ON `report_deliveries` (`program_id`,`id`);--> statement-breakpoint
CREATE INDEX `report_deliveries_state` ON `report_deliveries` (`state`);--> statement-breakpoint
CREATE TABLE `report_delivery_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delivery_id` integer NOT NULL,
	`attempt` integer NOT NULL,
	`started_at` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`ok` integer NOT NULL,
	`status_code` integer,
	`error` text,
	FOREIGN KEY (`delivery_id`) REFERENCES `report_deliveries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_delivery_attempts_delivery` ON `report_delivery_attempts` (`delivery_id`,`attempt`);--> statement-breakpoint
CREATE TABLE `report_feeds` (
	`program_id` integer PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`rotated_at` integer NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_feeds_token_hash_unique` ON `report_feeds` (`token_hash`);--> statement-breakpoint
CREATE TABLE `report_subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`kind` text NOT NULL,
	`target` text NOT NULL,
	`secret` text,
	`secret_prefix` text,
	`enabled` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	`removed_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_subscriptions_program` ON `report_subscriptions` (`program_id`);--> statement-breakpoint
-- Each attempt is a record of what happened: never changed or removed in place.
CREATE TRIGGER report_delivery_attempts_no_update BEFORE UPDATE ON report_delivery_attempts
BEGIN SELECT RAISE(ABORT, 'delivery attempts are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER report_delivery_attempts_no_delete BEFORE DELETE ON report_delivery_attempts
BEGIN SELECT RAISE(ABORT, 'delivery attempts are append-only'); END;
