// Group commit: concurrent contribution writes share transactions and fsyncs. A refused request in
// a group undoes only itself, retries with one Idempotency-Key make one contribution even inside
// one group, and every 201 is there afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { startService, createKey, createDialogue, transition, completePlan, STORE } from './harness.mjs';

let svc, operator, id;
before(async () => {
  svc = await startService();
  operator = createKey(svc.db.url, 'operator', 'Drift');
  id = (await createDialogue(svc, completePlan())).id;
  for (const to of ['planned', 'preparing', 'in_dialogue']) await transition(svc, id, to);
});
after(async () => { await svc.close(); });

const post = (body, headers = {}) => svc.call('POST', `/v1/dialogues/${id}/contributions`, { key: 'portal', body, headers });

test('concurrent writes: the good ones stored, the bad ones refused alone, retries made once', async () => {
  const requests = [];
  for (let i = 0; i < 120; i++) {
    if (i % 10 === 3) requests.push(post({ text: '', channel: 'web' }));                 // refused: 422
    else if (i % 10 === 7) requests.push(post({ text: `Samma ${i % 3}`, channel: 'web' }, { 'idempotency-key': `samma-${i % 3}` }));
    else requests.push(post({ text: `Bidrag ${i}`, channel: 'web', groups: ['unga'] }));
  }
  const answers = await Promise.all(requests);
  const created = answers.filter((a) => a.status === 201);
  assert.equal(answers.filter((a) => a.status === 422).length, 12);
  assert.ok(answers.every((a) => a.status === 201 || a.status === 422), answers.map((a) => a.status).join(','));
  const listed = [];
  for (let cursor = null; ;) {
    const page = await svc.call('GET', `/v1/dialogues/${id}/contributions?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { key: 'editor' });
    listed.push(...page.body.items);
    if (!(cursor = page.body.next_cursor)) break;
  }
  const distinct = new Set(created.map((a) => a.body.id));
  assert.equal(listed.length, distinct.size, 'every acknowledged write is stored, and nothing else');
  assert.equal(distinct.size, 96 + 3, '96 single writes and one per idempotency key');
  for (const a of created) assert.ok(listed.some((c) => c.id === a.body.id && c.receipt === a.body.receipt));
  const metrics = await svc.call('GET', '/metrics', { key: operator });
  const largest = Number(/dialogd_group_commit_largest (\d+)/.exec(metrics.text)[1]);
  const groups = Number(/dialogd_group_commits_total (\d+)/.exec(metrics.text)[1]);
  const grouped = Number(/dialogd_group_commit_requests_total (\d+)/.exec(metrics.text)[1]);
  // The 12 refused ones were refused by the check before the group (on a database thread) and
  // never joined one: the writing thread only writes.
  assert.equal(grouped, 108);
  assert.ok(largest > 1 && groups < grouped, `writes shared commits: ${grouped} in ${groups}, at most ${largest}`);
});

test('a dialogue cancelled while writes are in flight: every 201 stored, every other refused as not open', async () => {
  // Contributions are checked before their group and written in it; one checked before the
  // cancellation but written after it is checked again, and refused.
  const other = (await createDialogue(svc, completePlan())).id;
  for (const to of ['planned', 'preparing', 'in_dialogue']) await transition(svc, other, to);
  const writes = Array.from({ length: 150 }, (_, i) =>
    svc.call('POST', `/v1/dialogues/${other}/contributions`, { key: 'portal', body: { text: `Under stängningen ${i}`, channel: 'web' } }));
  await new Promise((r) => setTimeout(r, 5));
  const cancelled = await svc.call('POST', `/v1/dialogues/${other}/transitions`, { key: 'editor', body: { to: 'cancelled', note: 'Inställd' } });
  assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
  const answers = await Promise.all(writes);
  const created = answers.filter((a) => a.status === 201).length;
  for (const a of answers.filter((x) => x.status !== 201)) {
    assert.equal(a.status, 409);
    assert.match(a.body.type, /dialogue-not-open$/);
  }
  const after = await svc.call('GET', `/v1/dialogues/${other}`, { key: 'editor' });
  assert.equal(after.body.counts.contributions, created, `${created} acknowledged`);
  const late = await svc.call('POST', `/v1/dialogues/${other}/contributions`, { key: 'portal', body: { text: 'För sent', channel: 'web' } });
  assert.equal(late.status, 409);
});

test('the SQLite write-ahead log is checkpointed and reused under continuous writes, not grown', { skip: STORE !== 'sqlite' }, async () => {
  // 4,000 writes in waves of 40 make about 16 MB of log frames. A session left in a read
  // transaction at COMMIT makes SQLite refuse every automatic checkpoint; the log then keeps all of
  // it. Checkpointed, the log is reset at about 1,000 pages (4 MB) and written over.
  for (let wave = 0; wave < 100; wave++) {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => post({ text: `Våg ${wave}, bidrag ${i}`, channel: 'web', themes: ['trafik'] })));
    assert.ok(answers.every((a) => a.status === 201));
  }
  const wal = statSync(join(svc.db.dir, 'test.db-wal')).size;
  const main = statSync(join(svc.db.dir, 'test.db')).size;
  assert.ok(wal < 6 * 1024 * 1024, `the log is ${(wal / 1048576).toFixed(1)} MB`);
  assert.ok(main > 1024 * 1024, `the checkpoints moved the contributions into the database file (${main} bytes)`);
});

test('with --no-group-commit a contribution is checked and written in one transaction: the same answers', async () => {
  // The handler's other path: no preparation before a group, everything inside one transaction.
  const single = await startService({ args: ['--no-group-commit'] });
  try {
    const d = (await createDialogue(single, completePlan())).id;
    const write = (body) => single.call('POST', `/v1/dialogues/${d}/contributions`, { key: 'portal', body });
    assert.equal((await write({ text: 'För tidigt', channel: 'web' })).status, 409);
    for (const to of ['planned', 'preparing', 'in_dialogue']) await transition(single, d, to);
    const ok = await write({ text: 'Bussen går för sällan', channel: 'web', groups: ['unga'], themes: ['trafik'] });
    assert.equal(ok.status, 201);
    assert.equal(ok.headers.get('location'), `/v1/contributions/${ok.body.id}`);
    assert.match(ok.body.receipt, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.equal((await write({ text: '', channel: 'web' })).status, 422);
    const receipt = await single.call('GET', `/v1/receipts/${ok.body.receipt}`);
    assert.equal(receipt.status, 200);
    const after = await single.call('GET', `/v1/dialogues/${d}`, { key: 'editor' });
    assert.equal(after.body.counts.contributions, 1);
    const metrics = await single.call('GET', '/metrics', { key: createKey(single.db.url, 'operator', 'Drift') });
    assert.equal(Number(/dialogd_group_commits_total (\d+)/.exec(metrics.text)?.[1] ?? 0), 0);
  } finally {
    await single.close();
  }
});
