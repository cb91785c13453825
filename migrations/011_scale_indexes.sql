-- For answers that stay fast with a million contributions (issue 18): aggregates a dialogue asks
-- for often become index ranges instead of a probe per contribution. Additive only: new columns
-- filled from what is there, a table of counts, and indexes. Same SQL on SQLite and PostgreSQL.

-- Contact details and dispositions learn their dialogue, so feedback coverage counts a dialogue's
-- few rows instead of probing every one of its contributions.
ALTER TABLE contacts ADD COLUMN dialogue_id TEXT;
UPDATE contacts SET dialogue_id =
  (SELECT c.dialogue_id FROM contributions c WHERE c.id = contacts.contribution_id);
CREATE INDEX contacts_by_dialogue ON contacts (dialogue_id, email);

ALTER TABLE contribution_dispositions ADD COLUMN dialogue_id TEXT;
UPDATE contribution_dispositions SET dialogue_id =
  (SELECT c.dialogue_id FROM contributions c WHERE c.id = contribution_dispositions.contribution_id);
-- Only dispositions with a reason can trace a contribution: coverage reads them from the index.
CREATE INDEX contribution_dispositions_with_reason
  ON contribution_dispositions (dialogue_id, contribution_id, disposition) WHERE reason IS NOT NULL;

-- How many contributions each dialogue has, kept with every insert: every dialogue answer shows the
-- count, and lists and feeds show it for many dialogues at once.
CREATE TABLE dialogue_counts (
  dialogue_id TEXT PRIMARY KEY REFERENCES dialogues (id) ON DELETE CASCADE,
  contributions BIGINT NOT NULL
);
INSERT INTO dialogue_counts (dialogue_id, contributions)
SELECT dialogue_id, COUNT(*) FROM contributions GROUP BY dialogue_id;

-- The feedback messages of one moment by status, read from the index alone. It begins with the
-- columns of outbox_by_dialogue, which it replaces (PostgreSQL would otherwise keep choosing the
-- narrower one and read the table).
CREATE INDEX outbox_by_moment ON outbox (dialogue_id, topic, channel, status, due_on);
DROP INDEX outbox_by_dialogue;
-- Unsent email is the small part of the outbox: overdue feedback reads only that. Two orders, as
-- the two planners want them: SQLite groups by dialogue and topic in index order, PostgreSQL
-- takes the range of due dates.
CREATE INDEX outbox_unsent_email ON outbox (due_on, dialogue_id, topic, channel, status)
  WHERE channel = 'email' AND status <> 'sent';
CREATE INDEX outbox_unsent_email_by_dialogue ON outbox (dialogue_id, topic, due_on, channel, status)
  WHERE channel = 'email' AND status <> 'sent';
-- A dialogue's contributions from one channel, in keyset order (the list's channel filter).
CREATE INDEX contributions_by_channel ON contributions (dialogue_id, channel, id);
-- The needs citing a contribution, from the index alone (every contribution and trace reads them).
CREATE INDEX need_contributions_by_contribution_need ON need_contributions (contribution_id, need_id);
