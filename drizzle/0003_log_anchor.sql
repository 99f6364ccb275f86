CREATE TABLE `log_anchor` (
	`id` integer PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `log_anchor` (`id`, `seq`, `hash`) SELECT 1, `seq`, `hash` FROM `audit_log` ORDER BY `seq` DESC LIMIT 1;
--> statement-breakpoint
CREATE TRIGGER audit_log_anchor AFTER INSERT ON audit_log
BEGIN
  INSERT OR REPLACE INTO log_anchor (id, seq, hash) VALUES (1, NEW.seq, NEW.hash);
END;
