// openapi/openapi.yaml is the single truth of the HTTP surface: the router and the spec must agree,
// and the validator that checks every API test's answers must catch a drifting answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, startService } from './harness.mjs';
import { spec, validateResponse, ContractError } from './contract.mjs';

let svc;
before(async () => { svc = await startService(); });
after(async () => { await svc.close(); });

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

test('every routed operation is in the spec, and every spec operation is routed', () => {
  const routed = runCli(['routes']).trim().split('\n').map((l) => l.trim()).sort();
  const specified = Object.entries(spec.paths)
    .flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
  assert.deepEqual(routed, specified);
});

test('every operation declares its roles, tag, id and at least one error', () => {
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const m of METHODS.filter((x) => item[x])) {
      const op = item[m];
      assert.ok(op.operationId && op.tags?.length && op.summary, `${m} ${path}`);
      assert.ok(Object.keys(op.responses).some((s) => s.startsWith('4')), `${m} ${path} has a 4xx`);
      const open = (op.security || spec.security).some((s) => Object.keys(s).length === 0);
      if (!open) assert.ok(Array.isArray(op['x-roles']) && op['x-roles'].length, `${m} ${path} names its roles`);
    }
  }
});

test('the validator rejects an answer that drifts from the spec', () => {
  const headers = new Headers({ 'content-type': 'application/json' });
  const good = { status: 'ok', store: 'sqlite' };
  validateResponse('GET', '/health', { status: 200, headers, body: good, text: JSON.stringify(good) });
  const drifted = { status: 'ok', store: 'mongodb', uptime: 3 };
  assert.throws(() => validateResponse('GET', '/health', { status: 200, headers, body: drifted, text: JSON.stringify(drifted) }), ContractError);
  const wrongDialogue = { id: 'x', title: 'T', state: 'dreaming', version: 1 };
  assert.throws(() => validateResponse('GET', '/v1/dialogues/x', { status: 200, headers, body: wrongDialogue, text: '{}' }), ContractError);
  assert.throws(() => validateResponse('GET', '/health', { status: 418, headers, body: {}, text: '{}' }), ContractError, 'unknown status');
  assert.throws(() => validateResponse('GET', '/v1/unspecified', { status: 200, headers, body: {}, text: '{}' }), ContractError, 'unknown path');
  const problem = new Headers({ 'content-type': 'application/problem+json' });
  assert.throws(() => validateResponse('POST', '/v1/dialogues', { status: 422, headers: problem, body: { type: 'x', title: 't', status: 422, detail: 'd' }, text: '{}' }), ContractError, '422 without errors');
});

test('the service serves its own contract as YAML and JSON', async () => {
  const yaml = await svc.call('GET', '/openapi.yaml');
  assert.equal(yaml.status, 200);
  assert.match(yaml.headers.get('content-type'), /yaml/);
  assert.match(yaml.text, /^openapi: 3\.1\.0/);
  const json = await svc.call('GET', '/openapi.json');
  assert.equal(json.status, 200);
  assert.deepEqual(json.body, spec, 'the JSON is the YAML, converted');
});

test('the landing page links the docs, the health check and the README', async () => {
  const res = await svc.call('GET', '/');
  assert.equal(res.status, 200);
  for (const href of ['/docs', '/health', '/openapi.yaml', '/readme']) assert.ok(res.text.includes(`href="${href}"`), href);
  const readme = await svc.call('GET', '/readme');
  assert.equal(readme.status, 200);
  assert.match(readme.text, /^# dialogd/);
});
