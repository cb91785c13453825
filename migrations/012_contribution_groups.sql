-- Counting a dialogue's contributions per target group and per theme without reading every
-- contribution (issue 18: the open-data counts of a dialogue with 20,000 contributions). The
-- groups a contribution speaks for were only inside its JSON document; they get rows of their own,
-- and themes learn their dialogue, so both counts are ranges of one index.
-- SQLite reads the groups out of the documents with json_each; the PostgreSQL variant is
-- 012_contribution_groups.postgresql.sql (the same tables, its own JSON functions).
CREATE TABLE contribution_groups (
  contribution_id TEXT NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
  dialogue_id TEXT NOT NULL,
  group_key TEXT NOT NULL,
  PRIMARY KEY (dialogue_id, group_key, contribution_id)
);
CREATE INDEX contribution_groups_by_contribution ON contribution_groups (contribution_id);
INSERT INTO contribution_groups (contribution_id, dialogue_id, group_key)
SELECT c.id, c.dialogue_id, g.value
FROM contributions c, json_each(c.document, '$.groups') g
WHERE g.type = 'text';

ALTER TABLE contribution_themes ADD COLUMN dialogue_id TEXT;
UPDATE contribution_themes SET dialogue_id =
  (SELECT c.dialogue_id FROM contributions c WHERE c.id = contribution_themes.contribution_id);
CREATE INDEX contribution_themes_by_dialogue ON contribution_themes (dialogue_id, theme);
