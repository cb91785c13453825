// A dialogue kept in step with a Decidim participatory process, through dialogd's HTTP API and CLI,
// against a replay server that answers with recorded Decidim 0.28 responses (and checks the write
// API's argument types): import page by page, a second sync that creates nothing, changed items,
// failures that commit nothing from the failed page on, write-back and the import-file exports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { startService, createDialogue, transition, assertProblem, runCli } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = join(root, '..', 'shared', 'fixtures', 'decidim');

function startReplay(version = '0.28') {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [join(root, 'tests/decidim/replay_server.py'), '--fixtures', fixtures, '--version', version],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    createInterface({ input: child.stdout }).once('line', (line) => {
      const port = Number(line.split(' ')[1]);
      const base = `http://127.0.0.1:${port}`;
      resolve({
        child, base,
        control: (body) => fetch(base + '/_control', { method: 'POST', body: JSON.stringify(body) }),
        log: async () => (await fetch(base + '/_log')).json(),
        close: () => child.kill('SIGTERM'),
      });
    });
    child.once('error', reject);
  });
}

let svc, replay;
before(async () => {
  replay = await startReplay();
  // Four items a page, so the recorded proposals come over several pages; a short deadline for
  // the hanging-server case. Syncs start only when a test asks (the link's own first sync has a
  // test of its own below).
  svc = await startService({ args: ['--decidim-page-size', '4', '--decidim-timeout-ms', '1500', '--no-decidim-sync-on-link'] });
});
after(async () => { await svc.close(); replay.close(); });

async function openDialogue() {
  const d = await createDialogue(svc);
  for (const to of ['planned', 'preparing', 'in_dialogue']) assert.equal((await transition(svc, d.id, to)).status, 200);
  return d;
}

async function link(d, credentials = { api_key: 'test-key', api_secret: 'test-secret' }) {
  const res = await svc.call('POST', `/v1/dialogues/${d.id}/sources`, {
    key: 'editor', body: { kind: 'decidim', base_url: replay.base, process_id: '12', credentials },
  });
  assert.equal(res.status, 201, res.text);
  return res.body;
}

const sync = (d, s, key = 'editor') => svc.call('POST', `/v1/dialogues/${d.id}/sources/${s.id}/sync`, { key });
const all = async (path) => (await svc.call('GET', `${path}?limit=100`, { key: 'editor' })).body.items;

test('a sync imports the process, its meetings and proposals page by page, and no personal data', async () => {
  await replay.control({ kind: 'reset' });
  const d = await openDialogue();
  const s = await link(d);
  const res = await sync(d, s);
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.ok, true, res.text);
  const contributions = await all(`/v1/dialogues/${d.id}/contributions`);
  const activities = await all(`/v1/dialogues/${d.id}/activities`);
  assert.ok(contributions.length >= 8, `proposals imported: ${contributions.length}`);
  assert.equal(res.body.import.created, contributions.length + activities.length);
  assert.ok(res.body.import.skipped >= 1, 'the withdrawn proposal and meeting are skipped');
  assert.ok(res.body.import.pages >= 4, `several pages: ${res.body.import.pages}`);
  const pages = (await replay.log()).filter((r) => r.op === 'ProposalsPage');
  assert.ok(pages.length >= 3 && pages.every((r) => r.variables.first === 4), 'proposals were paged four at a time');
  assert.ok(pages.some((r) => r.variables.after), 'later pages ask after the previous endCursor');

  // Proposals: channel decidim, HTML reduced to text, the proposal's address kept.
  for (const c of contributions) {
    assert.equal(c.channel, 'decidim');
    assert.match(c.source.external_id, /^decidim:proposal:\d+$/);
    assert.match(c.source.url, /\/proposals\/\d+$/);
    assert.ok(!/<[a-z]/i.test(c.text), `no HTML left in ${c.text}`);
    assert.deepEqual(Object.keys(c.source).sort().filter((k) => !['external_id', 'platform', 'published_at', 'url'].includes(k)), []);
  }
  // A closed meeting brings its closing report and attendee count.
  const kiruna = activities.find((a) => a.source.external_id === 'decidim:meeting:301');
  assert.equal(kiruna.method, 'open_meeting');
  assert.equal(kiruna.municipality, 'Kiruna');
  assert.equal(kiruna.participants.total, 42);
  assert.match(kiruna.documentation.public, /42 personer deltog/);
  assert.equal(kiruna.source.format, 'in_person');
  // The process, in Swedish and English, with its steps.
  const [listed] = (await svc.call('GET', `/v1/dialogues/${d.id}/sources`, { key: 'editor' })).body.items;
  assert.equal(listed.process.title.sv, 'Framtidens hälso- och sjukvård i Norrbotten');
  assert.equal(listed.process.title.en, 'The future of health care in Norrbotten');
  assert.ok(listed.process.steps.length >= 2 && listed.process.steps[0].start_date.match(/^\d{4}-\d{2}-\d{2}$/));
  assert.equal(listed.counts.contributions, contributions.length);
  assert.equal(listed.last_error, null);
  assert.ok(listed.last_sync);
  // Never an author: the recorded answers hold none because the queries never ask for one.
  const everything = JSON.stringify([contributions, activities, listed]);
  assert.ok(!/nickname|author/i.test(everything));
});

