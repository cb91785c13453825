-- Feedback: the moments a dialogue owes word to its participants, the public entries published at
-- those moments, and the webhooks portals register to hear of them. The messages themselves are in
-- the outbox (002), one per person and moment, and one per webhook and moment.
CREATE TABLE feedback_moments (
  dialogue_id TEXT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
  moment TEXT NOT NULL,
  happened_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (dialogue_id, moment)
);

CREATE TABLE public_feedback (
  dialogue_id TEXT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
  moment TEXT NOT NULL,
  document TEXT NOT NULL,
  published_at TEXT NOT NULL,
  PRIMARY KEY (dialogue_id, moment)
);

CREATE TABLE webhooks (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  events TEXT NOT NULL,
  secret TEXT NOT NULL,
  created_at TEXT NOT NULL,
  deleted_at TEXT
);
