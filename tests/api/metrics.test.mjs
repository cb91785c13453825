// GET /metrics in Prometheus's text format, scraped with an operator key and parsed by
// prometheus_client's maintained parser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startService, createKey, createDialogue, assertProblem } from './harness.mjs';

let svc, operator;
before(async () => { svc = await startService(); operator = createKey(svc.db.url, 'operator', 'Prometheus'); });
after(async () => { await svc.close(); });

test('metrics count requests per route template and status, with latency, cache and outbox figures', async () => {
  const d = await createDialogue(svc);
  for (let i = 0; i < 3; i++) await svc.call('GET', `/v1/dialogues/${d.id}`);
  await svc.call('GET', '/v1/dialogues/nope');
  assertProblem(assert, await svc.call('GET', '/metrics', { key: 'admin' }), 403, 'forbidden');
  const res = await svc.call('GET', '/metrics', { key: operator });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/plain; version=0\.0\.4/);
  const parsed = JSON.parse(execFileSync('/usr/bin/python3', [fileURLToPath(new URL('metrics_check.py', import.meta.url))], { input: res.text }));
  const requests = parsed.dialogd_http_requests.samples.filter((s) => s.name === 'dialogd_http_requests_total');
  const byRoute = (route, status) => requests.find((s) => s.labels.route === route && s.labels.status === String(status))?.value;
  assert.equal(byRoute('/v1/dialogues/{id}', 200), 3);
  assert.equal(byRoute('/v1/dialogues/{id}', 404), 1);
  assert.equal(byRoute('/v1/dialogues', 201), 1);
  assert.equal(parsed.dialogd_http_request_duration_seconds.type, 'histogram');
  const inf = parsed.dialogd_http_request_duration_seconds.samples.find((s) => s.name.endsWith('_bucket') && s.labels.route === '/v1/dialogues/{id}' && s.labels.status === '200' && s.labels.le === '+Inf');
  assert.equal(inf.value, 3);
  assert.ok(parsed.dialogd_public_cache_hits.samples[0].value >= 1, 'the second and third read came from memory');
  assert.ok('dialogd_outbox_oldest_pending_seconds' in parsed);
  assert.ok('dialogd_db_pool_waits' in parsed);
  assert.ok('dialogd_http_in_flight' in parsed);
});
