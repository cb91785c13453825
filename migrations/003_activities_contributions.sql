-- Activities, contributions (with contact details kept apart) and representation checkpoints.

-- The target-group keys of each dialogue's plan, kept in step with the plan, so that the store can
-- find every dialogue that has a group (representation suggestions look across dialogues).
CREATE TABLE dialogue_target_groups (
  dialogue_id TEXT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
  group_key TEXT NOT NULL,
  PRIMARY KEY (dialogue_id, group_key)
);
CREATE INDEX dialogue_target_groups_by_key ON dialogue_target_groups (group_key);

CREATE TABLE activities (
  id TEXT PRIMARY KEY,
  dialogue_id TEXT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
  version BIGINT NOT NULL,
  method TEXT NOT NULL,
  document TEXT NOT NULL,
  participants_total BIGINT NOT NULL,
  has_public_documentation BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX activities_by_dialogue ON activities (dialogue_id, id);

-- One row per activity and group it reached: summed for the checkpoint and across dialogues.
CREATE TABLE activity_group_counts (
  activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  dialogue_id TEXT NOT NULL,
  group_key TEXT NOT NULL,
  reached BIGINT NOT NULL,
  PRIMARY KEY (activity_id, group_key)
);
CREATE INDEX activity_group_counts_by_dialogue ON activity_group_counts (dialogue_id, group_key);

CREATE TABLE contributions (
  id TEXT PRIMARY KEY,
  dialogue_id TEXT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
  activity_id TEXT REFERENCES activities (id),
  receipt TEXT NOT NULL UNIQUE,
  channel TEXT NOT NULL,
  language TEXT NOT NULL,
  document TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX contributions_by_dialogue ON contributions (dialogue_id, id);
CREATE INDEX contributions_by_activity ON contributions (activity_id);

CREATE TABLE contribution_themes (
  contribution_id TEXT NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
  theme TEXT NOT NULL,
  PRIMARY KEY (contribution_id, theme)
);

-- Personal data, apart from the contribution: used only to send feedback, never shown by any route.
CREATE TABLE contacts (
  contribution_id TEXT PRIMARY KEY REFERENCES contributions (id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  name TEXT,
  consented_at TEXT NOT NULL
);

CREATE TABLE checkpoints (
  id TEXT PRIMARY KEY,
  dialogue_id TEXT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
  held_on TEXT NOT NULL,
  document TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX checkpoints_by_dialogue ON checkpoints (dialogue_id, id);
