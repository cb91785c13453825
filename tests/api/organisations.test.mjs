// Organisations (tenants), bodies with their principles, yearly implementation plans, and the
// isolation of one organisation from another on every route of the contract.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startService, createKey, assertProblem, fieldsOf, completePlan, walkToDecided } from './harness.mjs';
import { spec } from './contract.mjs';

let svc, operator, other; // other: the keys of a second organisation
before(async () => {
  svc = await startService();
  operator = createKey(svc.db.url, 'operator', 'Driften');
});
after(async () => { await svc.close(); });

const call = (method, path, key, body, headers = {}) => svc.call(method, path, { key, body, headers });

async function newOrganisation(name) {
  const res = await call('POST', '/v1/organisations', operator, { name, kind: 'municipality' });
  assert.equal(res.status, 201, res.text);
  const keys = {};
  for (const role of ['admin', 'editor', 'portal']) keys[role] = createKey(svc.db.url, role, `${name} ${role}`, res.body.id);
  return { id: res.body.id, keys, org: res.body };
}

test('operators manage organisations; no other key may, and an operator names no organisation', async () => {
  const res = await call('POST', '/v1/organisations', operator, { name: 'Jokkmokks kommun', name_en: 'Jokkmokk Municipality', kind: 'municipality', url: 'https://www.jokkmokk.se' });
  assert.equal(res.status, 201);
  assert.equal(res.headers.get('location'), `/v1/organisations/${res.body.id}`);
  const list = await call('GET', '/v1/organisations?limit=100', operator);
  assert.ok(list.body.items.some((o) => o.id === 'default'), 'the default organisation of an upgraded store');
  assert.ok(list.body.items.some((o) => o.id === res.body.id));
  assertProblem(assert, await call('PATCH', `/v1/organisations/${res.body.id}`, operator, { name: 'x' }), 428, 'precondition-required');
  const patched = await call('PATCH', `/v1/organisations/${res.body.id}`, operator, { name: 'Jokkmokk' }, { 'if-match': res.headers.get('etag') });
  assert.equal(patched.status, 200);
  assert.equal(patched.body.name, 'Jokkmokk');
  assert.equal(patched.body.version, 2);
  assert.deepEqual(fieldsOf(await call('POST', '/v1/organisations', operator, { kind: 'kingdom', colour: 'red' })).sort(), ['colour', 'kind', 'name']);
  for (const role of ['admin', 'editor', 'portal'])
    assertProblem(assert, await call('GET', '/v1/organisations', role), 403, 'forbidden');
  const named = await call('POST', '/v1/dialogues', operator, { title: 'Operatörens dialog' });
  assertProblem(assert, named, 422, 'validation-failed');
  assert.deepEqual(fieldsOf(named), ['Authorization']);
  const none = await call('GET', '/v1/dialogues', operator);
  assert.deepEqual(none.body.items, [], 'an operator key sees no organisation\'s dialogues');
});

test('bodies: admins write them, editors read them, bad principles are refused', async () => {
  const made = await call('POST', '/v1/bodies', 'admin', {
    name: 'Beredningen för hållbar utveckling', kind: 'preparatory_committee',
    principles: { ladder_min: 2, ladder_max: 4, feedback_days: 21, languages: ['sv', 'en', 'fi'],
      target_groups: [{ key: 'unga', label: 'Unga 16-25 år', expected_share: 0.12 }] },
  });
  assert.equal(made.status, 201, made.text);
  assert.equal(made.body.organisation_id, 'default');
  assertProblem(assert, await call('POST', '/v1/bodies', 'editor', { name: 'x', kind: 'board' }), 403, 'forbidden');
  assert.equal((await call('GET', `/v1/bodies/${made.body.id}`, 'editor')).status, 200);
  const bad = await call('POST', '/v1/bodies', 'admin', { name: 'Fel', kind: 'parliament', principles: { ladder_min: 4, ladder_max: 2, languages: ['Svenska'] } });
  assert.deepEqual(fieldsOf(bad).sort(), ['kind', 'principles.ladder_min', 'principles.languages[0]']);
  const patched = await call('PATCH', `/v1/bodies/${made.body.id}`, 'admin', { principles: { ladder_max: 3 } }, { 'if-match': made.headers.get('etag') });
  assert.equal(patched.status, 200, patched.text);
  assert.equal(patched.body.principles.ladder_max, 3);
  assert.equal(patched.body.principles.ladder_min, 2, 'a merge patch keeps what it does not name');
});