test('a link limited to some components imports only from those', async () => {
  await replay.control({ kind: 'reset' });
  const whole = await openDialogue();
  assert.equal((await sync(whole, await link(whole))).status, 200);
  const [source] = (await svc.call('GET', `/v1/dialogues/${whole.id}/sources`, { key: 'editor' })).body.items;
  const meetings = source.process.components.find((c) => c.type === 'Meetings');
  assert.ok(meetings, JSON.stringify(source.process.components));

  const d = await openDialogue();
  const res = await svc.call('POST', `/v1/dialogues/${d.id}/sources`, {
    key: 'editor', body: { kind: 'decidim', base_url: replay.base, process_id: '12', components: [meetings.id] },
  });
  assert.equal(res.status, 201, res.text);
  const synced = await sync(d, res.body);
  assert.equal(synced.status, 200, synced.text);
  assert.equal(synced.body.ok, true, synced.text);
  assert.ok((await all(`/v1/dialogues/${d.id}/activities`)).length >= 1, 'the meetings came');
  assert.equal((await all(`/v1/dialogues/${d.id}/contributions`)).length, 0, 'the proposals did not');
});

test('a second sync creates nothing twice; a changed proposal is revised', async () => {
  await replay.control({ kind: 'reset' });
  const d = await openDialogue();
  const s = await link(d);
  const first = await sync(d, s);
  const before = await all(`/v1/dialogues/${d.id}/contributions`);
  const again = await sync(d, s);
  assert.equal(again.body.ok, true);
  assert.equal(again.body.import.created, 0);
  assert.equal(again.body.import.updated, 0);
  assert.equal(again.body.import.unchanged, first.body.import.created);
  assert.equal((await all(`/v1/dialogues/${d.id}/contributions`)).length, before.length);

  await replay.control({ kind: 'replace', from: 'Mobila team', to: 'Rullande team' });
  const third = await sync(d, s);
  assert.equal(third.body.import.created, 0);
  assert.ok(third.body.import.updated >= 1, third.text);
  const revised = (await all(`/v1/dialogues/${d.id}/contributions`)).find((c) => c.source.external_id === 'decidim:proposal:4701');
  assert.match(revised.text, /Rullande team/);
  assert.equal(revised.version, 2);
  assert.equal((await all(`/v1/dialogues/${d.id}/contributions`)).length, before.length);
});

