// Activities, contributions and the representation checkpoint (issue 5).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startService, assertProblem, fieldsOf, completePlan, createDialogue, transition } from './harness.mjs';

let svc;
const seen = []; // every answer body of this file, to prove no contact detail ever leaves
before(async () => {
  svc = await startService();
  const call = svc.call.bind(svc);
  svc.call = async (...args) => { const r = await call(...args); seen.push(r.text); return r; };
});
after(async () => { await svc.close(); });

const EMAIL = 'kerstin.lindqvist@example.se';
const NAME = 'Kerstin Lindqvist';

async function openDialogue(plan = completePlan()) {
  const d = await createDialogue(svc, plan);
  for (const to of ['planned', 'preparing', 'in_dialogue']) {
    const r = await transition(svc, d.id, to);
    assert.equal(r.status, 200, r.text);
  }
  return d;
}

const activity = (overrides = {}) => ({
  method: 'dialogue_cafe',
  held_on: '2027-03-04',
  place: 'Folkets hus, Jokkmokk',
  municipality: 'Jokkmokk',
  members_present: ['Anna Andersson (S)', 'Per Nilsson (M)'],
  participants: { total: 40, by_group: { unga: 4, aldre: 18, inland: 40 } },
  documentation: { public: 'Samtal om vårdcentralens öppettider.', internal: 'Lokalen var för liten; boka större.' },
  ...overrides,
});

const addActivity = (id, body = activity()) => svc.call('POST', `/v1/dialogues/${id}/activities`, { key: 'editor', body });
const contribute = (id, body, opts = {}) =>
  svc.call('POST', `/v1/dialogues/${id}/contributions`, { key: 'portal', body, ...opts });

test('activities are added while in_dialogue; internal notes only for editors', async () => {
  const d = await openDialogue();
  const res = await addActivity(d.id);
  assert.equal(res.status, 201, res.text);
  assert.equal(res.headers.get('location'), `/v1/activities/${res.body.id}`);
  assert.equal(res.body.documentation.internal, 'Lokalen var för liten; boka större.');
  const pub = await svc.call('GET', `/v1/activities/${res.body.id}`);
  assert.equal(pub.status, 200);
  assert.equal(pub.body.documentation.public, 'Samtal om vårdcentralens öppettider.');
  assert.equal('internal' in pub.body.documentation, false);
  assert.ok(!pub.text.includes('Lokalen var för liten'));
  const list = await svc.call('GET', `/v1/dialogues/${d.id}/activities`);
  assert.equal(list.body.items.length, 1);
  assert.ok(!list.text.includes('Lokalen var för liten'));
  const editorList = await svc.call('GET', `/v1/dialogues/${d.id}/activities`, { key: 'editor' });
  assert.equal(editorList.body.items[0].documentation.internal, 'Lokalen var för liten; boka större.');
  assertProblem(assert, await svc.call('POST', `/v1/dialogues/${d.id}/activities`, { key: 'portal', body: activity() }), 403, 'forbidden');
});

test('activity validation names each bad field', async () => {
  const d = await openDialogue();
  const res = await addActivity(d.id, activity({
    method: 'seance', held_on: '2027-02-30',
    participants: { total: 10, by_group: { martians: 2, unga: -1, aldre: 11 } },
  }));
  assertProblem(assert, res, 422, 'validation-failed');
  assert.deepEqual(fieldsOf(res), ['held_on', 'method', 'participants.by_group.aldre', 'participants.by_group.martians', 'participants.by_group.unga']);
  assert.match(res.body.errors.find((e) => e.field === 'participants.by_group.martians').message, /martians/);
  const none = await svc.call('GET', `/v1/dialogues/${d.id}/activities`);
  assert.equal(none.body.items.length, 0);
});

