// Kill -9 under load: concurrent contribution writes (with and without Idempotency-Key) and
// feedback deliveries (email to a local SMTP sink, webhooks to a local receiver), dialogd killed
// with SIGKILL at random moments and restarted, CHAOS_ROUNDS times (default 20; tests/fuzz/run
// runs more). Afterwards: every contribution acknowledged with 201 is there with its receipt, no
// idempotent retry made a duplicate, no outbox message is lost or stuck, and on SQLite the store
// passes PRAGMA integrity_check.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { createServer as netServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { STORE, freshDatabase, createKey, spawnServer, waitExit, completePlan } from './harness.mjs';

const ROUNDS = Number(process.env.CHAOS_ROUNDS || 20);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const rand = (lo, hi) => lo + Math.floor(Math.random() * (hi - lo));

// --- receivers: webhooks (HTTP) and email (a minimal SMTP sink) ----------------------------------
const deliveries = new Set(); // X-Dialogd-Delivery of every webhook received
const hooks = createServer((req, res) => {
  req.resume();
  req.on('end', () => { deliveries.add(req.headers['x-dialogd-delivery']); res.writeHead(204).end(); });
}).listen(0, '127.0.0.1');
let mailsReceived = 0;
const smtp = netServer((sock) => {
  let inData = false, buf = '';
  sock.write('220 sink ESMTP\r\n');
  sock.on('data', (chunk) => {
    buf += chunk.toString('latin1');
    for (;;) {
      if (inData) {
        const end = buf.indexOf('\r\n.\r\n');
        if (end < 0) return;
        buf = buf.slice(end + 5);
        inData = false;
        mailsReceived++;
        sock.write('250 OK queued\r\n');
        continue;
      }
      const nl = buf.indexOf('\r\n');
      if (nl < 0) return;
      const line = buf.slice(0, nl).toUpperCase();
      buf = buf.slice(nl + 2);
      if (line.startsWith('EHLO')) sock.write('250-sink\r\n250 8BITMIME\r\n');
      else if (line.startsWith('DATA')) { inData = true; sock.write('354 go on\r\n'); }
      else if (line.startsWith('QUIT')) { sock.end('221 bye\r\n'); return; }
      else sock.write('250 OK\r\n');
    }
  });
  sock.on('error', () => {});
}).listen(0, '127.0.0.1');
after(() => { hooks.close(); smtp.close(); });

const db = freshDatabase();
after(() => db.cleanup());

function sql(query) {
  if (STORE === 'postgresql') return execFileSync('psql', [db.url, '-qAt', '-F', '\t', '-c', query], { encoding: 'utf8' }).trim();
  return execFileSync('sqlite3', ['-separator', '\t', db.url.slice('sqlite:'.length), query], { encoding: 'utf8' }).trim();
}

