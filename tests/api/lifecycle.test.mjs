// The lifecycle: edges, guards with every unmet code at once, cancellation, the timeline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startService, assertProblem, fieldsOf, completePlan, createDialogue, transition } from './harness.mjs';

let svc;
before(async () => { svc = await startService(); });
after(async () => { await svc.close(); });

test('leaving draft names every unmet requirement at once', async () => {
  const d = await createDialogue(svc, { title: 'Tom plan' });
  const res = await transition(svc, d.id, 'planned');
  assertProblem(assert, res, 409, 'requirements-unmet');
  assert.deepEqual(res.body.unmet.sort(), [
    'declared_level_missing', 'feedback_plan_missing', 'methods_missing', 'purpose_missing',
    'question_areas_missing', 'target_groups_missing',
  ]);
  const after = await svc.call('GET', `/v1/dialogues/${d.id}`);
  assert.equal(after.body.state, 'draft');
  assert.equal(after.body.version, 1);
});

test('target group shares: missing share, or exclusive groups above 1', async () => {
  const missing = await createDialogue(svc, completePlan({ target_groups: [{ key: 'unga', label: 'Unga' }] }));
  const r1 = await transition(svc, missing.id, 'planned');
  assert.deepEqual(r1.body.unmet, ['target_group_shares_invalid']);

  const groups = [
    { key: 'kvinnor', label: 'Kvinnor', expected_share: 0.6 },
    { key: 'man', label: 'Män', expected_share: 0.5 },
  ];
  const overlapping = await createDialogue(svc, completePlan({ target_groups: groups }));
  assert.equal((await transition(svc, overlapping.id, 'planned')).status, 200, 'overlapping groups may sum above 1');
  const exclusive = await createDialogue(svc, completePlan({ target_groups: groups, target_groups_exclusive: true }));
  assert.deepEqual((await transition(svc, exclusive.id, 'planned')).body.unmet, ['target_group_shares_invalid']);

  const outside = await svc.call('POST', '/v1/dialogues', { key: 'editor', body: completePlan({ target_groups: [{ key: 'a', label: 'A', expected_share: -0.1 }] }) });
  assert.deepEqual(fieldsOf(outside), ['target_groups[0].expected_share']);
});

test('a declared level above the design is ladder_overpromise', async () => {
  const d = await createDialogue(svc, completePlan({ methods: ['survey'], declared_level: 4 }));
  const res = await transition(svc, d.id, 'planned');
  assertProblem(assert, res, 409, 'requirements-unmet');
  assert.deepEqual(res.body.unmet, ['ladder_overpromise']);
  const below = await createDialogue(svc, completePlan({ methods: ['dialogue_cafe'], declared_level: 2 }));
  const ok = await transition(svc, below.id, 'planned');
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.body.ladder.warnings.map((w) => w.code), ['declared_below_design']);
});

test('a missing edge is transition-not-allowed; an unknown state is 422', async () => {
  const d = await createDialogue(svc);
  const skip = await transition(svc, d.id, 'reported');
  assertProblem(assert, skip, 409, 'transition-not-allowed');
  assert.deepEqual(skip.body.allowed, ['planned', 'cancelled']);
  const same = await transition(svc, d.id, 'draft');
  assertProblem(assert, same, 409, 'transition-not-allowed');
  const unknown = await transition(svc, d.id, 'sleeping');
  assertProblem(assert, unknown, 422, 'validation-failed');
  assert.deepEqual(fieldsOf(unknown), ['to']);
  const extra = await svc.call('POST', `/v1/dialogues/${d.id}/transitions`, { key: 'editor', body: { to: 'planned', why: 1 } });
  assert.deepEqual(fieldsOf(extra), ['why']);
  assertProblem(assert, await transition(svc, '01UNKNOWN', 'planned'), 404, 'not-found');
});

