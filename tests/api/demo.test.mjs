// dialogd demo load: the example dialogues made through the use cases (no HTTP), then read back
// through the API; every answer is checked against the contract by the harness.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { BIN, startService } from './harness.mjs';

let svc;
before(async () => { svc = await startService(); });
after(async () => { await svc.close(); });

test('demo load fills an empty store with a whole dialogue and one in each earlier state', async () => {
  const r = spawnSync(BIN, ['demo', 'load', '--db', svc.db.url], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const rows = r.stdout.trim().split('\n').map((l) => l.split('\t'));
  assert.deepEqual(rows.map((row) => row[1]),
    ['followed_up', 'draft', 'planned', 'preparing', 'in_dialogue', 'analysing', 'reported', 'answered', 'decided']);
  const [id, , title, receiptColumn] = rows[0];
  assert.equal(title, 'Framtidens hälso- och sjukvård i Norrbotten');
  const receipt = receiptColumn.replace('receipt ', '');

  const listed = await svc.call('GET', '/v1/dialogues?limit=100');
  assert.equal(listed.body.items.length, 9);

  const trace = await svc.call('GET', `/v1/receipts/${receipt}`);
  assert.equal(trace.status, 200);
  assert.equal(trace.body.dialogue.state, 'followed_up');
  assert.ok(trace.body.needs.length > 0);
  assert.ok(trace.body.needs[0].board_answer.measures.length > 0);
  assert.equal(trace.body.decision.reference, 'RF 2025-11-20 § 143');
  assert.ok(trace.body.follow_up.summary.length > 0);

  const coverage = await svc.call('GET', `/v1/dialogues/${id}/feedback`, { key: 'editor' });
  assert.equal(coverage.status, 200);
  assert.equal(coverage.body.contributions.traced, coverage.body.contributions.total);
  assert.ok(coverage.body.participants_opted_in > 0);
  assert.deepEqual(coverage.body.moments.map((m) => m.moment), ['report', 'decision', 'follow_up']);
  assert.ok(coverage.body.moments.every((m) => m.owed > 0));

  const representation = await svc.call('GET', `/v1/dialogues/${id}/representation`);
  assert.equal(representation.body.groups.length, 3);
  assert.ok(representation.body.total_participants > 100);
  const checkpoints = await svc.call('GET', `/v1/dialogues/${id}/checkpoints`);
  assert.deepEqual(checkpoints.body.items[0].representation.under, ['unga']);

  const activities = await svc.call('GET', `/v1/dialogues/${id}/activities`);
  assert.ok(activities.body.items.length >= 4);
  assert.ok(activities.body.items.every((a) => !('internal' in a.documentation)), 'internal notes stay internal');
  const publicFeedback = await svc.call('GET', `/v1/dialogues/${id}/feedback/public`);
  assert.equal(publicFeedback.body.items.length, 3);

  const open = rows.find((row) => row[1] === 'in_dialogue');
  const contributed = await svc.call('POST', `/v1/dialogues/${open[0]}/contributions`,
    { key: 'portal', body: { text: 'Tätare bussar till Gällivare, tack.', channel: 'web' } });
  assert.equal(contributed.status, 201);
});

test('no handler reaches the store: the rules are in the use cases and the domain', () => {
  const dir = new URL('../../service/http/handlers/', import.meta.url);
  for (const file of readdirSync(dir)) {
    const text = readFileSync(new URL(file, dir), 'utf8');
    assert.doesNotMatch(text, /#include "store\//, file);
    assert.doesNotMatch(text, /\bstore::|soci::/, file);
  }
  const domain = new URL('../../service/domain/', import.meta.url);
  for (const file of readdirSync(domain)) {
    const text = readFileSync(new URL(file, domain), 'utf8');
    assert.doesNotMatch(text, /#include [<"](boost|soci|sqlite3|libpq)/, file);
  }
});
