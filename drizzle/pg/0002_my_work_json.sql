-- The JSON type of an item entry's `owner` key, as SQLite's json_type(payload, '$.owner') tells
-- it apart: 'null' for an explicit null (the item was left without an owner), null when the entry
-- has no such key (an edit of something else) or its payload does not parse (a tampered entry: the
-- chain check names it; My work's counts must not fail on it). Beside tracker_json_owner
-- (0000_init), which reads the owner itself.
CREATE FUNCTION tracker_json_owner_type(payload text) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  RETURN json_typeof(payload::json -> 'owner');
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;
