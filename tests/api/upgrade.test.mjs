// Upgrade path: a store written by the release before organisations (schema 5, kept as a fixture
// under tests/fixtures/upgrade/) is migrated by this release without loss. Its keys keep working
// with the same rights, its dialogues, contributions, contacts and webhooks land in the default
// organisation, and nothing else changes for a single-organisation deployment. Runs on the store
// of the run (DIALOGD_TEST_STORE): the SQLite file, or the PostgreSQL dump restored into a fresh
// database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STORE, freshDatabase, spawnServer, waitExit, runCli } from './harness.mjs';
import { validateResponse } from './contract.mjs';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'upgrade');
const recorded = JSON.parse(readFileSync(join(fixtures, `${STORE}.json`), 'utf8'));
let db, server;

before(async () => {
  db = freshDatabase();
  if (STORE === 'postgresql') {
    execFileSync('psql', [db.url, '-q', '-v', 'ON_ERROR_STOP=1', '-f', join(fixtures, 'previous-release.pg.sql')], { stdio: 'pipe' });
  } else {
    copyFileSync(join(fixtures, 'previous-release.sqlite'), db.url.slice('sqlite:'.length));
  }
  server = await spawnServer(db.url);
});
after(async () => {
  server.child.kill('SIGTERM');
  await waitExit(server.child);
  db.cleanup();
});

async function call(method, path, role, body) {
  const headers = { authorization: `Bearer ${recorded.keys[role]}` };
  if (body) headers['content-type'] = 'application/json';
  const res = await fetch(server.base + path, { method, headers, body: body && JSON.stringify(body) });
  const text = await res.text();
  const answer = { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : undefined };
  validateResponse(method, path, answer);
  return answer;
}

test('the old store is migrated to the current schema and keeps every key with its rights', async () => {
  const migrated = runCli(['migrate', '--db', db.url]);
  assert.match(migrated, /schema at version \d+ \(was \d+\)/);
  const keys = runCli(['keys', 'list', '--db', db.url]).trim().split('\n').map((l) => l.split('\t'));
  assert.deepEqual(keys.map((k) => [k[1], k[2]]).sort(), [['admin', 'default'], ['editor', 'default'], ['portal', 'default']]);

  const open = recorded.dialogues.in_dialogue;
  const d = await call('GET', `/v1/dialogues/${open}`, 'editor');
  assert.equal(d.status, 200);
  assert.equal(d.body.state, 'in_dialogue');
  assert.equal(d.body.organisation_id, 'default');
  assert.equal(d.body.body_id, null);
  assert.equal(d.body.counts.contributions, 2);
  const listed = await call('GET', '/v1/dialogues', 'editor');
  assert.deepEqual(listed.body.items.map((x) => x.id).sort(), Object.values(recorded.dialogues).sort());

  // The editor still reads contributions and internal notes; the portal still writes.
  const contributions = await call('GET', `/v1/dialogues/${open}/contributions`, 'editor');
  assert.deepEqual(contributions.body.items.map((c) => c.receipt).sort(), [...recorded.receipts].sort());
  const activities = await call('GET', `/v1/dialogues/${open}/activities`, 'editor');
  assert.equal(activities.body.items[0].documentation.internal, 'Intern anteckning');
  const added = await call('POST', `/v1/dialogues/${open}/contributions`, 'portal', { text: 'Efter uppgraderingen', channel: 'web' });
  assert.equal(added.status, 201, added.text);
  assert.equal((await call('POST', '/v1/dialogues', 'portal', { title: 'x' })).status, 403, 'the portal key did not gain rights');
  const hooks = await call('GET', '/v1/webhooks', 'portal');
  assert.equal(hooks.body.items.length, 1, 'the webhook moved into the default organisation');

  // The groups an old contribution spoke for are counted after the upgrade (migration 012 reads
  // them out of the stored documents): one of the two named "aldre", the new one none.
  const counts = await fetch(`${server.base}/open-data/organisations/default/contribution_counts.json`);
  assert.equal(counts.status, 200);
  const ofOpen = JSON.parse(await counts.text()).items.filter((r) => r.dialogue_id === open);
  assert.deepEqual(ofOpen.filter((r) => r.dimension === 'group').map((r) => [r.key, r.count]), [['aldre', 1]]);
  assert.deepEqual(ofOpen.filter((r) => r.dimension === 'channel').map((r) => [r.key, r.count]), [['web', 3]]);
  // Its theme too: migration 013 rebuilds the themes' table on SQLite (WITHOUT ROWID) and keeps
  // every row.
  assert.deepEqual(ofOpen.filter((r) => r.dimension === 'theme').map((r) => [r.key, r.count]), [['trafik', 1]]);

  // Receipts answer as before, to anyone.
  for (const code of recorded.receipts) {
    const r = await fetch(`${server.base}/v1/receipts/${code}`);
    assert.equal(r.status, 200);
  }
  // The contact given before the upgrade is still there to erase, by the admin.
  const erased = await call('DELETE', '/v1/contacts?email=kerstin@example.org', 'admin');
  assert.equal(erased.body.erased, 1);
  // The draft still edits and the new features work on old data.
  const draft = await call('GET', `/v1/dialogues/${recorded.dialogues.draft}`, 'editor');
  assert.equal(draft.body.state, 'draft');
  const body = await call('POST', '/v1/bodies', 'admin', { name: 'Regionfullmäktige', kind: 'council' });
  assert.equal(body.status, 201);
});
