// Public reads from memory: conditional requests are answered 304, a write is seen by the next
// read on the same instance at once, and by the next read on another instance on the same
// PostgreSQL store as soon as its change feed delivers the NOTIFY (milliseconds; polled here).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { STORE, startService, spawnServer, waitExit, createDialogue } from './harness.mjs';

let svc;
before(async () => { svc = await startService(); });
after(async () => { await svc.close(); });

test('a public read carries an ETag; the same ETag back is 304, a changed resource is 200', async () => {
  const d = await createDialogue(svc);
  const first = await svc.call('GET', `/v1/dialogues/${d.id}`);
  const etag = first.headers.get('etag');
  assert.ok(etag);
  const again = await svc.call('GET', `/v1/dialogues/${d.id}`, { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 304);
  assert.equal(again.text, '');
  const patched = await svc.call('PATCH', `/v1/dialogues/${d.id}`, { key: 'editor', body: { title: 'Nytt namn' }, headers: { 'if-match': etag } });
  assert.equal(patched.status, 200);
  const fresh = await svc.call('GET', `/v1/dialogues/${d.id}`, { headers: { 'if-none-match': etag } });
  assert.equal(fresh.status, 200, 'the write invalidated the stored answer');
  assert.equal(fresh.body.title, 'Nytt namn');
  const list = await svc.call('GET', '/v1/dialogues');
  assert.ok(list.headers.get('etag'), 'lists get a strong ETag of their body');
  assert.equal((await svc.call('GET', '/v1/dialogues', { headers: { 'if-none-match': list.headers.get('etag') } })).status, 304);
});

test('every write is visible to the next public read on the same instance', async () => {
  const d = await createDialogue(svc);
  for (let i = 0; i < 20; i++) {
    await svc.call('GET', `/v1/dialogues/${d.id}`);
    const current = await svc.call('GET', `/v1/dialogues/${d.id}`, { key: 'editor' });
    const res = await svc.call('PATCH', `/v1/dialogues/${d.id}`, { key: 'editor', body: { title: `Titel ${i}` }, headers: { 'if-match': current.headers.get('etag') } });
    assert.equal(res.status, 200);
    assert.equal((await svc.call('GET', `/v1/dialogues/${d.id}`)).body.title, `Titel ${i}`);
  }
});

(STORE === 'postgresql' ? test : test.skip)('a write through one instance is seen by public reads through another', async () => {
  const other = await spawnServer(svc.db.url, { args: ['--no-access-log'] });
  try {
    const d = await createDialogue(svc);
    const read = async () => (await (await fetch(`${other.base}/v1/dialogues/${d.id}`)).json()).title;
    assert.equal(await read(), d.title);
    assert.equal(await read(), d.title);  // now from the other instance's memory
    const current = await svc.call('GET', `/v1/dialogues/${d.id}`, { key: 'editor' });
    await svc.call('PATCH', `/v1/dialogues/${d.id}`, { key: 'editor', body: { title: 'Ändrad via A' }, headers: { 'if-match': current.headers.get('etag') } });
    const deadline = Date.now() + 2000;
    let seen;
    while (Date.now() < deadline && (seen = await read()) !== 'Ändrad via A') await new Promise((r) => setTimeout(r, 20));
    assert.equal(seen, 'Ändrad via A');
  } finally { other.child.kill('SIGTERM'); await waitExit(other.child); }
});

// node:http, to see the raw headers of a hit as the client gets them.
function rawGet(path, headers = {}, agent) {
  return new Promise((resolve, reject) => {
    http.get(svc.base + path, { headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, raw: res.rawHeaders, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('a hit from memory is the first answer again, byte for byte, with its own request id', async () => {
  const d = await createDialogue(svc);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const first = await rawGet(`/v1/dialogues/${d.id}`, { 'x-request-id': 'first-read' }, agent);
    const hits = [];
    for (let i = 0; i < 3; i++) hits.push(await rawGet(`/v1/dialogues/${d.id}`, { 'x-request-id': `hit-${i}` }, agent));
    const headerNames = (r) => Object.keys(r.headers).filter((h) => !['date', 'x-request-id', 'connection', 'keep-alive'].includes(h)).sort();
    for (const [i, hit] of hits.entries()) {
      assert.equal(hit.status, 200);
      assert.ok(hit.body.equals(first.body), 'the same body');
      assert.equal(hit.headers['x-request-id'], `hit-${i}`, 'its own request id');
      assert.deepEqual(headerNames(hit), headerNames(first), 'the same headers');
      for (const h of headerNames(first)) assert.equal(hit.headers[h], first.headers[h], h);
      assert.equal(Number(hit.headers['content-length']), hit.body.length);
      assert.equal(hit.headers['x-content-type-options'], 'nosniff');
      assert.match(hit.headers['content-security-policy'], /default-src 'none'/);
    }
    // Keep-alive held: the hits above went over one connection, and a write is seen at once.
    const current = await svc.call('GET', `/v1/dialogues/${d.id}`, { key: 'editor' });
    await svc.call('PATCH', `/v1/dialogues/${d.id}`, { key: 'editor', body: { title: 'Efter skrivning' }, headers: { 'if-match': current.headers.get('etag') } });
    const after = await rawGet(`/v1/dialogues/${d.id}`, {}, agent);
    assert.equal(JSON.parse(after.body).title, 'Efter skrivning');
    // An HTTP/1.0 client and Connection: close are answered from memory too, fitted to them.
    const closing = await rawGet(`/v1/dialogues/${d.id}`, { connection: 'close' });
    assert.equal(closing.headers.connection, 'close');
    assert.ok(closing.body.equals(after.body));
  } finally { agent.destroy(); }
});

test('past its time to live one request refreshes an answer; a writer the feed cannot see shows within two', { skip: STORE !== 'sqlite' && 'a second process on the same file is SQLite\'s case' }, async () => {
  const own = await startService({ args: ['--public-cache-ms', '300'] });
  try {
    const d = await createDialogue(own);
    const path = `/v1/dialogues/${d.id}`;
    assert.equal((await own.call('GET', path)).status, 200);
    // Another process writes the file behind dialogd's back (no generation moves).
    execFileSync('sqlite3', [own.db.url.slice('sqlite:'.length), `UPDATE dialogues SET title = 'Utanför', plan = json_set(plan, '$.title', 'Utanför') WHERE id = '${d.id}';`]);
    const started = Date.now();
    let title;
    // Many readers at once past the time to live: each is answered (stale or fresh), none fails.
    while (title !== 'Utanför' && Date.now() - started < 3000) {
      const answers = await Promise.all(Array.from({ length: 20 }, () => own.call('GET', path)));
      assert.ok(answers.every((a) => a.status === 200));
      title = answers.at(-1).body.title;
    }
    assert.equal(title, 'Utanför');
    assert.ok(Date.now() - started < 1500, `seen after ${Date.now() - started} ms (time to live 300 ms)`);
  } finally { await own.close(); }
});