test('a dialogue of a body takes its defaults and cannot leave draft outside its ladder range', async () => {
  const body = (await call('POST', '/v1/bodies', 'admin', {
    name: 'Hälso- och sjukvårdsnämnden', kind: 'committee',
    principles: { ladder_min: 2, ladder_max: 3, feedback_days: 14, target_groups: [{ key: 'aldre', label: 'Äldre 65+', expected_share: 0.3 }] },
  })).body;
  const plan = completePlan({ declared_level: 4, target_groups: undefined, feedback_plan: undefined });
  delete plan.target_groups;
  delete plan.feedback_plan;
  const d = await call('POST', '/v1/dialogues', 'editor', { ...plan, body_id: body.id });
  assert.equal(d.status, 201, d.text);
  assert.equal(d.body.body_id, body.id);
  assert.deepEqual(d.body.target_groups.map((g) => g.key), ['aldre']);
  assert.equal(d.body.feedback_plan.days_after_report, 14);
  const refused = await call('POST', `/v1/dialogues/${d.body.id}/transitions`, 'editor', { to: 'planned' });
  assertProblem(assert, refused, 409, 'requirements-unmet');
  assert.ok(refused.body.unmet.includes('outside_body_principles'));
  assert.match(refused.body.detail, /2-3/);
  const unknown = await call('POST', '/v1/dialogues', 'editor', { title: 'x', body_id: 'nope', plan_item: { year: 2027, key: 'k' } });
  assert.deepEqual(fieldsOf(unknown).sort(), ['body_id', 'plan_item']);
  const year = await call('POST', '/v1/dialogues', 'editor', { title: 'x', body_id: body.id, plan_item: { year: 1999, key: 'k' } });
  assert.deepEqual(fieldsOf(year), ['plan_item.year']);
  const putYear = await call('PUT', `/v1/bodies/${body.id}/plans/2101`, 'editor', { items: [] });
  assert.deepEqual(fieldsOf(putYear), ['year']);
  const b = await newOrganisation('Kiruna kommun');
  const foreign = await call('POST', '/v1/dialogues', b.keys.editor, { title: 'Främmande nämnd', body_id: body.id });
  assert.deepEqual(fieldsOf(foreign), ['body_id'], "another organisation's body is unknown");
});

test('a yearly plan answers beside what happened: planned, started, finished and never started', async () => {
  const body = (await call('POST', '/v1/bodies', 'admin', { name: 'Beredningen Nord', kind: 'preparatory_committee' })).body;
  const plan = {
    question_areas: ['Tillgänglighet till vård'], purpose: 'Behov inför regionplanen.',
    target_groups: [{ key: 'unga', label: 'Unga', expected_share: 0.2 }],
    items: [
      { key: 'vard', title: 'Framtidens vård', question_area: 'Tillgänglighet till vård', quarter: 1, methods: ['dialogue_cafe'] },
      { key: 'trafik', title: 'Kollektivtrafik', question_area: 'Resor', quarter: 2, methods: ['survey'] },
      { key: 'kultur', title: 'Kultur i glesbygden', question_area: 'Kultur', quarter: 3 },
      { key: 'installd', title: 'Inställd', question_area: 'x', quarter: 4 },
    ],
  };
  assert.deepEqual(fieldsOf(await call('PUT', `/v1/bodies/${body.id}/plans/2027`, 'editor', { items: [{ key: 'a', title: 'A', quarter: 5 }, { key: 'a', title: 'B', quarter: 1 }] })).sort(), ['items[0].quarter', 'items[1].key']);
  const put = await call('PUT', `/v1/bodies/${body.id}/plans/2027`, 'editor', plan);
  assert.equal(put.status, 201, put.text);
  assert.equal((await call('PUT', `/v1/bodies/${body.id}/plans/2027`, 'editor', plan)).status, 200);
  const finished = await walkToDecided(svc, { plan: { ...completePlan(), body_id: body.id, plan_item: { year: 2027, key: 'vard' } } });
  const started = await call('POST', '/v1/dialogues', 'editor', { ...completePlan({ title: 'Trafik' }), body_id: body.id, plan_item: { year: 2027, key: 'trafik' } });
  for (const to of ['planned', 'preparing', 'in_dialogue']) await call('POST', `/v1/dialogues/${started.body.id}/transitions`, 'editor', { to });
  const cancelled = await call('POST', '/v1/dialogues', 'editor', { title: 'Ställs in', body_id: body.id, plan_item: { year: 2027, key: 'installd' } });
  assert.equal((await call('POST', `/v1/dialogues/${cancelled.body.id}/transitions`, 'editor', { to: 'cancelled', note: 'Budgeten drogs in.' })).status, 200);
  const got = await call('GET', `/v1/bodies/${body.id}/plans/2027`, 'editor');
  assert.equal(got.status, 200, got.text);
  const byKey = Object.fromEntries(got.body.items.map((i) => [i.key, i.outcome]));
  assert.equal(byKey.vard.status, 'finished');
  assert.equal(byKey.vard.dialogues[0].id, finished.dialogue.id);
  assert.equal(byKey.vard.dialogues[0].state, 'decided');
  assert.equal(byKey.vard.dialogues[0].feedback_coverage, 1);
  assert.ok(byKey.vard.dialogues[0].ladder_step >= 1);
  assert.equal(byKey.trafik.status, 'started');
  assert.equal(byKey.kultur.status, 'not_started');
  assert.deepEqual(byKey.kultur.dialogues, []);
  assert.equal(byKey.installd.status, 'cancelled');
  assert.deepEqual({ ...got.body.totals, overdue_feedback: undefined }, { planned: 4, not_started: 1, started: 1, finished: 1, cancelled: 1, dialogues: 3, overdue_feedback: undefined });
  const years = await call('GET', `/v1/bodies/${body.id}/plans`, 'editor');
  assert.deepEqual(years.body.items.map((y) => [y.year, y.items]), [[2027, 4]]);
  const listed = await call('GET', `/v1/dialogues?body_id=${body.id}&year=2027&state=decided`, 'editor');
  assert.deepEqual(listed.body.items.map((d) => d.id), [finished.dialogue.id]);
  assert.deepEqual(fieldsOf(await call('GET', '/v1/dialogues?year=1999', 'editor')), ['year']);
});

