-- DESIGN §9: the log, published reports, rejections, delivery attempts, artefacts and signal
-- sources are append-only; comments are never removed and keep their subject. The same rules as
-- SQLite's triggers (drizzle/), plus TRUNCATE, which PostgreSQL's row triggers do not see.
CREATE FUNCTION tracker_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION tracker_refuse_change('audit_log is append-only');
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION tracker_refuse_change('audit_log is append-only');
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION tracker_refuse_change('audit_log is append-only');
--> statement-breakpoint
CREATE TRIGGER published_reports_no_update BEFORE UPDATE ON published_reports FOR EACH ROW EXECUTE FUNCTION tracker_refuse_change('published reports are immutable');
--> statement-breakpoint
CREATE TRIGGER published_reports_no_delete BEFORE DELETE ON published_reports FOR EACH ROW EXECUTE FUNCTION tracker_refuse_change('published reports are immutable');
--> statement-breakpoint
CREATE TRIGGER published_reports_no_truncate BEFORE TRUNCATE ON published_reports FOR EACH STATEMENT EXECUTE FUNCTION tracker_refuse_change('published reports are immutable');
--> statement-breakpoint
CREATE TRIGGER transition_rejections_no_update BEFORE UPDATE ON transition_rejections FOR EACH ROW EXECUTE FUNCTION tracker_refuse_change('transition_rejections is append-only');
--> statement-breakpoint
CREATE TRIGGER transition_rejections_no_delete BEFORE DELETE ON transition_rejections FOR EACH ROW EXECUTE FUNCTION tracker_refuse_change('transition_rejections is append-only');
--> statement-breakpoint
CREATE TRIGGER transition_rejections_no_truncate BEFORE TRUNCATE ON transition_rejections FOR EACH STATEMENT EXECUTE FUNCTION tracker_refuse_change('transition_rejections is append-only');
--> statement-breakpoint
CREATE TRIGGER report_delivery_attempts_no_update BEFORE UPDATE ON report_delivery_attempts FOR EACH ROW EXECUTE FUNCTION tracker_refuse_change('delivery attempts are append-only');
--> statement-breakpoint
CREATE TRIGGER report_delivery_attempts_no_delete BEFORE DELETE ON report_delivery_attempts FOR EACH ROW EXECUTE FUNCTION tracker_refuse_change('delivery attempts are append-only');
--> statement-breakpoint
CREATE TRIGGER report_delivery_attempts_no_truncate BEFORE TRUNCATE ON report_delivery_attempts FOR EACH STATEMENT EXECUTE FUNCTION tracker_refuse_change('delivery attempts are append-only');
--> statement-breakpoint
CREATE TRIGGER artefacts_no_update BEFORE UPDATE ON artefacts FOR EACH ROW EXECUTE FUNCTION tracker_refuse_change('artefacts are append-only');
--> statement-breakpoint
CREATE TRIGGER artefacts_no_delete BEFORE DELETE ON artefacts FOR EACH ROW EXECUTE FUNCTION tracker_refuse_change('artefacts are append-only');
--> statement-breakpoint
CREATE TRIGGER artefacts_no_truncate BEFORE TRUNCATE ON artefacts FOR EACH STATEMENT EXECUTE FUNCTION tracker_refuse_change('artefacts are append-only');
--> statement-breakpoint
CREATE TRIGGER signal_sources_no_update BEFORE UPDATE ON signal_sources FOR EACH ROW EXECUTE FUNCTION tracker_refuse_change('signal sources are append-only');
--> statement-breakpoint
CREATE TRIGGER signal_sources_no_delete BEFORE DELETE ON signal_sources FOR EACH ROW EXECUTE FUNCTION tracker_refuse_change('signal sources are append-only');
--> statement-breakpoint
CREATE TRIGGER signal_sources_no_truncate BEFORE TRUNCATE ON signal_sources FOR EACH STATEMENT EXECUTE FUNCTION tracker_refuse_change('signal sources are append-only');
--> statement-breakpoint
CREATE TRIGGER comments_no_delete BEFORE DELETE ON comments FOR EACH ROW EXECUTE FUNCTION tracker_refuse_change('comments are never removed: a deletion is recorded on the comment');
--> statement-breakpoint
CREATE TRIGGER comments_no_truncate BEFORE TRUNCATE ON comments FOR EACH STATEMENT EXECUTE FUNCTION tracker_refuse_change('comments are never removed: a deletion is recorded on the comment');
--> statement-breakpoint
CREATE TRIGGER comments_fixed_fields BEFORE UPDATE ON comments FOR EACH ROW
WHEN (OLD.deleted_at IS NOT NULL
  OR NEW.program_id IS DISTINCT FROM OLD.program_id
  OR NEW.item_id IS DISTINCT FROM OLD.item_id
  OR NEW.claim_id IS DISTINCT FROM OLD.claim_id
  OR NEW.author_id IS DISTINCT FROM OLD.author_id
  OR NEW.created_at IS DISTINCT FROM OLD.created_at)
EXECUTE FUNCTION tracker_refuse_change('a comment keeps its subject, author and time, and a deleted comment stays deleted');
--> statement-breakpoint
-- A transition is verified or rejected, never both (a trigger's WHEN may not hold a subquery here).
CREATE FUNCTION tracker_one_decision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'verifications' AND EXISTS (SELECT 1 FROM transition_rejections WHERE transition_id = NEW.transition_id) THEN
    RAISE EXCEPTION 'this transition was rejected: it cannot also be verified' USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_TABLE_NAME = 'transition_rejections' AND EXISTS (SELECT 1 FROM verifications WHERE transition_id = NEW.transition_id) THEN
    RAISE EXCEPTION 'this transition was verified: it cannot also be rejected' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER verifications_not_rejected BEFORE INSERT ON verifications FOR EACH ROW EXECUTE FUNCTION tracker_one_decision();
--> statement-breakpoint
CREATE TRIGGER transition_rejections_not_verified BEFORE INSERT ON transition_rejections FOR EACH ROW EXECUTE FUNCTION tracker_one_decision();
--> statement-breakpoint
-- The last log entry as recorded: a log cut short at its end no longer matches it.
CREATE FUNCTION tracker_log_anchor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO log_anchor (id, seq, hash) VALUES (1, NEW.seq, NEW.hash)
  ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_anchor AFTER INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION tracker_log_anchor();
