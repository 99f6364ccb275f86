CREATE TABLE `my_work_visits` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`seen_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_item_owner` ON `audit_log` ((CASE WHEN json_valid("payload") THEN "payload" ->> '$.owner' END)) WHERE entity = 'item';--> statement-breakpoint
CREATE INDEX `audit_log_item_actor` ON `audit_log` (`actor`) WHERE entity = 'item' AND action = 'update';--> statement-breakpoint
CREATE INDEX `transitions_actor_recorded` ON `transitions` (`actor_id`,`recorded_at`);--> statement-breakpoint
-- DESIGN §13: a transition is verified or rejected, never both. The mutations and the import refuse
-- the second decision; the database refuses it too, so the reviewer's count in the header can read
-- the undecided transitions as transitions minus verifications minus rejections.
CREATE TRIGGER verifications_not_rejected BEFORE INSERT ON verifications
WHEN EXISTS (SELECT 1 FROM transition_rejections WHERE transition_id = NEW.transition_id)
BEGIN SELECT RAISE(ABORT, 'this transition was rejected: it cannot also be verified'); END;
--> statement-breakpoint
CREATE TRIGGER transition_rejections_not_verified BEFORE INSERT ON transition_rejections
WHEN EXISTS (SELECT 1 FROM verifications WHERE transition_id = NEW.transition_id)
BEGIN SELECT RAISE(ABORT, 'this transition was verified: it cannot also be rejected'); END;
