-- DESIGN §9: the log and published reports are append-only. Refuse changes in place.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER published_reports_no_update BEFORE UPDATE ON published_reports
BEGIN SELECT RAISE(ABORT, 'published reports are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER published_reports_no_delete BEFORE DELETE ON published_reports
BEGIN SELECT RAISE(ABORT, 'published reports are immutable'); END;
