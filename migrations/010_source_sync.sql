-- What a sync with a participation platform did and knows: the process as last read (titles,
-- steps, components), and one row per imported or written-back item keyed by the platform's id, so
-- a second sync creates nothing twice and write-back sends only what changed. A running sync
-- claims its source (sync_claimed_at), so two instances never import the same page twice.
ALTER TABLE dialogue_sources ADD COLUMN process TEXT;
ALTER TABLE dialogue_sources ADD COLUMN last_write_back_at TEXT;
ALTER TABLE dialogue_sources ADD COLUMN sync_claimed_at TEXT;
CREATE TABLE source_items (
  source_id TEXT NOT NULL REFERENCES dialogue_sources (id) ON DELETE CASCADE,
  external_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  component_id TEXT NOT NULL,
  local_id TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  sent_hash TEXT,
  PRIMARY KEY (source_id, external_id)
);
CREATE INDEX source_items_by_local ON source_items (local_id);