test('a failure commits nothing from the failed page on and says why; the next sync carries on', async () => {
  const cases = [
    { fault: { kind: 'errors', op: 'ProposalsPage' }, says: /GraphQL errors/ },
    { fault: { kind: 'malformed', op: 'ProposalsPage' }, says: /JSON/i },
    { fault: { kind: '500', op: 'ProposalsPage' }, says: /500/ },
    { fault: { kind: 'hang', op: 'ProposalsPage', seconds: 4 }, says: /time/i },
    { fault: { kind: '429', op: 'ProposalsPage', retry_after: 600 }, says: /429|rate/i },
  ];
  for (const { fault, says } of cases) {
    await replay.control({ kind: 'reset' });
    const d = await openDialogue();
    const s = await link(d);
    await replay.control(fault);
    const res = await sync(d, s);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.ok, false, `${fault.kind}: ${res.text}`);
    assert.match(res.body.import.error, says);
    // Meetings came before the proposals and stay; no proposal of the failed page was written.
    assert.equal((await all(`/v1/dialogues/${d.id}/contributions`)).length, 0, fault.kind);
    assert.ok((await all(`/v1/dialogues/${d.id}/activities`)).length >= 1);
    const [listed] = (await svc.call('GET', `/v1/dialogues/${d.id}/sources`, { key: 'editor' })).body.items;
    assert.match(listed.last_error, says);
    await replay.control({ kind: 'reset' });
    const next = await sync(d, s);
    assert.equal(next.body.ok, true, next.text);
    assert.ok(next.body.import.created >= 8 && next.body.import.unchanged >= 1, next.text);
    assert.equal((await svc.call('GET', `/v1/dialogues/${d.id}/sources`, { key: 'editor' })).body.items[0].last_error, null);
  }
});

test('an HTTP 429 with a short Retry-After is waited out', async () => {
  await replay.control({ kind: 'reset' });
  const d = await openDialogue();
  const s = await link(d);
  await replay.control({ kind: '429', op: 'MeetingsPage', retry_after: 1 });
  const started = Date.now();
  const res = await sync(d, s);
  assert.equal(res.body.ok, true, res.text);
  assert.ok(Date.now() - started >= 900, 'the adapter waited as told');
  const first = (await replay.log()).filter((r) => r.op === 'MeetingsPage' && !r.variables.after);
  assert.equal(first.length, 2, 'the first page was asked again after the wait');
});

