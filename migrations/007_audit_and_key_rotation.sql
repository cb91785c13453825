-- Who did what to keys, contact details, organisations and bodies (append-only), and keys that
-- expire and rotate: a rotated key's previous secret keeps working until previous_valid_until.

CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  organisation_id TEXT,
  at TEXT NOT NULL,
  actor_key_id TEXT,
  actor_name TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  detail TEXT
);
CREATE INDEX audit_by_organisation ON audit_log (organisation_id, id);

ALTER TABLE api_keys ADD COLUMN expires_at TEXT;
ALTER TABLE api_keys ADD COLUMN previous_hash TEXT;
ALTER TABLE api_keys ADD COLUMN previous_valid_until TEXT;
CREATE INDEX api_keys_by_previous_hash ON api_keys (previous_hash);