test(`kill -9 under load, ${ROUNDS} rounds: nothing acknowledged is lost, nothing duplicated, no message stuck`, { timeout: 600_000 }, async () => {
  await Promise.all([hooks, smtp].map((srv) => (srv.listening ? null : new Promise((r) => srv.once('listening', r)))));
  const keys = { admin: createKey(db.url, 'admin', 'Admin'), editor: createKey(db.url, 'editor', 'Anna'), portal: createKey(db.url, 'portal', 'Webb') };
  const args = ['--smtp', `smtp://127.0.0.1:${smtp.address().port}`, '--delivery-poll-ms', '50', '--retry-base-ms', '50',
    '--delivery-attempts', '100', '--delivery-lease-ms', '500', '--no-access-log'];
  let server = await spawnServer(db.url, { args });
  const call = async (method, path, { key, body, headers = {} } = {}) => {
    const res = await fetch(server.base + path, {
      method, headers: { authorization: `Bearer ${keys[key]}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, text };
  };
  const hook = await call('POST', '/v1/webhooks', { key: 'admin', body: { url: `http://127.0.0.1:${hooks.address().port}/hook`, events: ['*'], secret: 'hemlig-nyckel-for-kaos-1234' } });
  assert.equal(hook.status, 201, hook.text);

  const acked = new Map(); // contribution id -> receipt (answered 201)
  const writes = new Map(); // text -> { body, key (Idempotency-Key or null), done }
  const dialogues = []; // ids made (answered 201)
  const reported = new Set(); // dialogues answered 200 to the transition to reported
  let seq = 0;

  const contribute = async (d, w) => {
    const headers = w.key ? { 'idempotency-key': w.key } : {};
    const r = await call('POST', `/v1/dialogues/${d}/contributions`, { key: 'portal', body: w.body, headers });
    assert.equal(r.status, 201, `contribution: ${r.text}`);
    if (r.status === 201) {
      if (acked.has(r.body.id)) assert.equal(acked.get(r.body.id), r.body.receipt);
      acked.set(r.body.id, r.body.receipt);
      w.done = true;
    }
  };
  const writer = async (d) => {
    for (;;) {
      const i = seq++;
      const text = `Kaosbidrag ${i}: fler bussar till vårdcentralen.`;
      const w = {
        body: { text, channel: 'web', ...(i % 3 === 0 ? { contact: { email: `person${i % 7}@example.se`, consent: true } } : {}) },
        key: i % 2 === 0 ? `kaos-${randomBytes(6).toString('hex')}` : null, done: false, dialogue: d,
      };
      writes.set(text, w);
      await contribute(d, w);
    }
  };
  const go = (d, to) => call('POST', `/v1/dialogues/${d}/transitions`, { key: 'editor', body: { to } });
  // Moves a dialogue one step at a time towards `goal`, from whatever state a kill left it in.
  const advance = async (d, goal) => {
    for (;;) {
      const state = (await call('GET', `/v1/dialogues/${d}`, { key: 'editor' })).body.state;
      if (state === goal || state === 'reported') return;
      if (state === 'draft') await go(d, 'planned');
      else if (state === 'planned') await go(d, 'preparing');
      else if (state === 'preparing') await go(d, 'in_dialogue');
      else if (state === 'in_dialogue') {
        const acts = await call('GET', `/v1/dialogues/${d}/activities`, { key: 'editor' });
        if (!acts.body.items.length) await call('POST', `/v1/dialogues/${d}/activities`, { key: 'editor', body: { method: 'survey', held_on: '2027-03-01', documentation: { public: 'Webbenkät.' } } });
        const cps = await call('GET', `/v1/dialogues/${d}/checkpoints`, { key: 'editor' });
        if (!cps.body.items.length) await call('POST', `/v1/dialogues/${d}/checkpoints`, { key: 'editor', body: { held_on: '2027-03-20' } });
        if ((await listContributions(d)).length === 0) await contribute(d, { body: { text: `Första bidraget i ${d}`, channel: 'web' }, key: null });
        const r = await go(d, 'analysing');
        assert.equal(r.status, 200, r.text);
      } else if (state === 'analysing') {
        const ids = (await listContributions(d)).map((c) => c.id);
        if (!ids.length) throw new Error(`dialogue ${d} has no contribution`);
        const need = await call('POST', `/v1/dialogues/${d}/needs`, { key: 'editor', body: { title: 'Resor till vården', contribution_ids: ids } });
        assert.equal(need.status, 201, need.text);
        const needs = await call('GET', `/v1/dialogues/${d}/needs?limit=100`, { key: 'editor' });
        const needIds = needs.body.items.map((n) => n.id);
        const rep = await call('PUT', `/v1/dialogues/${d}/report`, { key: 'editor', body: { title: 'Rapport', presented_on: '2027-06-14', need_ids: needIds } });
        assert.ok(rep.status === 200 || rep.status === 201, rep.text);
        const r = await go(d, 'reported');
        assert.equal(r.status, 200, r.text);
        reported.add(d);
      } else throw new Error(`unexpected state ${state}`);
    }
  };
  const listContributions = async (d) => {
    const all = [];
    let cursor = '';
    for (;;) {
      const r = await call('GET', `/v1/dialogues/${d}/contributions?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { key: 'editor' });
      assert.equal(r.status, 200, r.text);
      all.push(...r.body.items);
      if (!r.body.next_cursor) return all;
      cursor = r.body.next_cursor;
    }
  };
  const newDialogue = async () => {
    const r = await call('POST', '/v1/dialogues', { key: 'editor', body: completePlan({ title: `Kaos ${dialogues.length}` }) });
    assert.equal(r.status, 201, r.text);
    dialogues.push(r.body.id);
    return r.body.id;
  };
  const tolerate = (p) => p.catch((e) => { if (!(e instanceof TypeError)) throw e; }); // fetch failed: killed
  const restart = async () => { server = await spawnServer(db.url, { args }); };

  let open = await newDialogue();
  await advance(open, 'in_dialogue');
  let kills = 0;
  for (let round = 0; round < ROUNDS; round++) {
    // Load: four writers on the open dialogue, the previous open ones walked to reported (feedback
    // owed), a new dialogue made; killed at a random moment.
    const previous = dialogues.filter((d) => d !== open && !reported.has(d));
    const work = [writer(open), writer(open), writer(open), writer(open),
      (async () => { for (const d of previous) await advance(d, 'reported'); })(),
      (async () => { const d = await newDialogue(); await advance(d, 'in_dialogue'); })()].map(tolerate);
    await sleep(rand(100, 800));
    server.child.kill('SIGKILL');
    await waitExit(server.child);
    kills++;
    await Promise.all(work);
    await restart();
    // Retry every idempotent write that got no answer: it lands once, whether or not it had.
    for (const w of writes.values()) if (w.key && !w.done) await contribute(w.dialogue, w);
    // The next open dialogue: the newest one that reached in_dialogue (or a fresh one).
    const candidate = dialogues[dialogues.length - 1];
    await advance(candidate, 'in_dialogue');
    if (candidate !== open) open = candidate;
  }
  // Settle: walk every dialogue to reported, without kills, and let delivery finish.
  for (const d of dialogues) await advance(d, 'reported');

  // 1. Every acknowledged contribution is there with its receipt; no write is there twice.
  const byText = new Map();
  const present = new Map();
  for (const d of dialogues) for (const c of await listContributions(d)) {
    present.set(c.id, c.receipt);
    byText.set(c.text, (byText.get(c.text) || 0) + 1);
  }
  for (const [id, receipt] of acked) assert.equal(present.get(id), receipt, `acknowledged contribution ${id} lost`);
  for (const [text, n] of byText) assert.equal(n, 1, `"${text}" stored ${n} times`);
  const keyed = [...writes.values()].filter((w) => w.key);
  for (const w of keyed) assert.ok(w.done && byText.get(w.body.text) === 1, `idempotent write "${w.body.text}" not stored exactly once`);

  // 2. No outbox message lost or stuck: all reach sent; every webhook message arrived.
  const until = Date.now() + 30_000;
  for (;;) {
    const open = Number(sql("SELECT count(*) FROM outbox WHERE status <> 'sent'"));
    if (open === 0) break;
    if (Date.now() > until) assert.fail(`outbox stuck:\n${sql('SELECT channel, topic, status, attempts, last_error FROM outbox WHERE status <> \'sent\'')}`);
    await sleep(200);
  }
  const hookRows = sql("SELECT id, dialogue_id FROM outbox WHERE channel = 'webhook'").split('\n').filter(Boolean).map((l) => l.split('\t'));
  for (const [id] of hookRows) assert.ok(deliveries.has(id), `webhook message ${id} never arrived`);
  const owed = new Set(hookRows.map(([, d]) => d));
  for (const d of reported) assert.ok(owed.has(d), `the feedback owed for ${d} has no message`);
  const emailRows = Number(sql("SELECT count(*) FROM outbox WHERE channel = 'email'"));
  assert.ok(mailsReceived >= emailRows, `${mailsReceived} emails received for ${emailRows} messages`);

  server.child.kill('SIGTERM');
  await waitExit(server.child);
  if (STORE === 'sqlite') assert.equal(sql('PRAGMA integrity_check'), 'ok');
  process.stderr.write(`chaos: ${kills} kills, ${acked.size} contributions acknowledged, ${keyed.length} idempotent, ` +
    `${dialogues.length} dialogues, ${reported.size} reported, ${hookRows.length} webhooks, ${emailRows} emails\n`);
});
