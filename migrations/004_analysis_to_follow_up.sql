-- Needs, the disposition of every contribution, the stage documents (report, board answer, council
-- decision, follow-up), and measures with their append-only status history.

CREATE TABLE needs (
  id TEXT PRIMARY KEY,
  dialogue_id TEXT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
  version BIGINT NOT NULL,
  document TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX needs_by_dialogue ON needs (dialogue_id, id);

CREATE TABLE need_contributions (
  need_id TEXT NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
  contribution_id TEXT NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
  PRIMARY KEY (need_id, contribution_id)
);
CREATE INDEX need_contributions_by_contribution ON need_contributions (contribution_id);

-- What a citizen is later told about a contribution that no need cites (or why it was set aside).
CREATE TABLE contribution_dispositions (
  contribution_id TEXT PRIMARY KEY REFERENCES contributions (id) ON DELETE CASCADE,
  disposition TEXT NOT NULL,
  reason TEXT,
  updated_at TEXT NOT NULL
);

-- One document of each kind per dialogue: report, answer, decision, follow_up.
CREATE TABLE stage_documents (
  dialogue_id TEXT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  version BIGINT NOT NULL,
  document TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (dialogue_id, kind)
);

CREATE TABLE measures (
  id TEXT PRIMARY KEY,
  dialogue_id TEXT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
  need_id TEXT NOT NULL REFERENCES needs (id),
  title TEXT NOT NULL,
  description TEXT,
  responsible TEXT,
  decision TEXT NOT NULL,
  rejection_reason TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX measures_by_dialogue ON measures (dialogue_id, id);

CREATE TABLE measure_updates (
  id TEXT PRIMARY KEY,
  measure_id TEXT NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
  on_date TEXT NOT NULL,
  status TEXT NOT NULL,
  progress BIGINT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX measure_updates_by_measure ON measure_updates (measure_id, id);