// Every route of the contract, called with each key of organisation A on organisation B's
// resources: nothing of B is read or changed. The route list comes from the spec, so a new route
// without a case here fails this test.
test('a key of one organisation can neither read nor change another organisation\'s resources, on every route', async () => {
  const b = await newOrganisation('Region Isolerad');
  const bWalk = await walkToDecided(svc, { editor: b.keys.editor, portal: b.keys.portal, email: 'isolerad@example.org' });
  const bBody = (await call('POST', '/v1/bodies', b.keys.admin, { name: 'B:s nämnd', kind: 'board' })).body;
  await call('PUT', `/v1/bodies/${bBody.id}/plans/2027`, b.keys.editor, { items: [{ key: 'x', title: 'X', quarter: 1 }] });
  const bHook = (await call('POST', '/v1/webhooks', b.keys.portal, { url: 'http://127.0.0.1:9/b-hook', events: ['*'], secret: '0123456789abcdef01' })).body;
  assert.ok(bHook.id, 'B has a webhook');
  const bIds = [bWalk.dialogue.id, bWalk.activity.id, bWalk.contribution.id, bWalk.need.id, bWalk.measure.id, bBody.id, bHook.id, bWalk.contribution.receipt];
  const before = await call('GET', `/v1/dialogues/${bWalk.dialogue.id}`, b.keys.editor);

  const params = {
    '/v1/dialogues/{id}': bWalk.dialogue.id, '/v1/activities/{id}': bWalk.activity.id,
    '/v1/contributions/{id}': bWalk.contribution.id, '/v1/needs/{id}': bWalk.need.id,
    '/v1/measures/{id}': bWalk.measure.id, '/v1/webhooks/{id}': bHook.id, '/v1/bodies/{id}': bBody.id,
    '/v1/organisations/{id}': b.id,
  };
  const fill = (template) => {
    let path = template.replace('{code}', bWalk.contribution.receipt).replace('{year}', '2027');
    for (const [prefix, id] of Object.entries(params))
      if (template.startsWith(prefix)) path = path.replace('{id}', id);
    return path;
  };
  // A body valid in shape for each write, so that only the organisation decides the answer.
  const bodies = {
    createDialogue: { title: 'Intrång' }, patchDialogue: { title: 'Intrång' }, deleteDialogue: undefined,
    transitionDialogue: { to: 'followed_up' }, ladderClassify: { methods: ['survey'] },
    createActivity: { method: 'survey', held_on: '2027-01-01' }, patchActivity: { place: 'Intrång' },
    createContribution: { text: 'Intrång', channel: 'web' }, patchContribution: { disposition: 'wish', reason: 'x' },
    createCheckpoint: { held_on: '2027-01-01' }, createNeed: { title: 'Intrång', contribution_ids: [bWalk.contribution.id] },
    patchNeed: { title: 'Intrång' }, putReport: { title: 'Intrång', presented_on: '2027-01-01' },
    putAnswer: { answered_on: '2027-01-01', responses: [] }, putDecision: { decided_on: '2027-01-01', reference: 'x' },
    putFollowUp: { held_on: '2027-01-01', summary: 'Intrång' }, addMeasureUpdate: { on: '2028-01-01', status: 'done' },
    createWebhook: { url: 'http://127.0.0.1:9/a-hook', events: ['*'], secret: '0123456789abcdef01' },
    createOrganisation: { name: 'Intrång' }, patchOrganisation: { name: 'Intrång' },
    createBody: { name: 'Intrång', kind: 'board' }, patchBody: { name: 'Intrång' },
    putBodyPlan: { items: [] }, createSource: { kind: 'decidim', base_url: 'https://a.example.se', process_id: '1' },
  };
  const widget = createKey(svc.db.url, 'widget', 'Webbplats', undefined, ['https://www.example.se']);
  const attackers = { admin: svc.keys.admin, editor: svc.keys.editor, portal: svc.keys.portal, widget, operator };
  let checked = 0;
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = item[method];
      if (!op) continue;
      if (op.requestBody && !(op.operationId in bodies)) assert.fail(`no isolation case for ${op.operationId}: add a body to this test`);
      const path = fill(template) + (template === '/v1/contacts' ? '?email=isolerad@example.org' : '');
      for (const [role, key] of Object.entries(attackers)) {
        const headers = method === 'patch' ? { 'if-match': '"1"' } : {};
        const res = await svc.call(method.toUpperCase(), path, { key, body: bodies[op.operationId], headers });
        checked++;
        const where = `${method.toUpperCase()} ${template} as ${role} of another organisation: ${res.status}`;
        assert.ok(res.status < 500, where);
        if (res.status < 300) {
          const leaked = bIds.filter((id) => res.text.includes(id));
          assert.deepEqual(leaked, [], `${where} leaked ${leaked}`);
        }
        const names = template.includes('{') && !template.startsWith('/v1/ladder');
        if (names && role !== 'operator' && (op['x-roles'] || []).includes(role))
          assert.equal(res.status, 404, where);
        if (role === 'operator' && op['x-roles'] && !op['x-roles'].includes('operator'))
          assert.equal(res.status, 422, where);
      }
    }
  }
  assert.ok(checked > 200, `walked ${checked} requests`);
  const after = await call('GET', `/v1/dialogues/${bWalk.dialogue.id}`, b.keys.editor);
  assert.deepEqual(after.body, before.body, "B's dialogue is unchanged");
  const coverage = await call('GET', `/v1/dialogues/${bWalk.dialogue.id}/feedback`, b.keys.editor);
  assert.equal(coverage.body.participants_opted_in, 1, "B's contact was not erased by A");
  const hooks = await call('GET', '/v1/webhooks', b.keys.portal);
  assert.deepEqual(hooks.body.items.map((h) => h.id), [bHook.id], "B's webhook survives; A's are not B's");
  // Public reads stay public without a key.
  assert.equal((await call('GET', `/v1/dialogues/${bWalk.dialogue.id}`)).status, 200);
  assert.equal((await call('GET', `/v1/receipts/${bWalk.contribution.receipt}`)).status, 200);
  assert.equal((await call('GET', `/v1/dialogues/${bWalk.dialogue.id}/feedback/public`)).status, 200);
});

