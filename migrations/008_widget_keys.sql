-- Widget keys: a publishable key role ('widget', allowed by migration 6's role check) placed in web
-- pages, limited to the origins listed for it here.
CREATE TABLE api_key_origins (
  key_id TEXT NOT NULL,
  origin TEXT NOT NULL,
  PRIMARY KEY (key_id, origin)
);
