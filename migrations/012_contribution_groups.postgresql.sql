-- PostgreSQL's variant of 012_contribution_groups.sql (see there why): the same tables, the
-- groups read out of the documents with jsonb functions.
CREATE TABLE contribution_groups (
  contribution_id TEXT NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
  dialogue_id TEXT NOT NULL,
  group_key TEXT NOT NULL,
  PRIMARY KEY (dialogue_id, group_key, contribution_id)
);
CREATE INDEX contribution_groups_by_contribution ON contribution_groups (contribution_id);
INSERT INTO contribution_groups (contribution_id, dialogue_id, group_key)
SELECT c.id, c.dialogue_id, g.value
FROM contributions c
CROSS JOIN LATERAL jsonb_array_elements_text(
  CASE WHEN jsonb_typeof(c.document::jsonb -> 'groups') = 'array'
       THEN c.document::jsonb -> 'groups' ELSE '[]'::jsonb END) AS g(value);

ALTER TABLE contribution_themes ADD COLUMN dialogue_id TEXT;
UPDATE contribution_themes SET dialogue_id =
  (SELECT c.dialogue_id FROM contributions c WHERE c.id = contribution_themes.contribution_id);
CREATE INDEX contribution_themes_by_dialogue ON contribution_themes (dialogue_id, theme);
