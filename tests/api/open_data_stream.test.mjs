// Open-data files are streamed (Transfer-Encoding: chunked): the rows are written as they are read,
// a page at a time, so a large organisation's export starts at once with bounded memory. A large
// export must still arrive whole and parse, in both formats, and the connection stays usable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { spawn, execFileSync } from 'node:child_process';
import { STORE, startService, createDialogue, transition, completePlan } from './harness.mjs';

const NEEDS = 1200;       // more than two of the export's pages of 500
const ACTIVITIES = 600;
let svc, big, small;

// Runs `count` calls, `width` at a time.
async function inBatches(count, width, call) {
  for (let i = 0; i < count; i += width) {
    const batch = [];
    for (let j = i; j < Math.min(count, i + width); j++) batch.push(call(j));
    for (const res of await Promise.all(batch)) assert.equal(res.status, 201, res.text);
  }
}

before(async () => {
  svc = await startService();
  big = (await createDialogue(svc, completePlan({ title: 'Stor dialog' }))).id;
  small = (await createDialogue(svc, completePlan({ title: 'Liten dialog' }))).id;
  for (const id of [big, small]) for (const to of ['planned', 'preparing', 'in_dialogue']) await transition(svc, id, to);
  const contribution = async (id) => (await svc.call('POST', `/v1/dialogues/${id}/contributions`, { key: 'portal', body: { text: 'Ett bidrag.', channel: 'web' } })).body.id;
  const bigContribution = await contribution(big);
  const smallContribution = await contribution(small);
  await inBatches(ACTIVITIES, 25, (i) => svc.call('POST', `/v1/dialogues/${big}/activities`, {
    key: 'editor', body: { method: 'survey', held_on: '2027-02-02', participants: { total: 5 }, documentation: { public: `Enkät nummer ${i}, "citerad", i Kiruna.` } },
  }));
  assert.equal((await svc.call('POST', `/v1/dialogues/${small}/activities`, { key: 'editor', body: { method: 'dialogue_cafe', held_on: '2027-02-03', participants: { total: 8 }, documentation: { public: 'Kafé i Luleå.' } } })).status, 201);
  for (const [id, held_on] of [[big, '2027-03-20'], [small, '2027-03-21']]) {
    assert.equal((await svc.call('POST', `/v1/dialogues/${id}/checkpoints`, { key: 'editor', body: { held_on } })).status, 201);
    const moved = await transition(svc, id, 'analysing');
    assert.equal(moved.status, 200, moved.text);
  }
  const description = 'Invånare i inlandet vill kunna nå vården utan långa resor, också på kvällar och helger. '.repeat(3);
  await inBatches(NEEDS, 25, (i) => svc.call('POST', `/v1/dialogues/${big}/needs`, {
    key: 'editor', body: { title: `Behov ${i}`, description, contribution_ids: [bigContribution] },
  }));
  for (let i = 0; i < 3; i++)
    assert.equal((await svc.call('POST', `/v1/dialogues/${small}/needs`, { key: 'editor', body: { title: `Litet behov ${i}`, contribution_ids: [smallContribution] } })).status, 201);
});
after(async () => { await svc.close(); });

