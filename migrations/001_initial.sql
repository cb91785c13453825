-- The foundation: API keys, dialogues with their plan document, the timeline, idempotency records.
-- Runs unchanged on SQLite and PostgreSQL: TEXT ids (time-ordered), TEXT RFC 3339 instants.

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'portal')),
  key_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

CREATE TABLE dialogues (
  id TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  version BIGINT NOT NULL,
  title TEXT NOT NULL,
  plan TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX dialogues_by_state ON dialogues (state, id);

-- Append-only: entries are never updated or deleted while their dialogue exists.
CREATE TABLE timeline (
  id TEXT PRIMARY KEY,
  dialogue_id TEXT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT,
  note TEXT,
  document TEXT,
  actor_name TEXT NOT NULL,
  actor_role TEXT NOT NULL
);
CREATE INDEX timeline_by_dialogue ON timeline (dialogue_id, id);

-- A successful answer to a POST with an Idempotency-Key, replayed for retries by the same API key.
CREATE TABLE idempotency (
  api_key_id TEXT NOT NULL,
  idem_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status BIGINT NOT NULL,
  location TEXT,
  etag TEXT,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (api_key_id, idem_key)
);
