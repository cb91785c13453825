// The participation ladder over HTTP: the steps, free classification, a dialogue's classification
// and the guard against overpromising.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startService, assertProblem, fieldsOf, completePlan, createDialogue, transition } from './harness.mjs';

let svc;
before(async () => { svc = await startService(); });
after(async () => { await svc.close(); });

const classify = (body, headers) => svc.call('POST', '/v1/ladder/classify', { body, headers });

test('GET /v1/ladder lists the five steps with equivalents and promises', async () => {
  const res = await svc.call('GET', '/v1/ladder');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body.items.map((s) => [s.level, s.key, s.name.sv, s.iap2]), [
    [1, 'information', 'Information', 'Inform'],
    [2, 'consultation', 'Konsultation', 'Consult'],
    [3, 'dialogue', 'Dialog', 'Involve'],
    [4, 'influence', 'Inflytande', 'Collaborate'],
    [5, 'co_decision', 'Medbestämmande', 'Empower'],
  ]);
  assert.equal(res.body.items[4].promise.en, 'We will implement what you decide.');
  assert.ok(res.body.items.every((s) => s.promise.sv && s.arnstein && s.council_of_europe));
});

test('the examples of LADDER.md', async () => {
  const survey = await classify({ methods: ['survey'], feedback_commitment: true });
  assert.equal(survey.status, 200);
  assert.deepEqual([survey.body.level, survey.body.key, survey.body.rule], [2, 'consultation', 'R4']);
  const cafe = await classify({ methods: ['dialogue_cafe'], feedback_commitment: true });
  assert.deepEqual([cafe.body.level, cafe.body.rule, cafe.body.iap2], [3, 'R3', 'Involve']);
  const committee = await classify({ design: { direction: 'two_way', deliberation: true, duration: 'over_time', input_format: 'co_production' } });
  assert.deepEqual([committee.body.level, committee.body.rule], [4, 'R2']);
  const pb = await classify({ methods: ['participatory_budgeting'], design: { delegation_reference: 'RF 2024-06-12 § 88' }, feedback_commitment: true });
  assert.deepEqual([pb.body.level, pb.body.key, pb.body.rule], [5, 'co_decision', 'R1']);
  assert.deepEqual(pb.body.warnings, []);
  const late = await classify({ methods: ['survey'], design: { influenceable: false } });
  assert.deepEqual([late.body.level, late.body.rule], [1, 'R0']);
  assert.deepEqual(late.body.warnings.map((w) => w.code), ['not_influenceable']);
});

test('delegated power without a reference stops at influence with a warning', async () => {
  const res = await classify({ methods: ['participatory_budgeting'], feedback_commitment: true });
  assert.deepEqual([res.body.level, res.body.rule], [4, 'R1b']);
  assert.deepEqual(res.body.warnings.map((w) => w.code), ['delegation_unrecorded']);
});

test('several methods: highest level, its rule, each method listed, every rule warning', async () => {
  const res = await classify({ methods: ['survey', 'participatory_budgeting', 'co_creation_workshop'], declared_level: 5 });
  assert.equal(res.body.level, 4);
  assert.equal(res.body.rule, 'R1b', 'the first of the highest');
  assert.deepEqual(res.body.methods, [
    { method: 'survey', level: 2, key: 'consultation' },
    { method: 'participatory_budgeting', level: 4, key: 'influence' },
    { method: 'co_creation_workshop', level: 4, key: 'influence' },
  ]);
  assert.deepEqual(res.body.warnings.map((w) => w.code).sort(),
    ['declared_above_design', 'delegation_unrecorded', 'feedback_commitment_missing']);
  assert.equal(res.body.reasons.length, 3);
});

test('explicit design attributes win over methods', async () => {
  const res = await classify({ methods: ['survey'], design: { decision_power: 'shared' }, feedback_commitment: true });
  assert.deepEqual([res.body.level, res.body.rule], [4, 'R2']);
  const quiet = await classify({ methods: ['open_meeting'], design: { deliberation: false }, feedback_commitment: true });
  assert.deepEqual([quiet.body.level, quiet.body.rule], [2, 'R4']);
});

test('a standing panel without deliberation is consultation', async () => {
  const res = await classify({ methods: ['e_panel'], feedback_commitment: true });
  assert.deepEqual([res.body.level, res.body.rule], [2, 'R4']);
});

