-- A dialogue's links to participation platforms (a Decidim participatory process): where to read,
-- which components, and, for writing back, API credentials that no route ever returns.
CREATE TABLE dialogue_sources (
  id TEXT PRIMARY KEY,
  dialogue_id TEXT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  base_url TEXT NOT NULL,
  process_id TEXT NOT NULL,
  components TEXT NOT NULL,
  credentials TEXT,
  last_sync_at TEXT,
  last_error TEXT,
  counts TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX dialogue_sources_by_dialogue ON dialogue_sources (dialogue_id, id);
