// A whole dialogue from draft to followed_up through every guard, and the trace of contributions that
// ended in an adopted and done measure, a rejected measure, a need without measures, and a wish.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startService, assertProblem, fieldsOf, completePlan, createDialogue, transition } from './harness.mjs';

let svc;
before(async () => { svc = await startService(); });
after(async () => { await svc.close(); });

const post = (path, body, key = 'editor', headers = {}) => svc.call('POST', path, { key, body, headers });
const put = (path, body, headers = {}) => svc.call('PUT', path, { key: 'editor', body, headers });
const patch = (path, body, etag) => svc.call('PATCH', path, { key: 'editor', body, headers: { 'if-match': etag } });
const expectUnmet = async (id, to, codes) => {
  const res = await transition(svc, id, to);
  assertProblem(assert, res, 409, 'requirements-unmet');
  assert.deepEqual(res.body.unmet.sort(), [...codes].sort());
};

test('a dialogue walked from draft to followed_up, and what each citizen is told', async () => {
  const d = await createDialogue(svc, completePlan());
  const id = d.id;
  for (const to of ['planned', 'preparing', 'in_dialogue']) assert.equal((await transition(svc, id, to)).status, 200);

  // In dialogue: one documented activity, four contributions, a checkpoint.
  const activity = await post(`/v1/dialogues/${id}/activities`, {
    method: 'dialogue_cafe', held_on: '2027-03-04', participants: { total: 30, by_group: { inland: 30 } },
    documentation: { public: 'Samtal om vården i Jokkmokk.' },
  });
  assert.equal(activity.status, 201);
  const contribute = async (text) => (await post(`/v1/dialogues/${id}/contributions`, { text, channel: 'web' }, 'portal')).body;
  const kvall = await contribute('Vårdcentralen behöver öppet på kvällar.');
  const helikopter = await contribute('Bygg en helikopterplatta vid vårdcentralen.');
  const buss = await contribute('Bussen till sjukhuset går för sällan.');
  const lampor = await contribute('Fler gatlampor på vägen till skolan.');
  assert.equal((await post(`/v1/dialogues/${id}/checkpoints`, { held_on: '2027-03-20' })).status, 201);
  assert.equal((await transition(svc, id, 'analysing')).status, 200);

  // Analysing: nothing done yet.
  await expectUnmet(id, 'reported', ['needs_missing', 'contributions_unprocessed', 'report_missing']);
  assertProblem(assert, await post(`/v1/dialogues/${id}/needs`, { title: 'Tom', contribution_ids: [] }), 422, 'validation-failed');
  const badNeed = await post(`/v1/dialogues/${id}/needs`, { title: 'Fel', contribution_ids: ['nope'], colour: 1 });
  assert.deepEqual(fieldsOf(badNeed), ['colour', 'contribution_ids[0]']);
  const access = (await post(`/v1/dialogues/${id}/needs`, {
    title: 'Vård nära hemmet i inlandet', contribution_ids: [kvall.id, helikopter.id],
    facts: [{ source: 'Resvaneundersökning 2026', text: '38 % saknar bil.' }],
  })).body;
  const travel = (await post(`/v1/dialogues/${id}/needs`, { title: 'Resor till sjukhuset', contribution_ids: [buss.id] })).body;
  const third = (await post(`/v1/dialogues/${id}/needs`, { title: 'Trygg väg till vården', contribution_ids: [buss.id] })).body;
  assert.equal(access.facts[0].text, '38 % saknar bil.');

  // Dispositions: cited contributions are `need` automatically; the rest need a reason.
  const cited = await svc.call('GET', `/v1/contributions/${kvall.id}`, { key: 'editor' });
  assert.equal(cited.body.disposition, 'need');
  assert.deepEqual(cited.body.need_ids, [access.id]);
  const lamp = await svc.call('GET', `/v1/contributions/${lampor.id}`, { key: 'editor' });
  assert.equal(lamp.body.disposition, null);
  const noReason = await patch(`/v1/contributions/${lampor.id}`, { disposition: 'wish' }, lamp.headers.get('etag'));
  assert.deepEqual(fieldsOf(noReason), ['reason']);
  const handNeed = await patch(`/v1/contributions/${lampor.id}`, { disposition: 'need' }, lamp.headers.get('etag'));
  assert.deepEqual(fieldsOf(handNeed), ['disposition']);
  assertProblem(assert, await svc.call('PATCH', `/v1/contributions/${lampor.id}`, { key: 'editor', body: { disposition: 'wish', reason: 'x' } }), 428, 'precondition-required');
  const wish = await patch(`/v1/contributions/${lampor.id}`, { disposition: 'wish', reason: 'Gatubelysning är kommunens ansvar; vi har lämnat önskemålet till Jokkmokks kommun.' }, lamp.headers.get('etag'));
  assert.equal(wish.status, 200, wish.text);
  assert.equal(wish.body.disposition, 'wish');

  // The report must cover every need.
  await expectUnmet(id, 'reported', ['report_missing']);
  const report = { title: 'Medborgarnas behov inför regionplanen', summary: 'Tre behov.', presented_on: '2027-06-14', need_ids: [access.id, travel.id], url: 'https://www.norrbotten.se/rapport' };
  const created = await put(`/v1/dialogues/${id}/report`, report);
  assert.equal(created.status, 201, created.text);
  await expectUnmet(id, 'reported', ['report_needs_incomplete']);
  const corrected = await put(`/v1/dialogues/${id}/report`, { ...report, need_ids: [access.id, travel.id, third.id] });
  assert.equal(corrected.status, 200);
  assert.equal(corrected.body.version, 2);
  assert.equal((await transition(svc, id, 'reported')).status, 200);
  assertProblem(assert, await put(`/v1/dialogues/${id}/report`, report), 409, 'wrong-state');
  assertProblem(assert, await post(`/v1/dialogues/${id}/needs`, { title: 'Sent', contribution_ids: [buss.id] }), 409, 'wrong-state');

  // The board answers every need.
  assertProblem(assert, await transition(svc, id, 'answered'), 409, 'requirements-unmet');
  const answer = await put(`/v1/dialogues/${id}/answer`, {
    answered_on: '2027-09-02',
    responses: [
      { need_id: access.id, measures: [
        { title: 'Kvällsöppet på vårdcentralen i Jokkmokk', responsible: 'Hälso- och sjukvårdsnämnden' },
        { title: 'Helikopterplatta vid vårdcentralen', responsible: 'Regionfastigheter' },
      ] },
      { need_id: travel.id },
    ],
  });
  assert.equal(answer.status, 201, answer.text);
  await expectUnmet(id, 'answered', ['need_unanswered']);
  const answer2 = await put(`/v1/dialogues/${id}/answer`, {
    answered_on: '2027-09-02',
    responses: [
      { need_id: access.id, measures: [
        { title: 'Kvällsöppet på vårdcentralen i Jokkmokk', responsible: 'Hälso- och sjukvårdsnämnden' },
        { title: 'Helikopterplatta vid vårdcentralen', responsible: 'Regionfastigheter' },
      ] },
      { need_id: travel.id, no_measure_reason: 'Busstrafiken är Länstrafikens ansvar; frågan lämnas till dem.' },
      { need_id: third.id, no_measure_reason: 'Ingår i trafiksäkerhetsplanen 2028.' },
    ],
  });
  assert.equal(answer2.status, 200);
  const [evening, helipad] = answer2.body.responses[0].measures;
  assert.ok(evening.id && helipad.id);
  assert.equal((await transition(svc, id, 'answered')).status, 200);

  // The council decides on every measure.
  await expectUnmet(id, 'decided', ['decision_missing', 'measure_undecided']);
  const badDecision = await put(`/v1/dialogues/${id}/decision`, { decided_on: '2027-11-22', reference: 'RF § 143', adopted: [evening.id, 'nope'], rejected: [{ measure_id: evening.id, reason: 'x' }] });
  assert.deepEqual(fieldsOf(badDecision), ['adopted[1]', 'rejected[0].measure_id']);
  const partial = await put(`/v1/dialogues/${id}/decision`, { decided_on: '2027-11-22', reference: 'RF 2027-11-22 § 143', adopted: [evening.id] });
  assert.equal(partial.status, 201);
  assert.equal(partial.body.follow_up_due_on, '2028-11-22');
  await expectUnmet(id, 'decided', ['measure_undecided']);
  const decision = await put(`/v1/dialogues/${id}/decision`, {
    decided_on: '2027-11-22', reference: 'RF 2027-11-22 § 143', adopted: [evening.id],
    rejected: [{ measure_id: helipad.id, reason: 'Kostnaden står inte i proportion till nyttan; ambulansflyget landar i Gällivare.' }],
  });
  assert.equal(decision.status, 200);
  assert.equal((await transition(svc, id, 'decided')).status, 200);

  // Measures: only adopted ones are followed; done means 100.
  const rejectedUpdate = await post(`/v1/measures/${helipad.id}/updates`, { on: '2028-01-10', status: 'in_progress', progress: 10 });
  assertProblem(assert, rejectedUpdate, 409, 'measure-not-adopted');
  assert.deepEqual(fieldsOf(await post(`/v1/measures/${evening.id}/updates`, { on: '2028-01-10', status: 'done', progress: 50 })), ['progress']);
  await expectUnmet(id, 'followed_up', ['follow_up_missing', 'measure_status_missing']);
  assert.equal((await post(`/v1/measures/${evening.id}/updates`, { on: '2028-03-01', status: 'in_progress', progress: 40, note: 'Två kvällar i veckan.' })).status, 201);
  const done = await post(`/v1/measures/${evening.id}/updates`, { on: '2028-09-01', status: 'done' });
  assert.equal(done.status, 201);
  assert.equal(done.body.progress, 100);
  assert.deepEqual(done.body.history.map((h) => h.status), ['in_progress', 'done']);
  const measures = await svc.call('GET', `/v1/dialogues/${id}/measures`);
  assert.deepEqual(measures.body.items.map((m) => [m.title, m.decision, m.status]), [
    ['Kvällsöppet på vårdcentralen i Jokkmokk', 'adopted', 'done'],
    ['Helikopterplatta vid vårdcentralen', 'rejected', null],
  ]);

  // The follow-up day.
  await expectUnmet(id, 'followed_up', ['follow_up_missing']);
  assert.equal((await put(`/v1/dialogues/${id}/follow-up`, { held_on: '2028-11-20', summary: 'Kvällsöppet infört.' })).status, 201);
  assert.equal((await transition(svc, id, 'followed_up')).status, 200);
  assertProblem(assert, await put(`/v1/dialogues/${id}/decision`, { decided_on: '2027-11-22', reference: 'x' }), 409, 'wrong-state');

  // Traces: adopted and done; rejected; a need without measures; a wish.
  const trace = async (c) => {
    const byReceipt = await svc.call('GET', `/v1/receipts/${c.receipt.toLowerCase()}`);
    const byId = await svc.call('GET', `/v1/contributions/${c.id}/trace`, { key: 'editor' });
    assert.equal(byReceipt.status, 200);
    assert.deepEqual(byReceipt.body, byId.body, 'the receipt and the editor see the same chain');
    return byReceipt.body;
  };
  const t1 = await trace(kvall);
  assert.equal(t1.dialogue.title, d.title);
  assert.equal(t1.dialogue.state, 'followed_up');
  assert.deepEqual(t1.disposition, { value: 'need', reason: null });
  assert.equal(t1.needs[0].in_report, true);
  const m1 = t1.needs[0].board_answer.measures.find((m) => m.id === evening.id);
  assert.deepEqual([m1.decision, m1.status, m1.progress], ['adopted', 'done', 100]);
  assert.deepEqual(t1.decision, { decided_on: '2027-11-22', reference: 'RF 2027-11-22 § 143', follow_up_due_on: '2028-11-22' });
  assert.deepEqual(t1.follow_up, { held_on: '2028-11-20', summary: 'Kvällsöppet infört.' });
  assert.equal(t1.report.presented_on, '2027-06-14');

  const t2 = await trace(helikopter);
  const m2 = t2.needs[0].board_answer.measures.find((m) => m.id === helipad.id);
  assert.equal(m2.decision, 'rejected');
  assert.match(m2.rejection_reason, /ambulansflyget/);

  const t3 = await trace(buss);
  assert.deepEqual(t3.needs.map((n) => [n.title, n.board_answer.measures.length, n.board_answer.no_measure_reason]), [
    ['Resor till sjukhuset', 0, 'Busstrafiken är Länstrafikens ansvar; frågan lämnas till dem.'],
    ['Trygg väg till vården', 0, 'Ingår i trafiksäkerhetsplanen 2028.'],
  ]);

  const t4 = await trace(lampor);
  assert.deepEqual(t4.disposition, { value: 'wish', reason: 'Gatubelysning är kommunens ansvar; vi har lämnat önskemålet till Jokkmokks kommun.' });
  assert.deepEqual(t4.needs, []);
  assert.equal(t4.contribution.text, 'Fler gatlampor på vägen till skolan.');

  // Corrections are in the timeline, naming the document.
  const timeline = await svc.call('GET', `/v1/dialogues/${id}/timeline?limit=100`);
  const corrections = timeline.body.items.filter((e) => e.kind === 'correction').map((e) => e.document);
  assert.deepEqual(corrections, ['report', 'answer', 'decision']);
  const stages = timeline.body.items.filter((e) => e.kind === 'transition').map((e) => e.to);
  assert.deepEqual(stages, ['planned', 'preparing', 'in_dialogue', 'analysing', 'reported', 'answered', 'decided', 'followed_up']);

  // Public reads of the stage documents.
  for (const doc of ['report', 'answer', 'decision', 'follow-up']) assert.equal((await svc.call('GET', `/v1/dialogues/${id}/${doc}`)).status, 200, doc);
});

test('an unknown receipt is a 404 that reveals nothing', async () => {
  const unknown = await svc.call('GET', '/v1/receipts/ZZZZ-ZZZZ-ZZZZ');
  const malformed = await svc.call('GET', '/v1/receipts/hello');
  assertProblem(assert, unknown, 404, 'not-found');
  assertProblem(assert, malformed, 404, 'not-found');
  assert.equal(unknown.body.detail, malformed.body.detail);
});

test('stage documents in the wrong state and missing documents', async () => {
  const d = await createDialogue(svc, completePlan());
  assertProblem(assert, await put(`/v1/dialogues/${d.id}/report`, { title: 'För tidigt', presented_on: '2027-01-01' }), 409, 'wrong-state');
  assertProblem(assert, await svc.call('GET', `/v1/dialogues/${d.id}/report`), 404, 'not-found');
  const bad = await put(`/v1/dialogues/${d.id}/report`, { presented_on: '2027-13-01', need_ids: ['x'], url: 'ftp://x' });
  assert.deepEqual(fieldsOf(bad), ['need_ids[0]', 'presented_on', 'title', 'url']);
});
