// /v1/dialogues: create, read, list with cursors, merge-patch with If-Match, delete.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startService, assertProblem, fieldsOf, completePlan, createDialogue, transition } from './harness.mjs';

let svc;
before(async () => { svc = await startService(); });
after(async () => { await svc.close(); });

test('create with only a title: 201, Location, ETag, draft', async () => {
  const res = await svc.call('POST', '/v1/dialogues', { key: 'editor', body: { title: 'Kollektivtrafik i inlandet' } });
  assert.equal(res.status, 201);
  assert.equal(res.headers.get('location'), `/v1/dialogues/${res.body.id}`);
  assert.equal(res.headers.get('etag'), '"1"');
  assert.equal(res.body.state, 'draft');
  assert.equal(res.body.version, 1);
  assert.equal(res.body.title, 'Kollektivtrafik i inlandet');
  assert.deepEqual(res.body.methods, []);
  const read = await svc.call('GET', res.headers.get('location'));
  assert.equal(read.status, 200);
  assert.equal(read.headers.get('etag'), '"1"');
  assert.deepEqual(read.body, res.body);
});

test('a complete plan round-trips exactly', async () => {
  const plan = completePlan();
  const created = await createDialogue(svc, plan);
  for (const [k, v] of Object.entries(plan)) assert.deepEqual(created[k], v, k);
  assert.deepEqual(created.ladder, { declared: 3, derived: 3, warnings: [] });
});

test('every invalid field is named at once', async () => {
  const res = await svc.call('POST', '/v1/dialogues', {
    key: 'editor',
    body: {
      title: '',
      methods: ['survey', 'telepathy'],
      declared_level: 6,
      target_groups: [{ key: 'unga', label: 'Unga', expected_share: 1.5 }, { key: 'unga', label: 'Dubblett' }],
      feedback_plan: { channels: ['pigeon'] },
      period: { start: '2027-05-01', end: '2027-02-01' },
      colour: 'blue',
      id: 'mine',
      state: 'closed',
    },
  });
  assertProblem(assert, res, 422, 'validation-failed');
  assert.deepEqual(fieldsOf(res), [
    'declared_level', 'feedback_plan.channels[0]', 'colour', 'id', 'methods[1]', 'period.end', 'state',
    'target_groups[0].expected_share', 'target_groups[1].key', 'title',
  ].sort());
  const methodError = res.body.errors.find((e) => e.field === 'methods[1]');
  assert.match(methodError.message, /telepathy/);
  assert.equal(res.body.errors.find((e) => e.field === 'id').code, 'read_only');
  assert.equal(res.body.errors.find((e) => e.field === 'colour').code, 'unknown_field');
});

test('title is required', async () => {
  const res = await svc.call('POST', '/v1/dialogues', { key: 'editor', body: { purpose: 'x' } });
  assertProblem(assert, res, 422, 'validation-failed');
  assert.deepEqual(fieldsOf(res), ['title']);
});

test('unknown dialogue is 404', async () => {
  assertProblem(assert, await svc.call('GET', '/v1/dialogues/01NOPE'), 404, 'not-found');
});

test('list is newest first with cursor pagination and a Link header', async () => {
  const ids = [];
  for (let i = 0; i < 5; i++) ids.push((await createDialogue(svc, { title: `Sida ${i}` })).id);
  const seen = [];
  let path = '/v1/dialogues?limit=2';
  let pages = 0;
  for (;;) {
    const res = await svc.call('GET', path);
    assert.equal(res.status, 200);
    assert.ok(res.body.items.length <= 2);
    seen.push(...res.body.items.map((d) => d.id));
    pages++;
    if (!res.body.next_cursor) {
      assert.equal(res.headers.get('link'), null);
      break;
    }
    const link = res.headers.get('link');
    assert.match(link, /^<\/v1\/dialogues\?limit=2&cursor=[A-Za-z0-9_-]+>; rel="next"$/);
    path = link.slice(1, link.indexOf('>'));
  }
  assert.ok(pages >= 3);
  assert.deepEqual(seen.filter((id) => ids.includes(id)), [...ids].reverse());
  assert.equal(new Set(seen).size, seen.length, 'no dialogue twice');
});

test('list filters by state and checks its parameters', async () => {
  const d = await createDialogue(svc);
  await transition(svc, d.id, 'planned');
  const planned = await svc.call('GET', '/v1/dialogues?state=planned');
  assert.ok(planned.body.items.every((x) => x.state === 'planned'));
  assert.ok(planned.body.items.some((x) => x.id === d.id));
  const bad = await svc.call('GET', '/v1/dialogues?state=sleeping&limit=0&cursor=!!');
  assertProblem(assert, bad, 422, 'validation-failed');
  assert.deepEqual(fieldsOf(bad), ['cursor', 'limit', 'state']);
  assertProblem(assert, await svc.call('GET', '/v1/dialogues?limit=101'), 422, 'validation-failed');
});

