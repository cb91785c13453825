// Feedback tracking against a real SMTP server (Debian's python3-aiosmtpd) and a real webhook
// receiver: once per person per moment, in their language; retries then failure; a restart loses and
// duplicates nothing; overdue on the right day; closing erases contact details.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createHmac } from 'node:crypto';
import { createServer as netServer, Socket } from 'node:net';
import { freshDatabase, createKey, spawnServer, waitExit, completePlan, assertProblem } from './harness.mjs';
import { validateResponse } from './contract.mjs';

const freePort = () => new Promise((resolve) => {
  const s = netServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// --- a real SMTP server --------------------------------------------------------------------------
let smtp, smtpPort, mailLog = '';
async function startSmtp() {
  smtpPort = await freePort();
  smtp = spawn('/usr/bin/python3', ['-u', '-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${smtpPort}`, '-c', 'aiosmtpd.handlers.Debugging'], { stdio: ['ignore', 'pipe', 'pipe'] });
  smtp.stdout.setEncoding('utf8');
  smtp.stdout.on('data', (c) => { mailLog += c; });
  for (let i = 0; i < 50; i++) {
    const up = await new Promise((resolve) => {
      const s = new Socket();
      s.once('connect', () => { s.destroy(); resolve(true); }).once('error', () => resolve(false)).connect(smtpPort, '127.0.0.1');
    });
    if (up) return;
    await sleep(100);
  }
}
const mails = () => mailLog.split('---------- MESSAGE FOLLOWS ----------').slice(1).map((m) => m.split('------------ END MESSAGE ------------')[0]);
const decodeSubject = (mail) => {
  const m = mail.match(/^Subject: (.*)$/m);
  if (!m) return '';
  const enc = m[1].match(/^=\?UTF-8\?B\?(.*)\?=$/);
  return enc ? Buffer.from(enc[1], 'base64').toString('utf8') : m[1];
};

// --- a real webhook receiver ---------------------------------------------------------------------
const received = { ok: [], failing: [] };
let hookServer, hookPort;
async function startHooks() {
  hookPort = await freePort();
  hookServer = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const which = req.url === '/ok' ? 'ok' : 'failing';
      received[which].push({ headers: req.headers, body });
      res.writeHead(which === 'ok' ? 204 : 500).end();
    });
  }).listen(hookPort, '127.0.0.1');
}

let db, keys, server;
const SECRET = 'hemlig-nyckel-for-portalen-1234';
const DELIVERY = ['--delivery-poll-ms', '100', '--retry-base-ms', '100', '--delivery-attempts', '3', '--delivery-lease-ms', '800',
  '--public-url', 'https://dialog.norrbotten.example'];
