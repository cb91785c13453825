-- Organisations (tenants), their political bodies and the bodies' yearly implementation plans.
-- A store from the release before keeps everything: its keys, dialogues and webhooks move into one
-- default organisation, and its keys keep their roles.

CREATE TABLE organisations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  document TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
INSERT INTO organisations (id, name, document, version, created_at, updated_at)
VALUES ('default', 'Organisation', '{"name":"Organisation","name_en":null,"kind":"other","url":null}',
        1, '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z');

-- The role check grows (operator, widget), so the table is rebuilt; the same SQL on both stores.
CREATE TABLE api_keys_v6 (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('operator', 'admin', 'editor', 'portal', 'widget')),
  organisation_id TEXT REFERENCES organisations (id),
  key_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  CHECK ((role = 'operator' AND organisation_id IS NULL) OR
         (role <> 'operator' AND organisation_id IS NOT NULL))
);
INSERT INTO api_keys_v6 (id, name, role, organisation_id, key_hash, created_at, revoked_at)
SELECT id, name, role, 'default', key_hash, created_at, revoked_at FROM api_keys;
DROP TABLE api_keys;
ALTER TABLE api_keys_v6 RENAME TO api_keys;

CREATE TABLE bodies (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  name TEXT NOT NULL,
  document TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX bodies_by_organisation ON bodies (organisation_id, id);

CREATE TABLE body_plans (
  body_id TEXT NOT NULL REFERENCES bodies (id),
  year BIGINT NOT NULL,
  document TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (body_id, year)
);

ALTER TABLE dialogues ADD COLUMN organisation_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE dialogues ADD COLUMN body_id TEXT;
ALTER TABLE dialogues ADD COLUMN plan_year BIGINT;
ALTER TABLE dialogues ADD COLUMN plan_item TEXT;
CREATE INDEX dialogues_by_organisation ON dialogues (organisation_id, id);
CREATE INDEX dialogues_by_body ON dialogues (body_id, plan_year);

ALTER TABLE webhooks ADD COLUMN organisation_id TEXT NOT NULL DEFAULT 'default';
CREATE INDEX webhooks_by_organisation ON webhooks (organisation_id);
