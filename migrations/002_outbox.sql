-- The transactional outbox: messages written in the same transaction as the change that makes them
-- owed, delivered later by whichever instance claims them. A claim is a lease: an instance that dies
-- mid-delivery loses it when claimed_until passes and another instance delivers (at least once,
-- with the stable message id).
CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  topic TEXT NOT NULL,
  dialogue_id TEXT,
  recipient TEXT NOT NULL,
  payload TEXT NOT NULL,
  due_on TEXT,
  status TEXT NOT NULL,
  attempts BIGINT NOT NULL,
  next_attempt_at TEXT NOT NULL,
  claimed_by TEXT,
  claimed_until TEXT,
  last_error TEXT,
  sent_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX outbox_ready ON outbox (status, next_attempt_at);
CREATE INDEX outbox_by_dialogue ON outbox (dialogue_id, topic);
