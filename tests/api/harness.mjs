// Starts a real dialogd (SQLite file or a fresh PostgreSQL database) and talks HTTP to it.
// DIALOGD_TEST_STORE=sqlite|postgresql picks the store; DIALOGD_TEST_PG is the admin URL of the
// throw-away cluster that scripts/test starts. DIALOGD_BIN overrides the binary.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { validateResponse } from './contract.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = process.env.DIALOGD_BIN || join(root, 'build', 'dialogd');
export const STORE = process.env.DIALOGD_TEST_STORE || 'sqlite';

// A new, empty database for one test file.
export function freshDatabase() {
  if (STORE === 'postgresql') {
    const admin = process.env.DIALOGD_TEST_PG;
    if (!admin) throw new Error('DIALOGD_TEST_PG must name the test cluster for postgresql runs');
    const name = 'dialogd_' + randomBytes(6).toString('hex');
    execFileSync('psql', [admin, '-q', '-c', `CREATE DATABASE ${name}`], { stdio: 'pipe' });
    const url = new URL(admin);
    url.pathname = '/' + name;
    return { url: url.toString(), cleanup() {} };
  }
  const dir = mkdtempSync(join(tmpdir(), 'dialogd-test-'));
  return { url: `sqlite:${join(dir, 'test.db')}`, dir, cleanup() { rmSync(dir, { recursive: true, force: true }); } };
}

export function runCli(args, opts = {}) {
  return execFileSync(BIN, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
}

export function createKey(db, role, name, org, origins = []) {
  const args = ['keys', 'create', '--role', role, '--db', db];
  if (name) args.push('--name', name);
  if (org) args.push('--org', org);
  for (const origin of origins) args.push('--origin', origin);
  const out = runCli(args).trim().split('\n');
  return out[out.length - 1];
}

// Spawns `dialogd serve` on a free port and resolves once it logs that it listens.
export function spawnServer(db, { env = {}, args = [], strictWebhooks = false, rateLimits = false } = {}) {
  return new Promise((resolve, reject) => {
    // The tests' webhook receivers listen on loopback, which a real installation refuses (SSRF);
    // `strictWebhooks: true` keeps the default.
    const permit = strictWebhooks ? [] : ['--allow-private-webhooks'];
    // Test files send many requests from one address; rate limits have their own test.
    if (!rateLimits) permit.push('--rate-receipts', '0', '--rate-public', '0', '--rate-key', '0');
    const child = spawn(BIN, ['serve', '--port', '0', '--db', db, ...permit, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    const lines = [];
    const timer = setTimeout(() => reject(new Error('dialogd did not start:\n' + log)), 20000);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      log += chunk;
      for (const line of chunk.split('\n')) {
        if (!line.trim()) continue;
        try { lines.push(JSON.parse(line)); } catch { lines.push({ raw: line }); }
        const entry = lines[lines.length - 1];
        if (entry.msg === 'listening') {
          clearTimeout(timer);
          resolve({ child, port: entry.port, base: `http://127.0.0.1:${entry.port}`, lines, log: () => log });
        }
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      // A server that dies by itself (a sanitizer report, say) shows what it said.
      if (code !== 0 && signal !== 'SIGTERM' && signal !== 'SIGKILL') process.stderr.write(`dialogd exited ${code ?? signal}:\n${log}\n`);
      reject(new Error(`dialogd exited ${code}:\n${log}`));
    });
  });
}

export function waitExit(child, timeoutMs = 20000) {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const t = setTimeout(() => reject(new Error('dialogd did not exit')), timeoutMs);
    child.on('exit', (code, signal) => { clearTimeout(t); resolve(code ?? signal); });
  });
}

// One running service with an admin, an editor and a portal key.
export async function startService(options = {}) {
  const db = freshDatabase();
  const keys = {
    admin: createKey(db.url, 'admin', 'Admin'),
    editor: createKey(db.url, 'editor', 'Anna Andersson (beredning)'),
    portal: createKey(db.url, 'portal', 'Regionens webbplats'),
  };
  let server = await spawnServer(db.url, options);
  const svc = {
    db, keys,
    get base() { return server.base; },
    get server() { return server; },
    async stop() {
      if (server.child.exitCode === null) { server.child.kill('SIGTERM'); await waitExit(server.child); }
    },
    async restart(opts = options) {
      await svc.stop();
      server = await spawnServer(db.url, opts);
    },
    async close() { await svc.stop(); db.cleanup(); },
    // fetch with JSON in and out; every answer is checked against the OpenAPI contract.
    async call(method, path, { key, body, headers = {}, raw, contract = true } = {}) {
      const h = { ...headers };
      if (key) h.authorization = `Bearer ${keys[key] ?? key}`;
      let payload;
      if (raw !== undefined) payload = raw;
      else if (body !== undefined) {
        payload = JSON.stringify(body);
        if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['content-type'] = 'application/json';
      }
      const res = await fetch(server.base + path, { method, headers: h, body: payload });
      const text = await res.text();
      let json;
      try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
      const answer = { status: res.status, headers: res.headers, body: json, text };
      if (contract) validateResponse(method, path, answer);
      return answer;
    },
  };
  return svc;
}