const start = async (opts = {}) => {
  server = await spawnServer(db.url, { args: [...(opts.smtp === false ? [] : ['--smtp', `smtp://127.0.0.1:${smtpPort}`]), ...DELIVERY], env: opts.env || {} });
};
const stop = async (signal = 'SIGTERM') => { server.child.kill(signal); await waitExit(server.child); };
const call = async (method, path, { key, body, headers = {} } = {}) => {
  const res = await fetch(server.base + path, {
    method, headers: { ...(key ? { authorization: `Bearer ${keys[key]}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const answer = { status: res.status, body: text ? JSON.parse(text) : undefined, text, headers: res.headers };
  validateResponse(method, path.split('?')[0], answer);
  return answer;
};
const waitFor = async (what, check, ms = 10000) => {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) assert.fail(`timed out waiting for ${what}`);
    await sleep(100);
  }
};

before(async () => {
  await startSmtp();
  await startHooks();
  db = freshDatabase();
  keys = { admin: createKey(db.url, 'admin', 'Admin'), editor: createKey(db.url, 'editor', 'Anna'), portal: createKey(db.url, 'portal', 'Webb') };
  await start();
});
after(async () => {
  if (server?.child.exitCode === null) await stop();
  smtp?.kill();
  hookServer?.close();
  db?.cleanup();
});

// Walks a dialogue to analysing with contributions from three people, two of whom asked for feedback.
async function dialogueWithPeople(title) {
  const d = (await call('POST', '/v1/dialogues', { key: 'editor', body: completePlan({ title, feedback_plan: { channels: ['email'], promise: 'Vi återkommer.', days_after_report: 14, days_after_decision: 30 } }) })).body;
  for (const to of ['planned', 'preparing', 'in_dialogue']) await call('POST', `/v1/dialogues/${d.id}/transitions`, { key: 'editor', body: { to } });
  const contribute = async (text, extra = {}) => (await call('POST', `/v1/dialogues/${d.id}/contributions`, { key: 'portal', body: { text, channel: 'web', ...extra } })).body;
  const a1 = await contribute('Öppna vårdcentralen på kvällar.', { language: 'sv', contact: { email: 'karin@example.se', name: 'Karin Öberg', consent: true } });
  const a2 = await contribute('Fler bussar till sjukhuset.', { language: 'sv', contact: { email: 'KARIN@example.se', consent: true } });
  const b1 = await contribute('Please add evening opening hours.', { language: 'en', contact: { email: 'sam@example.org', consent: true } });
  const c1 = await contribute('Gatlampor behövs.');
  await call('POST', `/v1/dialogues/${d.id}/activities`, { key: 'editor', body: { method: 'survey', held_on: '2027-03-01', documentation: { public: 'Webbenkät.' } } });
  await call('POST', `/v1/dialogues/${d.id}/checkpoints`, { key: 'editor', body: { held_on: '2027-03-20' } });
  await call('POST', `/v1/dialogues/${d.id}/transitions`, { key: 'editor', body: { to: 'analysing' } });
  return { d, a1, a2, b1, c1 };
}

async function toReported({ d, a1, a2, b1, c1 }) {
  const need = (await call('POST', `/v1/dialogues/${d.id}/needs`, { key: 'editor', body: { title: 'Vård på kvällstid', contribution_ids: [a1.id, b1.id] } })).body;
  const need2 = (await call('POST', `/v1/dialogues/${d.id}/needs`, { key: 'editor', body: { title: 'Resor till vården', contribution_ids: [a2.id] } })).body;
  const c = await call('GET', `/v1/contributions/${c1.id}`, { key: 'editor' });
  await call('PATCH', `/v1/contributions/${c1.id}`, { key: 'editor', body: { disposition: 'out_of_scope', reason: 'Kommunens ansvar.' }, headers: { 'if-match': c.headers.get('etag') } });
  await call('PUT', `/v1/dialogues/${d.id}/report`, { key: 'editor', body: { title: 'Rapport', presented_on: '2027-06-14', need_ids: [need.id, need2.id] } });
  const r = await call('POST', `/v1/dialogues/${d.id}/transitions`, { key: 'editor', body: { to: 'reported' } });
  assert.equal(r.status, 200, r.text);
  return { need, need2 };
}

test('report feedback: one email per person in their language, webhooks signed, retried, failed', async () => {
  const ok = await call('POST', '/v1/webhooks', { key: 'admin', body: { url: `http://127.0.0.1:${hookPort}/ok`, events: ['feedback.report', 'feedback.decision'], secret: SECRET } });
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.body.secret, undefined, 'the secret is never shown');
  // A portal registers its own webhook.
  const failing = await call('POST', '/v1/webhooks', { key: 'portal', body: { url: `http://127.0.0.1:${hookPort}/failing`, events: ['*'], secret: SECRET } });
  assert.equal(failing.status, 201);
  const listed = await call('GET', '/v1/webhooks', { key: 'portal' });
  assert.deepEqual(listed.body.items.map((w) => w.url).sort(), [`http://127.0.0.1:${hookPort}/failing`, `http://127.0.0.1:${hookPort}/ok`]);
  assert.equal((await call('POST', '/v1/webhooks', { body: { url: 'https://x.se', events: ['*'], secret: SECRET } })).status, 401);
  const bad = await call('POST', '/v1/webhooks', { key: 'portal', body: { url: 'ftp://x', events: ['feedback.nothing'], secret: 'short' } });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.body.errors.map((e) => e.field).sort(), ['events[0]', 'secret', 'url']);

  const people = await dialogueWithPeople('Vården i Jokkmokk');
  const before = mails().length;
  await toReported(people);
  const sent = await waitFor('two emails', () => (mails().length - before >= 2 ? mails().slice(before) : null));
  await sleep(500);
  assert.equal(mails().length - before, 2, 'one message per person, not per contribution');
  const karin = sent.find((m) => /karin@example\.se/i.test(m));
  const sam = sent.find((m) => /sam@example\.org/.test(m));
  assert.match(decodeSubject(karin), /^Rapporten från dialogen Vården i Jokkmokk/);
  assert.match(decodeSubject(sam), /^The report from the dialogue/);
  assert.ok(karin.includes(people.a1.receipt) && karin.includes(people.a2.receipt), 'both receipts linked');
  assert.ok(karin.includes('https://dialog.norrbotten.example/v1/receipts/'));
  assert.ok(sam.includes(people.b1.receipt) && !sam.includes(people.a1.receipt));
  assert.ok(!mailLog.includes('Gatlampor'), 'no message for a person who gave no contact');

  const event = await waitFor('the webhook', () => received.ok.find((r) => JSON.parse(r.body).event === 'feedback.report'));
  const signature = createHmac('sha256', SECRET).update(event.body).digest('hex');
  assert.equal(event.headers['x-dialogd-signature'], `sha256=${signature}`);
  assert.equal(JSON.parse(event.body).dialogue_id, people.d.id);
  assert.equal(event.headers['x-dialogd-delivery'], JSON.parse(event.body).id);
  await waitFor('three failing attempts', () => received.failing.length >= 3);
  await sleep(800);
  assert.equal(received.failing.length, 3, 'retried, then given up');

  const coverage = await call('GET', `/v1/dialogues/${people.d.id}/feedback`, { key: 'editor' });
  assert.equal(coverage.status, 200);
  assert.equal(coverage.body.participants_opted_in, 2);
  assert.deepEqual(coverage.body.contributions, { total: 4, traced: 1, traced_share: 0.25 });
  const report = coverage.body.moments.find((m) => m.moment === 'report');
  assert.deepEqual([report.due_on, report.owed, report.sent, report.failed, report.pending, report.overdue], ['2027-06-28', 2, 2, 0, 0, 0]);
  const pub = await call('GET', `/v1/dialogues/${people.d.id}/feedback/public`);
  assert.equal(pub.status, 200);
  assert.equal(pub.body.items[0].moment, 'report');
  assert.deepEqual(pub.body.items[0].needs.map((n) => n.title), ['Vård på kvällstid', 'Resor till vården']);
  assert.ok(!pub.text.includes('karin'), 'no personal data publicly');
  assertProblem(assert, await call('GET', `/v1/dialogues/${people.d.id}/feedback`), 401, 'unauthorized');
});

test('without SMTP email stays pending; a killed dialogd sends it after restart, once; overdue on the right day', async () => {
  await stop();
  await start({ smtp: false });
  const people = await dialogueWithPeople('Kollektivtrafik i inlandet');
  await toReported(people);
  await sleep(400);
  let coverage = await call('GET', `/v1/dialogues/${people.d.id}/feedback`, { key: 'editor' });
  const report = coverage.body.moments.find((m) => m.moment === 'report');
  assert.deepEqual([report.owed, report.sent, report.pending], [2, 0, 2], 'pending, reported as such');

  // Due 2027-06-28: on the 28th nothing is overdue, on the 29th it is.
  await stop('SIGKILL');
  await start({ smtp: false, env: { DIALOGD_TODAY: '2027-06-28' } });
  let overdue = await call('GET', '/v1/feedback/overdue', { key: 'editor' });
  assert.ok(!overdue.body.items.some((i) => i.dialogue_id === people.d.id));
  await stop('SIGKILL');
  await start({ smtp: false, env: { DIALOGD_TODAY: '2027-06-29' } });
  overdue = await call('GET', '/v1/feedback/overdue', { key: 'editor' });
  const row = overdue.body.items.find((i) => i.dialogue_id === people.d.id);
  assert.equal(row.overdue_messages, 2);

  await stop('SIGKILL');
  const before = mails().length;
  await start();
  await waitFor('the pending emails', () => mails().length - before >= 2);
  await stop('SIGKILL');
  await start();
  await sleep(1500);
  assert.equal(mails().length - before, 2, 'nothing sent twice after another restart');
  coverage = await call('GET', `/v1/dialogues/${people.d.id}/feedback`, { key: 'editor' });
  assert.equal(coverage.body.moments.find((m) => m.moment === 'report').sent, 2);
});

test('closing needs all feedback sent and erases contact details; DELETE /v1/contacts erases on request', async () => {
  const people = await dialogueWithPeople('Trygg vård');
  const { need, need2 } = await toReported(people);
  const id = people.d.id;
  const answer = await call('PUT', `/v1/dialogues/${id}/answer`, { key: 'editor', body: { answered_on: '2027-09-01', responses: [
    { need_id: need.id, measures: [{ title: 'Kvällsöppet' }] }, { need_id: need2.id, no_measure_reason: 'Länstrafikens ansvar.' }] } });
  await call('POST', `/v1/dialogues/${id}/transitions`, { key: 'editor', body: { to: 'answered' } });
  const measure = answer.body.responses[0].measures[0].id;
  await call('PUT', `/v1/dialogues/${id}/decision`, { key: 'editor', body: { decided_on: '2027-11-22', reference: 'RF § 12', adopted: [measure] } });
  await call('POST', `/v1/dialogues/${id}/transitions`, { key: 'editor', body: { to: 'decided' } });
  await call('POST', `/v1/measures/${measure}/updates`, { key: 'editor', body: { on: '2028-06-01', status: 'done' } });
  await call('PUT', `/v1/dialogues/${id}/follow-up`, { key: 'editor', body: { held_on: '2028-11-20', summary: 'Klart.' } });
  // Stop delivery so that the follow-up feedback is still owed when closing is tried.
  await stop();
  await start({ smtp: false });
  assert.equal((await call('POST', `/v1/dialogues/${id}/transitions`, { key: 'editor', body: { to: 'followed_up' } })).status, 200);
  const blocked = await call('POST', `/v1/dialogues/${id}/transitions`, { key: 'editor', body: { to: 'closed' } });
  assert.equal(blocked.status, 409);
  assert.deepEqual(blocked.body.unmet, ['feedback_outstanding']);
  await stop();
  await start();
  await waitFor('all feedback sent', async () => (await call('GET', `/v1/dialogues/${id}/feedback`, { key: 'editor' })).body.moments.every((m) => m.sent === m.owed));
  const closed = await call('POST', `/v1/dialogues/${id}/transitions`, { key: 'editor', body: { to: 'closed' } });
  assert.equal(closed.status, 200, closed.text);
  const after = await call('GET', `/v1/dialogues/${id}/feedback`, { key: 'editor' });
  assert.equal(after.body.participants_opted_in, 0, 'contacts erased on closing');
  assert.equal(after.body.contributions.total, 4, 'contributions stay, anonymous');

  const other = await dialogueWithPeople('Radera på begäran');
  const erased = await call('DELETE', '/v1/contacts?email=KARIN@EXAMPLE.SE', { key: 'admin' });
  assert.equal(erased.status, 200);
  // Everywhere: two contributions each in the three dialogues of this file still holding contacts
  // (the first two tests' and this one), whatever the case of the address.
  assert.equal(erased.body.erased, 6);
  assert.equal((await call('DELETE', '/v1/contacts?email=karin@example.se', { key: 'editor' })).status, 403);
  assert.equal((await call('GET', `/v1/dialogues/${other.d.id}/feedback`, { key: 'editor' })).body.participants_opted_in, 1);
  assert.ok(!server.log().includes('karin@example.se') && !server.log().includes('KARIN'), 'addresses never logged');
  assert.match(server.log(), /contact details read/);
});

test('a cancelled dialogue tells its participants and then erases their contacts', async () => {
  const people = await dialogueWithPeople('Avbruten dialog');
  const before = mails().length;
  const r = await call('POST', `/v1/dialogues/${people.d.id}/transitions`, { key: 'editor', body: { to: 'cancelled', note: 'Frågan avgjordes nationellt.' } });
  assert.equal(r.status, 200);
  await waitFor('cancellation emails', () => mails().length - before >= 2);
  assert.ok(mails().slice(before).some((m) => m.includes('Frågan avgjordes nationellt.')));
  await waitFor('erasure', async () => (await call('GET', `/v1/dialogues/${people.d.id}/feedback`, { key: 'editor' })).body.participants_opted_in === 0);
});