test('outcomes are written back as proposal answers and accountability results, once', async () => {
  await replay.control({ kind: 'reset' });
  const d = await openDialogue();
  const s = await link(d);
  assert.equal((await sync(d, s)).body.ok, true);
  const contributions = await all(`/v1/dialogues/${d.id}/contributions`);
  const cited = contributions.find((c) => c.source.external_id === 'decidim:proposal:4701');
  const call = async (method, path, body, status) => {
    const res = await svc.call(method, `/v1/dialogues/${d.id}${path}`, { key: 'editor', body });
    assert.equal(res.status, status, `${method} ${path}: ${res.text}`);
    return res.body;
  };
  await call('POST', '/checkpoints', { held_on: '2027-03-20' }, 201);
  { const t = await transition(svc, d.id, 'analysing'); assert.equal(t.status, 200, t.text); }
  const need = await call('POST', '/needs', { title: 'Vård nära hemmet', contribution_ids: [cited.id] }, 201);
  for (const c of contributions.filter((x) => x !== cited)) {
    const res = await svc.call('PATCH', `/v1/contributions/${c.id}`, {
      key: 'editor', headers: { 'if-match': `"${c.version}"` },
      body: { disposition: 'out_of_scope', reason: 'Gäller kommunen, inte regionen.' },
    });
    assert.equal(res.status, 200, res.text);
  }
  await call('PUT', '/report', { title: 'Rapport', presented_on: '2027-06-14', need_ids: [need.id] }, 201);
  assert.equal((await transition(svc, d.id, 'reported')).status, 200);
  const answer = await call('PUT', '/answer', { answered_on: '2027-09-02', responses: [{ need_id: need.id, measures: [{ title: 'Mobila vårdteam', description: 'Två team i inlandet.' }] }] }, 201);
  assert.equal((await transition(svc, d.id, 'answered')).status, 200);
  const measure = answer.responses[0].measures[0];
  await call('PUT', '/decision', { decided_on: '2027-11-22', reference: 'RF § 1', adopted: [measure.id] }, 201);
  assert.equal((await transition(svc, d.id, 'decided')).status, 200);

  const res = await sync(d, s);
  assert.equal(res.body.ok, true, res.text);
  assert.equal(res.body.import.done, false, 'nothing is imported after in_dialogue');
  assert.equal(res.body.write_back.answers_sent, contributions.length);
  assert.equal(res.body.write_back.results_created, 1);
  const log = await replay.log();
  const answers = log.filter((r) => r.op === 'AnswerProposal');
  assert.equal(answers.length, contributions.length);
  assert.ok(answers.every((r) => r.authorized), 'mutations carry the signed-in token');
  const accepted = answers.find((r) => r.variables.proposalId === '4701');
  assert.equal(accepted.variables.componentId, '102');
  assert.equal(accepted.variables.input.attributes.state, 'accepted');
  assert.match(accepted.variables.input.attributes.answerContent.sv, /Vård nära hemmet/);
  assert.match(accepted.variables.input.attributes.answerContent.en, /Vård nära hemmet/);
  const others = answers.filter((r) => r !== accepted);
  assert.ok(others.every((r) => r.variables.input.attributes.state === 'rejected'));
  assert.match(others[0].variables.input.attributes.answerContent.sv, /Gäller kommunen/);
  const [created] = log.filter((r) => r.op === 'CreateResult');
  assert.equal(created.variables.componentId, '103');
  const attrs = created.variables.input.attributes;
  assert.equal(attrs.externalId, measure.id);
  assert.deepEqual(attrs.proposalIds, [4701]);
  assert.equal(attrs.startDate, '2027-11-22');
  assert.match(JSON.stringify(attrs.title), /Mobila vårdteam/);

  // Nothing changed: nothing is sent again. A progress report updates the result.
  const again = await sync(d, s);
  assert.equal(again.body.write_back.answers_sent, 0);
  assert.equal(again.body.write_back.results_created + again.body.write_back.results_updated, 0);
  const update = await svc.call('POST', `/v1/measures/${measure.id}/updates`, { key: 'editor', body: { on: '2027-12-01', status: 'in_progress', progress: 40 } });
  assert.equal(update.status, 201, update.text);
  const third = await sync(d, s);
  assert.equal(third.body.write_back.results_updated, 1, third.text);
  const [updated] = (await replay.log()).filter((r) => r.op === 'UpdateResult');
  assert.equal(updated.variables.input.attributes.progress, 40);
  assert.equal(updated.variables.input.attributes.decidimAccountabilityStatusId, 6, 'in_progress matched by key');

  // The import files for instances without the write API.
  const csv = await svc.call('GET', `/v1/dialogues/${d.id}/exports/decidim/results.csv`, { key: 'editor' });
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /^text\/csv/);
  const [header, row] = csv.text.trim().split('\r\n');
  assert.equal(header, 'id;parent/id;title/sv;title/en;description/sv;description/en;start_date;end_date;status/id;progress;external_id');
  assert.ok(row.endsWith(`;${measure.id}`) && row.includes('Mobila vårdteam'), row);
  const json = await svc.call('GET', `/v1/dialogues/${d.id}/exports/decidim/proposal-answers.json`, { key: 'editor' });
  assert.equal(json.status, 200);
  const mine = json.body.find((a) => a.id === 4701);
  assert.equal(mine.state, 'accepted');
  assert.match(mine['answer/sv'], /Vård nära hemmet/);
  assert.equal(json.body.length, contributions.length);
});

