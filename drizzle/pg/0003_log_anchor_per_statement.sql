-- The anchor moves once per INSERT statement on the log, to the statement's last entry, instead of
-- once per entry: many updates of one row inside one transaction each walk the row's versions
-- made before, so a bulk import of half a million entries took quadratic time.
DROP TRIGGER audit_log_anchor ON audit_log;
--> statement-breakpoint
DROP FUNCTION tracker_log_anchor();
--> statement-breakpoint
CREATE FUNCTION tracker_log_anchor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO log_anchor (id, seq, hash)
    SELECT 1, seq, hash FROM appended ORDER BY seq DESC LIMIT 1
  ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_anchor AFTER INSERT ON audit_log REFERENCING NEW TABLE AS appended FOR EACH STATEMENT EXECUTE FUNCTION tracker_log_anchor();