test('activities outside in_dialogue are dialogue-not-open; analysing allows documentation only', async () => {
  const draft = await createDialogue(svc, completePlan());
  assertProblem(assert, await addActivity(draft.id), 409, 'dialogue-not-open');
  const d = await openDialogue();
  const a = (await addActivity(d.id)).body;
  await svc.call('POST', `/v1/dialogues/${d.id}/checkpoints`, { key: 'editor', body: { held_on: '2027-03-10' } });
  assert.equal((await transition(svc, d.id, 'analysing')).status, 200);
  assertProblem(assert, await addActivity(d.id), 409, 'dialogue-not-open');
  const path = `/v1/activities/${a.id}`;
  const place = await svc.call('PATCH', path, { key: 'editor', body: { place: 'Annat' }, headers: { 'if-match': '"1"' } });
  assertProblem(assert, place, 409, 'dialogue-not-open');
  const doc = await svc.call('PATCH', path, { key: 'editor', body: { documentation: { public: 'Sammanfattning publicerad.' } }, headers: { 'if-match': '"1"' } });
  assert.equal(doc.status, 200, doc.text);
  assert.equal(doc.body.documentation.public, 'Sammanfattning publicerad.');
  assert.equal(doc.body.documentation.internal, 'Lokalen var för liten; boka större.');
  assert.equal(doc.headers.get('etag'), '"2"');
  assertProblem(assert, await svc.call('PATCH', path, { key: 'editor', body: { documentation: { public: 'x' } } }), 428, 'precondition-required');
  assertProblem(assert, await svc.call('PATCH', path, { key: 'editor', body: { documentation: { public: 'x' } }, headers: { 'if-match': '"1"' } }), 412, 'precondition-failed');
});