test('without the write API the sync says so and the exports still serve', async () => {
  await replay.control({ kind: 'reset' });
  const d = await openDialogue();
  const s = await link(d, { api_key: 'wrong-key', api_secret: 'nope' });
  assert.equal((await sync(d, s)).body.ok, true);
  await svc.call('POST', `/v1/dialogues/${d.id}/checkpoints`, { key: 'editor', body: { held_on: '2027-03-20' } });
  { const t = await transition(svc, d.id, 'analysing'); assert.equal(t.status, 200, t.text); }
  const res = await sync(d, s);
  assert.equal(res.body.ok, false);
  assert.match(res.body.write_back.error, /sign-in/);
  const json = await svc.call('GET', `/v1/dialogues/${d.id}/exports/decidim/proposal-answers.json`, { key: 'editor' });
  assert.ok(json.body.length >= 8 && json.body.every((a) => a.state === 'evaluating'));
});

test('sync and exports refuse what they should', async () => {
  const d = await openDialogue();
  const s = await link(d);
  assertProblem(assert, await sync(d, s, 'portal'), 403, 'forbidden');
  assertProblem(assert, await svc.call('POST', `/v1/dialogues/${d.id}/sources/nope/sync`, { key: 'editor' }), 404, 'not-found');
  const other = await createDialogue(svc);
  assertProblem(assert, await svc.call('POST', `/v1/dialogues/${other.id}/sources/${s.id}/sync`, { key: 'editor' }), 404, 'not-found');
  assertProblem(assert, await svc.call('GET', `/v1/dialogues/${other.id}/exports/decidim/results.csv`, { key: 'editor' }), 409, 'no-decidim-source');
});

test('dialogd decidim sync does the same from cron, and fails loudly when a source fails', async () => {
  await replay.control({ kind: 'reset' });
  const d = await openDialogue();
  const s = await link(d);
  const out = runCli(['decidim', 'sync', '--db', svc.db.url, '--source', s.id, '--allow-private', '--page-size', '50']);
  assert.match(out, new RegExp(`^ok +source ${s.id} of dialogue ${d.id}: \\d+ created`, 'm'));
  assert.ok((await all(`/v1/dialogues/${d.id}/contributions`)).length >= 8);
  const again = runCli(['decidim', 'sync', '--db', svc.db.url, '--source', s.id, '--allow-private']);
  assert.match(again, /: 0 created, 0 updated/);
  // Every source of the store: the one with a wrong API key (above) fails, so cron hears of it.
  let failure;
  try { runCli(['decidim', 'sync', '--db', svc.db.url, '--allow-private']); } catch (e) { failure = e; }
  assert.equal(failure?.status, 1);
  assert.match(failure.stdout, /^FAILED source \S+ .*sign-in/m);
  assert.match(failure.stdout, new RegExp(`^ok +source ${s.id}`, 'm'));
});

test('linking a source starts its first sync with no other step', async () => {
  await replay.control({ kind: 'reset' });
  const own = await startService();
  try {
    const d = await createDialogue(own);
    for (const to of ['planned', 'preparing', 'in_dialogue']) await transition(own, d.id, to);
    const linked = await own.call('POST', `/v1/dialogues/${d.id}/sources`, { key: 'editor', body: { kind: 'decidim', base_url: replay.base, process_id: '12' } });
    assert.equal(linked.status, 201);
    let source;
    for (let i = 0; i < 50 && !source?.last_sync; i++) {
      await new Promise((r) => setTimeout(r, 100));
      [source] = (await own.call('GET', `/v1/dialogues/${d.id}/sources`, { key: 'editor' })).body.items;
    }
    assert.ok(source.last_sync, 'synced within five seconds of the link');
    assert.equal(source.last_error, null);
    assert.ok(source.counts.contributions >= 8);
    // Asking for a sync meanwhile waits for the first one instead of failing.
    const res = await own.call('POST', `/v1/dialogues/${d.id}/sources/${source.id}/sync`, { key: 'editor' });
    assert.equal(res.status, 200);
    assert.equal(res.body.import.created, 0);
  } finally { await own.close(); }
});