test('PATCH is a merge patch guarded by If-Match', async () => {
  const d = await createDialogue(svc, completePlan());
  const path = `/v1/dialogues/${d.id}`;
  const noMatch = await svc.call('PATCH', path, { key: 'editor', body: { purpose: 'Ny' } });
  assertProblem(assert, noMatch, 428, 'precondition-required');
  const stale = await svc.call('PATCH', path, { key: 'editor', body: { purpose: 'Ny' }, headers: { 'if-match': '"7"' } });
  assertProblem(assert, stale, 412, 'precondition-failed');

  const ok = await svc.call('PATCH', path, {
    key: 'editor',
    body: { purpose: 'Ny', case_number: null, feedback_plan: { promise: 'Vi återkommer.' } },
    headers: { 'if-match': '"1"', 'content-type': 'application/merge-patch+json' },
  });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.headers.get('etag'), '"2"');
  assert.equal(ok.body.purpose, 'Ny');
  assert.equal(ok.body.case_number, null);
  assert.equal(ok.body.feedback_plan.promise, 'Vi återkommer.');
  assert.deepEqual(ok.body.feedback_plan.channels, ['email', 'web'], 'nested members kept');
  assert.equal(ok.body.title, d.title);

  const again = await svc.call('PATCH', path, { key: 'editor', body: { purpose: 'Igen' }, headers: { 'if-match': '"1"' } });
  assertProblem(assert, again, 412, 'precondition-failed');
  const stored = await svc.call('GET', path);
  assert.equal(stored.body.purpose, 'Ny', 'the stale write changed nothing');
});

test('PATCH refuses read-only, unknown and invalid fields, changing nothing', async () => {
  const d = await createDialogue(svc);
  const path = `/v1/dialogues/${d.id}`;
  const res = await svc.call('PATCH', path, {
    key: 'editor', body: { state: 'closed', version: 9, wings: 2, title: null }, headers: { 'if-match': '"1"' },
  });
  assertProblem(assert, res, 422, 'validation-failed');
  assert.deepEqual(fieldsOf(res), ['state', 'title', 'version', 'wings']);
  const after = await svc.call('GET', path);
  assert.equal(after.body.version, 1);
});

test('PATCH of a text body is 415', async () => {
  const d = await createDialogue(svc);
  const res = await svc.call('PATCH', `/v1/dialogues/${d.id}`, {
    key: 'editor', raw: 'purpose=x', headers: { 'if-match': '"1"', 'content-type': 'text/plain' },
  });
  assertProblem(assert, res, 415, 'unsupported-media-type');
});

test('the plan is locked from in_dialogue on', async () => {
  const d = await createDialogue(svc);
  for (const to of ['planned', 'preparing']) assert.equal((await transition(svc, d.id, to)).status, 200);
  const preparing = await svc.call('PATCH', `/v1/dialogues/${d.id}`, { key: 'editor', body: { purpose: 'Justerat' }, headers: { 'if-match': '"3"' } });
  assert.equal(preparing.status, 200, preparing.text);
  assert.equal((await transition(svc, d.id, 'in_dialogue')).status, 200);
  const locked = await svc.call('PATCH', `/v1/dialogues/${d.id}`, { key: 'editor', body: { purpose: 'Sent' }, headers: { 'if-match': '"5"' } });
  assertProblem(assert, locked, 409, 'plan-locked');
});

test('only a draft can be deleted', async () => {
  const draft = await createDialogue(svc, { title: 'Att radera' });
  assertProblem(assert, await svc.call('DELETE', `/v1/dialogues/${draft.id}`), 401, 'unauthorized');
  const del = await svc.call('DELETE', `/v1/dialogues/${draft.id}`, { key: 'editor' });
  assert.equal(del.status, 204);
  assertProblem(assert, await svc.call('GET', `/v1/dialogues/${draft.id}`), 404, 'not-found');
  assertProblem(assert, await svc.call('DELETE', `/v1/dialogues/${draft.id}`, { key: 'editor' }), 404, 'not-found');

  const planned = await createDialogue(svc);
  await transition(svc, planned.id, 'planned');
  assertProblem(assert, await svc.call('DELETE', `/v1/dialogues/${planned.id}`, { key: 'editor' }), 409, 'wrong-state');
});

test('a retried create with the same Idempotency-Key creates one dialogue', async () => {
  const headers = { 'idempotency-key': 'create-once-1' };
  const first = await svc.call('POST', '/v1/dialogues', { key: 'editor', body: { title: 'En gång' }, headers });
  const second = await svc.call('POST', '/v1/dialogues', { key: 'editor', body: { title: 'En gång' }, headers });
  assert.equal(first.status, 201);
  assert.equal(second.status, 201);
  assert.equal(second.body.id, first.body.id);
  assert.equal(second.headers.get('location'), first.headers.get('location'));
  const other = await svc.call('POST', '/v1/dialogues', { key: 'editor', body: { title: 'Annat' }, headers });
  assertProblem(assert, other, 422, 'validation-failed');
  // Scoped to the API key: the admin's identical key is a new request.
  const admin = await svc.call('POST', '/v1/dialogues', { key: 'admin', body: { title: 'En gång' }, headers });
  assert.notEqual(admin.body.id, first.body.id);
  // A failed answer is not replayed: fix the body, same key, and it succeeds.
  const bad = await svc.call('POST', '/v1/dialogues', { key: 'editor', body: { title: '' }, headers: { 'idempotency-key': 'fix-me' } });
  assert.equal(bad.status, 422);
  const fixed = await svc.call('POST', '/v1/dialogues', { key: 'editor', body: { title: 'Rättad' }, headers: { 'idempotency-key': 'fix-me' } });
  assert.equal(fixed.status, 201);
});

test('data survives a restart', async () => {
  const d = await createDialogue(svc, completePlan());
  await svc.restart();
  const res = await svc.call('GET', `/v1/dialogues/${d.id}`);
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, d);
});
