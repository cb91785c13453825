// Key lifecycle (expiry, rotation with a grace period, revocation seen at once by every instance)
// and the audit log of keys, contact details, organisations and bodies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startService, spawnServer, waitExit, runCli, assertProblem } from './harness.mjs';

let svc;
before(async () => { svc = await startService(); });
after(async () => { await svc.close(); });

const health = (base, key) => fetch(`${base}/v1/dialogues`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.status);
const idOf = (name) => runCli(['keys', 'list', '--db', svc.db.url]).split('\n').find((l) => l.includes(name)).split('\t')[0];

test('a rotated key: the new secret works at once, the old one until its grace period ends', async () => {
  const old = runCli(['keys', 'create', '--role', 'editor', '--name', 'Rotera mig', '--db', svc.db.url]).trim().split('\n').pop();
  const id = idOf('Rotera mig');
  assert.equal(await health(svc.base, old), 200);
  const fresh = runCli(['keys', 'rotate', id, '--grace-hours', '1', '--db', svc.db.url]).trim().split('\n').pop();
  assert.match(fresh, /^dlg_[0-9a-f]{40}$/);
  assert.notEqual(fresh, old);
  assert.equal(await health(svc.base, fresh), 200);
  assert.equal(await health(svc.base, old), 200, 'the old secret works during the grace period');
  const third = runCli(['keys', 'rotate', id, '--grace-hours', '0', '--db', svc.db.url]).trim().split('\n').pop();
  assert.equal(await health(svc.base, third), 200);
  assert.equal(await health(svc.base, fresh), 401, 'rotated with no grace: the replaced secret stops at once');
  assert.equal(await health(svc.base, old), 401, 'only one previous secret is kept');
});

test('an expired key is refused; a revoked key is refused at once by every instance', async () => {
  const key = runCli(['keys', 'create', '--role', 'portal', '--name', 'Kortlivad', '--expires-days', '1', '--db', svc.db.url]).trim().split('\n').pop();
  assert.equal(await health(svc.base, key), 200);
  const later = await spawnServer(svc.db.url, { env: { DIALOGD_TODAY: new Date(Date.now() + 3 * 86400e3).toISOString().slice(0, 10) } });
  try {
    assert.equal(await health(later.base, key), 401, 'two days after it expired');
  } finally { later.child.kill('SIGTERM'); await waitExit(later.child); }

  const shared = runCli(['keys', 'create', '--role', 'editor', '--name', 'Delad', '--db', svc.db.url]).trim().split('\n').pop();
  const second = await spawnServer(svc.db.url);
  try {
    assert.equal(await health(svc.base, shared), 200);
    assert.equal(await health(second.base, shared), 200);
    runCli(['keys', 'revoke', idOf('Delad'), '--db', svc.db.url]);
    assert.equal(await health(svc.base, shared), 401);
    assert.equal(await health(second.base, shared), 401);
  } finally { second.child.kill('SIGTERM'); await waitExit(second.child); }
});

test('the audit log names who made keys, read and erased contacts, changed bodies; never a secret or an address', async () => {
  await svc.call('POST', '/v1/bodies', { key: 'admin', body: { name: 'Granskad nämnd', kind: 'board' } });
  const erased = await svc.call('DELETE', '/v1/contacts?email=hemlig.person@example.org', { key: 'admin' });
  assert.equal(erased.status, 200);
  const log = await svc.call('GET', '/v1/audit?limit=100', { key: 'admin' });
  assert.equal(log.status, 200);
  const actions = log.body.items.map((e) => e.action);
  for (const a of ['key.create', 'key.rotate', 'key.revoke', 'body.create', 'contacts.erase']) assert.ok(actions.includes(a), a);
  const erase = log.body.items.find((e) => e.action === 'contacts.erase');
  assert.equal(erase.actor.role, 'admin');
  assert.ok(!log.text.includes('hemlig.person'), 'no address in the log');
  assert.ok(!/dlg_[0-9a-f]{40}/.test(log.text), 'no key secret in the log');
  assertProblem(assert, await svc.call('GET', '/v1/audit', { key: 'editor' }), 403, 'forbidden');
});