test('contributions: receipt, validation, channels and contact never shown', async () => {
  const d = await openDialogue();
  const a = (await addActivity(d.id)).body;
  const res = await contribute(d.id, {
    text: 'Vårdcentralen i Jokkmokk behöver öppet på kvällar.', activity_id: a.id, channel: 'activity',
    themes: ['tillgänglighet'], groups: ['inland'], language: 'sv',
    contact: { email: EMAIL, name: NAME, consent: true },
  });
  assert.equal(res.status, 201, res.text);
  assert.match(res.body.receipt, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  assert.ok(res.body.id);
  const web = await contribute(d.id, { text: 'Fler bussar till sjukhuset.', channel: 'web' });
  assert.equal(web.status, 201);
  assert.notEqual(web.body.receipt, res.body.receipt);

  const bad = await contribute(d.id, {
    text: '', channel: 'pigeon', groups: ['unga', 'martians'], activity_id: 'nope',
    contact: { email: 'not-an-address', consent: false },
  });
  assertProblem(assert, bad, 422, 'validation-failed');
  assert.deepEqual(fieldsOf(bad), ['activity_id', 'channel', 'contact.consent', 'contact.email', 'groups[1]', 'text']);
  const noConsent = await contribute(d.id, { text: 'Hej', channel: 'web', contact: { email: EMAIL } });
  assert.deepEqual(fieldsOf(noConsent), ['contact.consent']);
  const long = await contribute(d.id, { text: 'x'.repeat(10001), channel: 'web' });
  assert.deepEqual(fieldsOf(long), ['text']);
  const otherDialogue = await openDialogue();
  const foreign = await contribute(otherDialogue.id, { text: 'Hej', activity_id: a.id });
  assert.deepEqual(fieldsOf(foreign), ['activity_id']);

  assertProblem(assert, await svc.call('POST', `/v1/dialogues/${d.id}/contributions`, { body: { text: 'x', channel: 'web' } }), 401, 'unauthorized');
  const listed = await svc.call('GET', `/v1/dialogues/${d.id}/contributions`, { key: 'editor' });
  assert.equal(listed.status, 200);
  assert.equal(listed.body.items.length, 2);
  assertProblem(assert, await svc.call('GET', `/v1/dialogues/${d.id}/contributions`), 401, 'unauthorized');
  assertProblem(assert, await svc.call('GET', `/v1/dialogues/${d.id}/contributions`, { key: 'portal' }), 403, 'forbidden');
  const one = await svc.call('GET', `/v1/contributions/${res.body.id}`, { key: 'editor' });
  assert.equal(one.status, 200);
  assert.equal(one.headers.get('etag'), '"1"');
  assert.equal(one.body.text, 'Vårdcentralen i Jokkmokk behöver öppet på kvällar.');
});

test('contribution filters and pagination', async () => {
  const d = await openDialogue();
  const a = (await addActivity(d.id)).body;
  await contribute(d.id, { text: 'A', channel: 'web', themes: ['trafik'] });
  await contribute(d.id, { text: 'B', channel: 'email', themes: ['vård', 'trafik'] });
  await contribute(d.id, { text: 'C', activity_id: a.id, themes: ['vård'] });
  const get = (q) => svc.call('GET', `/v1/dialogues/${d.id}/contributions${q}`, { key: 'editor' });
  assert.deepEqual((await get('?theme=trafik')).body.items.map((c) => c.text), ['A', 'B']);
  assert.deepEqual((await get('?theme=v%C3%A5rd&channel=activity')).body.items.map((c) => c.text), ['C']);
  assert.deepEqual((await get(`?activity_id=${a.id}`)).body.items.map((c) => [c.text, c.channel]), [['C', 'activity']]);
  const page = await get('?limit=2');
  assert.equal(page.body.items.length, 2);
  const rest = await get(`?limit=2&cursor=${page.body.next_cursor}`);
  assert.deepEqual(rest.body.items.map((c) => c.text), ['C']);
  assertProblem(assert, await get('?channel=fax'), 422, 'validation-failed');
});

test('contributions only while in_dialogue', async () => {
  const draft = await createDialogue(svc, completePlan());
  assertProblem(assert, await contribute(draft.id, { text: 'För tidigt', channel: 'web' }), 409, 'dialogue-not-open');
  assertProblem(assert, await contribute('01NOPE', { text: 'x', channel: 'web' }), 404, 'not-found');
});

test('a retried contribution with the same Idempotency-Key creates nothing new', async () => {
  const d = await openDialogue();
  const body = { text: 'Skickat från portalen', channel: 'web', contact: { email: EMAIL, consent: true } };
  const headers = { 'idempotency-key': 'portal-form-4711' };
  const first = await contribute(d.id, body, { headers });
  const retry = await contribute(d.id, body, { headers });
  assert.equal(first.status, 201);
  assert.equal(retry.status, 201);
  assert.equal(retry.body.id, first.body.id);
  assert.equal(retry.body.receipt, first.body.receipt);
  const changed = await contribute(d.id, { ...body, text: 'Annan text' }, { headers });
  assertProblem(assert, changed, 422, 'validation-failed');
  const all = await svc.call('GET', `/v1/dialogues/${d.id}/contributions`, { key: 'editor' });
  assert.equal(all.body.items.length, 1);
  const dialogue = await svc.call('GET', `/v1/dialogues/${d.id}`);
  assert.equal(dialogue.body.counts.contributions, 1);
});

test('the dialogue counts activities, contributions and participants', async () => {
  const d = await openDialogue();
  await addActivity(d.id);
  await addActivity(d.id, activity({ participants: { total: 25, by_group: { unga: 20 } } }));
  await contribute(d.id, { text: 'Ett', channel: 'web' });
  const res = await svc.call('GET', `/v1/dialogues/${d.id}`);
  assert.deepEqual(res.body.counts, { activities: 2, contributions: 1, participants: 65 });
});

test('representation: no participants yet, every group under', async () => {
  const d = await openDialogue();
  const res = await svc.call('GET', `/v1/dialogues/${d.id}/representation`);
  assert.equal(res.status, 200);
  assert.equal(res.body.total_participants, 0);
  assert.equal(res.body.threshold, 0.5);
  assert.deepEqual(res.body.groups.map((g) => [g.key, g.reached, g.reached_share, g.ratio, g.status]), [
    ['unga', 0, 0, 0, 'under'], ['aldre', 0, 0, 0, 'under'], ['inland', 0, 0, 0, 'under'],
  ]);
  assert.deepEqual(res.body.under, ['unga', 'aldre', 'inland']);
});

test('representation: exact arithmetic with overlapping groups and a custom threshold', async () => {
  const d = await openDialogue(completePlan({ representation_threshold: 0.6 }));
  // 40 + 60 = 100 participants; unga 4 + 6 = 10, aldre 18 + 12 = 30, inland 40 + 45 = 85 (groups overlap).
  await addActivity(d.id, activity({ participants: { total: 40, by_group: { unga: 4, aldre: 18, inland: 40 } } }));
  await addActivity(d.id, activity({ method: 'survey', participants: { total: 60, by_group: { unga: 6, aldre: 12, inland: 45 } } }));
  const res = await svc.call('GET', `/v1/dialogues/${d.id}/representation`);
  assert.equal(res.body.total_participants, 100);
  assert.equal(res.body.threshold, 0.6);
  const g = Object.fromEntries(res.body.groups.map((x) => [x.key, x]));
  assert.equal(g.unga.reached, 10);
  assert.equal(g.unga.reached_share, 0.1);
  assert.ok(Math.abs(g.unga.ratio - 0.1 / 0.12) < 1e-12);
  assert.equal(g.unga.status, 'ok'); // 0.833 >= 0.6
  assert.ok(Math.abs(g.aldre.ratio - 0.3 / 0.24) < 1e-12);
  assert.equal(g.aldre.status, 'ok'); // 1.25 <= 1/0.6
  assert.ok(Math.abs(g.inland.ratio - 0.85 / 0.3) < 1e-12);
  assert.equal(g.inland.status, 'over'); // 2.83 > 1.667
  assert.deepEqual(res.body.under, []);
  assert.deepEqual(res.body.suggestions, []);
});

test('suggestions rank methods by the group share across dialogues, none last', async () => {
  const plan = completePlan({
    target_groups: [{ key: 'fodda_utomlands', label: 'Födda utomlands', expected_share: 0.2 }, { key: 'aldre', label: 'Äldre', expected_share: 0.2 }],
  });
  const other = await openDialogue(plan);
  // association visits reached the group best (12/30 = 0.4), public places next (10/50 = 0.2),
  // workplace visits 5/25 = 0.2 but fewer participants, the open meeting reached none of them.
  await addActivity(other.id, activity({ method: 'association_visit', participants: { total: 30, by_group: { fodda_utomlands: 12 } } }));
  await addActivity(other.id, activity({ method: 'public_place', participants: { total: 50, by_group: { fodda_utomlands: 10 } } }));
  await addActivity(other.id, activity({ method: 'workplace_visit', participants: { total: 25, by_group: { fodda_utomlands: 5 } } }));
  await addActivity(other.id, activity({ method: 'open_meeting', participants: { total: 80, by_group: { aldre: 60 } } }));
  const d = await openDialogue(plan);
  await addActivity(d.id, activity({ method: 'open_meeting', participants: { total: 20, by_group: { aldre: 10 } } }));
  const res = await svc.call('GET', `/v1/dialogues/${d.id}/representation`);
  assert.deepEqual(res.body.under, ['fodda_utomlands']);
  const s = res.body.suggestions.find((x) => x.group === 'fodda_utomlands');
  assert.deepEqual(s.methods.map((m) => m.method), ['association_visit', 'public_place', 'workplace_visit', 'open_meeting']);
  assert.deepEqual(s.methods.map((m) => m.reached_share), [0.4, 0.2, 0.2, 0]);
});

test('checkpoints keep a snapshot; leaving in_dialogue needs an activity and a checkpoint', async () => {
  const d = await openDialogue();
  const blocked = await transition(svc, d.id, 'analysing');
  assertProblem(assert, blocked, 409, 'requirements-unmet');
  assert.deepEqual(blocked.body.unmet.sort(), ['activities_missing', 'checkpoint_missing']);
  await addActivity(d.id, activity({ documentation: { internal: 'bara internt' } }));
  const cp = await svc.call('POST', `/v1/dialogues/${d.id}/checkpoints`, {
    key: 'editor', body: { held_on: '2027-03-15', note: 'Unga saknas.', actions: ['Besök gymnasiet i Kiruna'] },
  });
  assert.equal(cp.status, 201, cp.text);
  assert.equal(cp.body.representation.total_participants, 40);
  assert.deepEqual(cp.body.actions, ['Besök gymnasiet i Kiruna']);
  assert.deepEqual((await transition(svc, d.id, 'analysing')).body.unmet, ['activities_missing'], 'no public documentation yet');
  await addActivity(d.id, activity({ participants: { total: 30, by_group: { unga: 25 } } }));
  await svc.call('POST', `/v1/dialogues/${d.id}/checkpoints`, { key: 'editor', body: { held_on: '2027-04-01' } });
  const list = await svc.call('GET', `/v1/dialogues/${d.id}/checkpoints`);
  assert.deepEqual(list.body.items.map((c) => [c.held_on, c.representation.total_participants]), [['2027-03-15', 40], ['2027-04-01', 70]]);
  const bad = await svc.call('POST', `/v1/dialogues/${d.id}/checkpoints`, { key: 'editor', body: { held_on: 'igår', extra: 1 } });
  assert.deepEqual(fieldsOf(bad), ['extra', 'held_on']);
  assert.equal((await transition(svc, d.id, 'analysing')).status, 200);
  const ladder = await svc.call('GET', `/v1/dialogues/${d.id}`);
  assert.ok(!ladder.body.ladder.warnings.some((w) => w.code === 'representation_check_missing'));
});

test('no response of any route ever carried a contact detail', () => {
  assert.ok(seen.length > 50);
  for (const text of seen) {
    assert.ok(!text.includes(EMAIL), 'email leaked');
    assert.ok(!text.includes(NAME), 'name leaked');
  }
});