// A GET through node's http module, which shows the transfer coding as sent.
function get(path, { agent, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get(`${svc.base}${path}`, { agent, headers }, (res) => {
      let text = '';
      let pieces = 0;
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; pieces++; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text, pieces, complete: res.complete, reused: req.reusedSocket }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

test('a large export is chunked, complete and parses, as JSON and as CSV', async () => {
  const json = await get('/open-data/organisations/default/needs.json');
  assert.equal(json.status, 200);
  assert.equal(json.headers['transfer-encoding'], 'chunked');
  assert.equal(json.headers['content-length'], undefined);
  assert.equal(json.headers['etag'], undefined, 'no ETag: the body is not in hand when the headers go');
  assert.match(json.headers['content-type'], /^application\/json/);
  assert.ok(json.complete);
  const doc = JSON.parse(json.text);
  assert.equal(doc.resource, 'needs');
  assert.equal(doc.items.length, NEEDS + 3);
  assert.equal(new Set(doc.items.map((n) => n.id)).size, NEEDS + 3, 'no need twice across pages');
  assert.equal(doc.items.filter((n) => n.dialogue_id === big).length, NEEDS);
  assert.ok(json.text.length > 300_000, `a large file (${json.text.length} bytes)`);

  const csv = await get('/open-data/organisations/default/needs.csv');
  assert.equal(csv.headers['transfer-encoding'], 'chunked');
  assert.match(csv.headers['content-type'], /^text\/csv/);
  const records = csv.text.split('\r\n');
  assert.equal(records.pop(), '', 'CRLF after the last record');
  assert.equal(records.length, 1 + NEEDS + 3);
  assert.match(records[0], /^id,dialogue_id,title,/);

  const activities = JSON.parse((await get('/open-data/organisations/default/activities.json')).text);
  assert.equal(activities.items.length, ACTIVITIES + 1);
  assert.equal(new Set(activities.items.map((a) => a.id)).size, ACTIVITIES + 1);
  assert.ok(activities.items.some((a) => a.documentation === 'Enkät nummer 599, "citerad", i Kiruna.'));
});

test('the connection serves the next request after a streamed answer', async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const first = await get('/open-data/organisations/default/activities.csv', { agent });
    const second = await get('/open-data/organisations/default/dialogues.json', { agent });
    const third = await get('/health', { agent });
    assert.ok(first.complete && second.complete);
    assert.equal(JSON.parse(second.text).items.length, 2);
    assert.equal(third.status, 200);
    assert.ok(second.reused && third.reused, 'one connection for all three');
  } finally {
    agent.destroy();
  }
});

test('the dialogues file keeps Last-Modified and If-Modified-Since; unknown ones are still 404', async () => {
  const first = await get('/open-data/organisations/default/dialogues.csv');
  assert.equal(first.headers['transfer-encoding'], 'chunked');
  assert.ok(first.headers['last-modified']);
  assert.equal(first.headers['cache-control'], 'public, max-age=300');
  const again = await get('/open-data/organisations/default/dialogues.csv', { headers: { 'if-modified-since': first.headers['last-modified'] } });
  assert.equal(again.status, 304);
  assert.equal(again.text, '');
  assert.equal((await svc.call('GET', '/open-data/organisations/nowhere/needs.json')).status, 404);
  assert.equal((await svc.call('GET', '/open-data/organisations/default/secrets.csv')).status, 404);
});

// PostgreSQL only: a lock holds the needs table while the headers go out, then dialogd's own
// database sessions are cut, so reading the first page fails after the 200 was sent.
const pgOnly = STORE === 'postgresql' ? test : test.skip;
pgOnly('a read failing after the headers cuts the transfer: no last chunk, never a whole-looking file', async () => {
  const admin = process.env.DIALOGD_TEST_PG;
  const name = new URL(svc.db.url).pathname.slice(1);
  const url = new URL(admin);
  url.pathname = '/' + name;
  const locker = spawn('psql', [url.toString(), '-q'], { env: { ...process.env, PGAPPNAME: 'stream-test-locker' }, stdio: ['pipe', 'ignore', 'ignore'] });
  locker.stdin.write('BEGIN; LOCK TABLE needs IN ACCESS EXCLUSIVE MODE; SELECT 1;\n');
  const sql = (q) => execFileSync('psql', [admin, '-q', '-t', '-A', '-c', q], { encoding: 'utf8' });
  try {
    for (let i = 0; i < 50 && !sql(`SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'needs' AND l.mode = 'AccessExclusiveLock' AND l.granted`).trim(); i++)
      await new Promise((r) => setTimeout(r, 100));
    const outcome = await new Promise((resolve, reject) => {
      const req = http.get(`${svc.base}/open-data/organisations/default/needs.json`, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => { text += c; });
        res.on('aborted', () => resolve({ res, text, cut: true }));
        res.on('error', () => resolve({ res, text, cut: true }));
        res.on('end', () => resolve({ res, text, cut: !res.complete }));
        // The headers are here and the first page waits for the lock: cut dialogd's sessions.
        sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND application_name <> 'stream-test-locker' AND pid <> pg_backend_pid()`);
      });
      req.on('error', reject);
      setTimeout(() => reject(new Error('no headers: the handler itself waited for the lock')), 10000).unref();
    });
    assert.equal(outcome.res.statusCode, 200);
    assert.equal(outcome.res.headers['transfer-encoding'], 'chunked');
    assert.ok(outcome.cut, 'the transfer is cut, not complete');
    assert.throws(() => JSON.parse(outcome.text), 'what arrived is not a whole document');
    assert.ok(svc.server.lines.some((l) => l.msg === 'streamed answer cut' && l.route === '/open-data/organisations/{org_id}/{resource}.json'));
  } finally {
    locker.stdin.end('ROLLBACK;\n');
    await new Promise((r) => locker.on('exit', r));
  }
  // The pool recovers; the next download is whole.
  let whole;
  for (let i = 0; i < 5 && !whole; i++) {
    const res = await get('/open-data/organisations/default/needs.json');
    if (res.status === 200 && res.complete) whole = JSON.parse(res.text);
  }
  assert.equal(whole.items.length, NEEDS + 3);
});