test('success answers the dialogue with a new ETag; a stale If-Match is 412', async () => {
  const d = await createDialogue(svc);
  const res = await transition(svc, d.id, 'planned');
  assert.equal(res.status, 200);
  assert.equal(res.body.state, 'planned');
  assert.equal(res.headers.get('etag'), '"2"');
  const stale = await svc.call('POST', `/v1/dialogues/${d.id}/transitions`, { key: 'editor', body: { to: 'preparing' }, headers: { 'if-match': '"1"' } });
  assertProblem(assert, stale, 412, 'precondition-failed');
  const fresh = await svc.call('POST', `/v1/dialogues/${d.id}/transitions`, { key: 'editor', body: { to: 'preparing' }, headers: { 'if-match': '"2"' } });
  assert.equal(fresh.status, 200);
});

test('cancelling needs a note and is possible only before reporting', async () => {
  const d = await createDialogue(svc);
  const noNote = await transition(svc, d.id, 'cancelled');
  assertProblem(assert, noNote, 409, 'requirements-unmet');
  assert.deepEqual(noNote.body.unmet, ['note_missing']);
  const blank = await transition(svc, d.id, 'cancelled', '   ');
  assert.deepEqual(blank.body.unmet, ['note_missing']);
  const ok = await transition(svc, d.id, 'cancelled', 'Frågan avgjordes av staten.');
  assert.equal(ok.status, 200);
  assert.equal(ok.body.state, 'cancelled');
  assertProblem(assert, await transition(svc, d.id, 'planned'), 409, 'transition-not-allowed');
  assertProblem(assert, await transition(svc, d.id, 'cancelled', 'igen'), 409, 'transition-not-allowed');
});

test('writes need an editor: portal 403, none 401', async () => {
  const d = await createDialogue(svc);
  assertProblem(assert, await svc.call('POST', `/v1/dialogues/${d.id}/transitions`, { body: { to: 'planned' } }), 401, 'unauthorized');
  assertProblem(assert, await svc.call('POST', `/v1/dialogues/${d.id}/transitions`, { key: 'portal', body: { to: 'planned' } }), 403, 'forbidden');
});

test('the timeline records every transition, oldest first, actor by audience', async () => {
  const d = await createDialogue(svc);
  await transition(svc, d.id, 'planned', 'Planen antagen.');
  await transition(svc, d.id, 'preparing');
  await transition(svc, d.id, 'in_dialogue');
  await transition(svc, d.id, 'cancelled', 'Uppdraget återkallat.');
  const pub = await svc.call('GET', `/v1/dialogues/${d.id}/timeline`);
  assert.equal(pub.status, 200);
  assert.equal(pub.body.next_cursor, null);
  assert.deepEqual(pub.body.items.map((e) => [e.kind, e.from, e.to, e.note, e.actor]), [
    ['transition', 'draft', 'planned', 'Planen antagen.', 'editor'],
    ['transition', 'planned', 'preparing', null, 'editor'],
    ['transition', 'preparing', 'in_dialogue', null, 'editor'],
    ['transition', 'in_dialogue', 'cancelled', 'Uppdraget återkallat.', 'editor'],
  ]);
  for (const e of pub.body.items) assert.match(e.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  const editor = await svc.call('GET', `/v1/dialogues/${d.id}/timeline`, { key: 'editor' });
  assert.ok(editor.body.items.every((e) => e.actor === 'Anna Andersson (beredning)'));
  const page = await svc.call('GET', `/v1/dialogues/${d.id}/timeline?limit=3`);
  assert.equal(page.body.items.length, 3);
  assert.ok(page.body.next_cursor);
  const rest = await svc.call('GET', `/v1/dialogues/${d.id}/timeline?limit=3&cursor=${page.body.next_cursor}`);
  assert.deepEqual(rest.body.items.map((e) => e.to), ['cancelled']);
  assertProblem(assert, await svc.call('GET', '/v1/dialogues/01NOPE/timeline'), 404, 'not-found');
});

test('a refused transition leaves no timeline entry', async () => {
  const d = await createDialogue(svc, { title: 'Ofullständig' });
  await transition(svc, d.id, 'planned');
  const tl = await svc.call('GET', `/v1/dialogues/${d.id}/timeline`);
  assert.deepEqual(tl.body.items, []);
});