// Problem+json with a stable type slug.
export function assertProblem(assert, res, status, slug) {
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${res.text}`);
  assert.match(res.headers.get('content-type'), /^application\/problem\+json/);
  assert.ok(res.body.type.endsWith('/' + slug), `type ${res.body.type} should end with ${slug}`);
  assert.equal(res.body.status, status);
  assert.ok(res.body.title);
  assert.ok(res.body.detail);
}

export function fieldsOf(res) {
  return (res.body.errors || []).map((e) => e.field).sort();
}

// A plan that satisfies every requirement of leaving draft.
export function completePlan(overrides = {}) {
  return {
    title: 'Framtidens hälso- och sjukvård i Norrbotten',
    body: 'Beredningen för hållbar utveckling',
    case_number: '383-2018',
    informs_decision: 'Regionplan 2028-2031',
    question_areas: ['Tillgänglighet till vård', 'Kollektivtrafik till vårdcentralen'],
    purpose: 'Att fånga medborgarnas behov inför regionplanen.',
    target_groups: [
      { key: 'unga', label: 'Unga 16-25 år', expected_share: 0.12 },
      { key: 'aldre', label: 'Äldre 65+', expected_share: 0.24 },
      { key: 'inland', label: 'Boende i inlandet', expected_share: 0.3 },
    ],
    methods: ['dialogue_cafe', 'survey'],
    declared_level: 3,
    feedback_plan: {
      channels: ['email', 'web'],
      promise: 'Du får rapporten och fullmäktiges beslut per e-post.',
      days_after_report: 30,
      days_after_decision: 30,
    },
    period: { start: '2027-02-01', end: '2027-05-31' },
    ...overrides,
  };
}

export async function createDialogue(svc, plan = completePlan()) {
  const res = await svc.call('POST', '/v1/dialogues', { key: 'editor', body: plan });
  if (res.status !== 201) throw new Error('create failed: ' + res.text);
  return res.body;
}

export async function transition(svc, id, to, note) {
  return svc.call('POST', `/v1/dialogues/${id}/transitions`, { key: 'editor', body: note ? { to, note } : { to } });
}

// Walks a new dialogue from draft to decided through the API: an activity, a contribution with a
// contact, a checkpoint, a need, the report, the board's answer with one measure and the council's
// decision adopting it. Answers every id made on the way.
export async function walkToDecided(svc, { editor = 'editor', portal = 'portal', plan = completePlan(), email = 'kerstin@example.org' } = {}) {
  const call = async (method, path, key, body, expect) => {
    const res = await svc.call(method, path, { key, body });
    if (expect && res.status !== expect) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.body;
  };
  const d = await call('POST', '/v1/dialogues', editor, plan, 201);
  const go = (to) => call('POST', `/v1/dialogues/${d.id}/transitions`, editor, { to }, 200);
  for (const to of ['planned', 'preparing', 'in_dialogue']) await go(to);
  const activity = await call('POST', `/v1/dialogues/${d.id}/activities`, editor, {
    method: 'dialogue_cafe', held_on: '2027-03-04', participants: { total: 20, by_group: { inland: 12 } },
    documentation: { public: 'Samtal i Jokkmokk.', internal: 'Intern anteckning.' },
  }, 201);
  const contribution = await call('POST', `/v1/dialogues/${d.id}/contributions`, portal, {
    text: 'Vårdcentralen behöver kvällsöppet.', channel: 'web', contact: { email, consent: true },
  }, 201);
  await call('POST', `/v1/dialogues/${d.id}/checkpoints`, editor, { held_on: '2027-03-20' }, 201);
  await go('analysing');
  const need = await call('POST', `/v1/dialogues/${d.id}/needs`, editor, { title: 'Vård på kvällen', contribution_ids: [contribution.id] }, 201);
  await call('PUT', `/v1/dialogues/${d.id}/report`, editor, { title: 'Rapport', presented_on: '2027-06-14', need_ids: [need.id] }, 201);
  await go('reported');
  const answer = await call('PUT', `/v1/dialogues/${d.id}/answer`, editor, {
    answered_on: '2027-09-02', responses: [{ need_id: need.id, measures: [{ title: 'Kvällsöppet' }] }],
  }, 201);
  await go('answered');
  const measure = answer.responses[0].measures[0];
  await call('PUT', `/v1/dialogues/${d.id}/decision`, editor, { decided_on: '2027-11-22', reference: 'RF § 1', adopted: [measure.id] }, 201);
  const decided = await go('decided');
  return { dialogue: decided, activity, contribution, need, measure };
}