test('declared level against the design', async () => {
  const below = await classify({ methods: ['dialogue_cafe'], declared_level: 2, feedback_commitment: true });
  assert.deepEqual(below.body.warnings.map((w) => w.code), ['declared_below_design']);
  const above = await classify({ methods: ['survey'], declared_level: 3, feedback_commitment: true });
  assert.deepEqual(above.body.warnings.map((w) => w.code), ['declared_above_design']);
});

test('Swedish texts with Accept-Language: sv', async () => {
  const res = await classify({ methods: ['survey'] }, { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.5' });
  assert.match(res.body.warnings[0].message, /återkoppl/);
  assert.match(res.body.reasons[0], /^R4 \(survey\): medborgarna/);
});

test('unknown attributes, values and methods are 422 naming the field and value', async () => {
  const res = await classify({ methods: ['survey', 'telepathy'], design: { direction: 'sideways', mood: 'happy', deliberation: 'yes' }, declared_level: 0 });
  assertProblem(assert, res, 422, 'validation-failed');
  assert.deepEqual(fieldsOf(res), ['declared_level', 'design.deliberation', 'design.direction', 'design.mood', 'methods[1]']);
  assert.match(res.body.errors.find((e) => e.field === 'methods[1]').message, /telepathy/);
  assert.match(res.body.errors.find((e) => e.field === 'design.direction').message, /sideways/);
  assertProblem(assert, await classify({ colour: 1 }), 422, 'validation-failed');
});

test('classify has no side effects and needs no key', async () => {
  const before = await svc.call('GET', '/v1/dialogues');
  await classify({ methods: ['survey'] });
  const after = await svc.call('GET', '/v1/dialogues');
  assert.equal(after.body.items.length, before.body.items.length);
});

test('a dialogue carries its ladder; GET /v1/dialogues/{id}/ladder explains it', async () => {
  const d = await createDialogue(svc, completePlan({ methods: ['survey', 'dialogue_cafe'], declared_level: 2 }));
  assert.deepEqual(d.ladder, { declared: 2, derived: 3, warnings: [d.ladder.warnings[0]] });
  assert.equal(d.ladder.warnings[0].code, 'declared_below_design');
  const res = await svc.call('GET', `/v1/dialogues/${d.id}/ladder`);
  assert.equal(res.status, 200);
  assert.equal(res.body.level, 3);
  assert.equal(res.body.declared, 2);
  assert.equal(res.body.rule, 'R3');
  assert.deepEqual(res.body.methods.map((m) => m.level), [2, 3]);
  assertProblem(assert, await svc.call('GET', '/v1/dialogues/01NOPE/ladder'), 404, 'not-found');
});

test('a feedback plan counts as the commitment; a design on the plan is used', async () => {
  const noFeedback = await createDialogue(svc, completePlan({ feedback_plan: null, methods: ['survey'], declared_level: 2 }));
  assert.deepEqual(noFeedback.ladder.warnings.map((w) => w.code), ['feedback_commitment_missing']);
  const designed = await createDialogue(svc, completePlan({ methods: ['survey'], design: { decision_power: 'shared' }, declared_level: 4 }));
  assert.equal(designed.ladder.derived, 4);
  assert.deepEqual(designed.design, { decision_power: 'shared' });
  const bad = await svc.call('POST', '/v1/dialogues', { key: 'editor', body: completePlan({ design: { direction: 'up' } }) });
  assert.deepEqual(fieldsOf(bad), ['design.direction']);
});

test('representation_check_missing applies from in_dialogue on', async () => {
  const d = await createDialogue(svc, completePlan({ methods: ['dialogue_cafe'], declared_level: 3 }));
  for (const to of ['planned', 'preparing']) {
    const res = await transition(svc, d.id, to);
    assert.deepEqual(res.body.ladder.warnings, []);
  }
  const live = await transition(svc, d.id, 'in_dialogue');
  assert.deepEqual(live.body.ladder.warnings.map((w) => w.code), ['representation_check_missing']);
});

test('leaving draft is refused with ladder_overpromise', async () => {
  const d = await createDialogue(svc, completePlan({ methods: ['web_information', 'survey'], declared_level: 3 }));
  const res = await transition(svc, d.id, 'planned');
  assertProblem(assert, res, 409, 'requirements-unmet');
  assert.deepEqual(res.body.unmet, ['ladder_overpromise']);
  const fixed = await svc.call('PATCH', `/v1/dialogues/${d.id}`, { key: 'editor', body: { declared_level: 2 }, headers: { 'if-match': '"1"' } });
  assert.equal(fixed.status, 200);
  assert.equal((await transition(svc, d.id, 'planned')).status, 200);
});