test('method suggestions learn only from the same organisation\'s dialogues', async () => {
  const open = async (key) => {
    const d = (await call('POST', '/v1/dialogues', key, completePlan())).body;
    for (const to of ['planned', 'preparing', 'in_dialogue']) await call('POST', `/v1/dialogues/${d.id}/transitions`, key, { to });
    return d.id;
  };
  const a = await open('editor');
  assert.equal((await call('POST', `/v1/dialogues/${a}/activities`, 'editor', { method: 'focus_group', held_on: '2027-03-01', participants: { total: 10, by_group: { unga: 9 } } })).status, 201);
  const b = await newOrganisation('Luleå kommun');
  const bd = await open(b.keys.editor);
  await call('POST', `/v1/dialogues/${bd}/activities`, b.keys.editor, { method: 'survey', held_on: '2027-03-01', participants: { total: 10, by_group: { aldre: 10 } } });
  const inB = await call('GET', `/v1/dialogues/${bd}/representation`, b.keys.editor);
  const unga = inB.body.suggestions.find((s) => s.group === 'unga');
  assert.ok(unga, 'unga are under-represented in B');
  assert.ok(!unga.methods.some((m) => m.method === 'focus_group'), "A's focus group teaches B nothing");
  const a2 = await open('editor');
  const inA = await call('GET', `/v1/dialogues/${a2}/representation`, 'editor');
  assert.ok(inA.body.suggestions.find((s) => s.group === 'unga').methods.some((m) => m.method === 'focus_group' && m.reached_share > 0.8));
});
