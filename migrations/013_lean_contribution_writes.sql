-- Fewer pages written per contribution (issue 18: durable contribution writes). Every B-tree a
-- contribution goes into is one more page in each group commit's write-ahead log. Measured on the
-- write benchmark: about 33 pages a commit, of them 1 for a NULL activity and 1.3 for the themes'
-- table behind their primary key.
-- SQLite only (PostgreSQL's variant, 013_lean_contribution_writes.postgresql.sql, has no rowids):
-- a theme and a group row are all key, so they live in their primary key's B-tree alone (WITHOUT
-- ROWID) instead of in a table and an index of the same columns. Rebuilt, as SQLite changes a
-- table's kind: new table, rows copied, old dropped, new renamed, indexes made again.
CREATE TABLE contribution_themes_lean (
  contribution_id TEXT NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
  theme TEXT NOT NULL,
  dialogue_id TEXT,
  PRIMARY KEY (contribution_id, theme)
) WITHOUT ROWID;
INSERT INTO contribution_themes_lean (contribution_id, theme, dialogue_id)
SELECT contribution_id, theme, dialogue_id FROM contribution_themes;
DROP TABLE contribution_themes;
ALTER TABLE contribution_themes_lean RENAME TO contribution_themes;
CREATE INDEX contribution_themes_by_dialogue ON contribution_themes (dialogue_id, theme);

CREATE TABLE contribution_groups_lean (
  contribution_id TEXT NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
  dialogue_id TEXT NOT NULL,
  group_key TEXT NOT NULL,
  PRIMARY KEY (dialogue_id, group_key, contribution_id)
) WITHOUT ROWID;
INSERT INTO contribution_groups_lean (contribution_id, dialogue_id, group_key)
SELECT contribution_id, dialogue_id, group_key FROM contribution_groups;
DROP TABLE contribution_groups;
ALTER TABLE contribution_groups_lean RENAME TO contribution_groups;
CREATE INDEX contribution_groups_by_contribution ON contribution_groups (contribution_id);

-- Most contributions come from no activity (digital input): only those from one are looked up by
-- it (the activity filter of a list, the foreign key's check when an activity is deleted).
DROP INDEX contributions_by_activity;
CREATE INDEX contributions_by_activity ON contributions (activity_id) WHERE activity_id IS NOT NULL;
