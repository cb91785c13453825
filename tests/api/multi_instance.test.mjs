// Two dialogd processes on one PostgreSQL database behave as one service.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STORE, freshDatabase, createKey, spawnServer, waitExit } from './harness.mjs';

const pgOnly = STORE === 'postgresql' ? test : test.skip;

async function withTwoInstances(fn) {
  const db = freshDatabase();
  const key = createKey(db.url, 'editor', 'Flera instanser');
  const a = await spawnServer(db.url, { args: ['--no-access-log'] });
  const b = await spawnServer(db.url, { args: ['--no-access-log'] });
  try {
    await fn({ a, b, key });
  } finally {
    for (const s of [a, b]) { s.child.kill('SIGTERM'); await waitExit(s.child); }
    db.cleanup();
  }
}

const call = (server, key, method, path, body, headers = {}) =>
  fetch(server.base + path, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

pgOnly('every acknowledged write through either instance is there exactly once', async () => {
  await withTwoInstances(async ({ a, b, key }) => {
    const acknowledged = [];
    const writer = async (server, n, label) => {
      for (let i = 0; i < n; i++) {
        const res = await call(server, key, 'POST', '/v1/dialogues', { title: `${label}-${i}` });
        if (res.status === 201) acknowledged.push((await res.json()).id);
        else assert.fail(`write refused: ${res.status} ${await res.text()}`);
      }
    };
    await Promise.all([writer(a, 60, 'a1'), writer(b, 60, 'b1'), writer(a, 60, 'a2'), writer(b, 60, 'b2')]);
    assert.equal(acknowledged.length, 240);
    const seen = [];
    let path = '/v1/dialogues?limit=100';
    for (;;) {
      const res = await (await fetch(a.base + path)).json();
      seen.push(...res.items.map((d) => d.id));
      if (!res.next_cursor) break;
      path = `/v1/dialogues?limit=100&cursor=${res.next_cursor}`;
    }
    assert.equal(seen.length, 240);
    assert.equal(new Set(seen).size, 240, 'no duplicates');
    assert.deepEqual([...seen].sort(), [...acknowledged].sort());
  });
});

pgOnly('concurrent edits of one dialogue through both instances never lose a write', async () => {
  await withTwoInstances(async ({ a, b, key }) => {
    const created = await (await call(a, key, 'POST', '/v1/dialogues', { title: 'Delad' })).json();
    const path = `/v1/dialogues/${created.id}`;
    // Twenty writers all holding version 1: exactly one may win, the rest get 412.
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      call(i % 2 ? a : b, key, 'PATCH', path, { purpose: `skribent ${i}` }, { 'if-match': '"1"' })));
    const statuses = results.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 200).length, 1, statuses.join(','));
    assert.equal(statuses.filter((s) => s === 412).length, 19);
    const final = await (await fetch(b.base + path)).json();
    assert.equal(final.version, 2);
    // The same with transitions: one edge taken once.
    const tr = await Promise.all(Array.from({ length: 6 }, (_, i) =>
      call(i % 2 ? a : b, key, 'POST', `${path}/transitions`, { to: 'cancelled', note: `n${i}` }, { 'if-match': '"2"' })));
    assert.equal(tr.filter((r) => r.status === 200).length, 1);
    const timeline = await (await fetch(a.base + `${path}/timeline`)).json();
    assert.equal(timeline.items.length, 1);
  });
});

pgOnly('an idempotency key holds across instances', async () => {
  await withTwoInstances(async ({ a, b, key }) => {
    const headers = { 'idempotency-key': 'portal-retry-77' };
    const body = { title: 'Skickad två gånger' };
    const answers = await Promise.all([
      call(a, key, 'POST', '/v1/dialogues', body, headers),
      call(b, key, 'POST', '/v1/dialogues', body, headers),
      call(a, key, 'POST', '/v1/dialogues', body, headers),
      call(b, key, 'POST', '/v1/dialogues', body, headers),
    ]);
    const ids = await Promise.all(answers.map(async (r) => { assert.equal(r.status, 201); return (await r.json()).id; }));
    assert.equal(new Set(ids).size, 1, 'one dialogue, replayed to every retry');
    const list = await (await fetch(a.base + '/v1/dialogues?limit=100')).json();
    assert.equal(list.items.filter((d) => d.title === 'Skickad två gånger').length, 1);
  });
});
