-- Widget keys: a publishable key role ('widget') placed in web pages, limited to the origins listed
-- for it. The role CHECK of api_keys is widened by rebuilding the table (SQLite cannot alter a
-- CHECK); the same statements run on SQLite and PostgreSQL. No other table references api_keys.

CREATE TABLE api_keys_v7 (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'portal', 'widget')),
  key_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
INSERT INTO api_keys_v7 (id, name, role, key_hash, created_at, revoked_at)
  SELECT id, name, role, key_hash, created_at, revoked_at FROM api_keys;
DROP TABLE api_keys;
ALTER TABLE api_keys_v7 RENAME TO api_keys;

-- The origins (scheme://host[:port]) a widget key may be used from.
CREATE TABLE api_key_origins (
  key_id TEXT NOT NULL,
  origin TEXT NOT NULL,
  PRIMARY KEY (key_id, origin)
);
