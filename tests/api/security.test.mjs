// Security: headers on every answer, webhook targets that could reach inside the network (SSRF),
// and function-level authorisation walked over every operation of the contract with every role.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startService, createKey, assertProblem, fieldsOf } from './harness.mjs';
import { spec } from './contract.mjs';

let svc, strict, operator;
before(async () => {
  svc = await startService();
  strict = await startService({ strictWebhooks: true });
  operator = createKey(svc.db.url, 'operator', 'Drift');
});
after(async () => { await svc.close(); await strict.close(); });

test('every answer carries nosniff, no-referrer and a content security policy', async () => {
  for (const [path, key] of [['/health'], ['/v1/dialogues'], ['/v1/dialogues/nope'], ['/nowhere'], ['/v1/contacts', 'portal']]) {
    const res = await svc.call('GET', path, { key, contract: false });
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer', path);
    assert.ok(res.headers.get('content-security-policy'), path);
  }
  const json = await svc.call('GET', '/v1/dialogues');
  assert.match(json.headers.get('content-security-policy'), /default-src 'none'/);
});

test('a webhook that names or resolves to this machine or a private network is refused', async () => {
  for (const url of ['http://127.0.0.1:8080/hook', 'http://localhost/hook', 'http://10.1.2.3/hook', 'http://192.168.0.10/h',
    'http://172.16.5.4/h', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/h', 'http://[fd00::1]/h',
    'http://[::ffff:127.0.0.1]/h', 'http://0.0.0.0/h', 'http://100.64.0.1/h', 'https://user@evil.example/h']) {
    const res = await strict.call('POST', '/v1/webhooks', { key: 'portal', body: { url, events: ['*'], secret: '0123456789abcdef01' } });
    assertProblem(assert, res, 422, 'validation-failed');
    assert.deepEqual(fieldsOf(res), ['url'], url);
  }
  const none = await strict.call('GET', '/v1/webhooks', { key: 'portal' });
  assert.deepEqual(none.body.items, [], 'nothing was registered');
  const publicAddress = await strict.call('POST', '/v1/webhooks', { key: 'portal', body: { url: 'https://93.184.216.34/hooks/dialogd', events: ['*'], secret: '0123456789abcdef01' } });
  assert.equal(publicAddress.status, 201, publicAddress.text);
});

// For every operation with x-roles: without a key 401; with a key of a role it does not list 403
// (an operator key 422: it names no organisation); with a listed role never 401 or 403.
test('every operation answers each role as its x-roles say', async () => {
  const widget = createKey(svc.db.url, 'widget', 'Webbplats', undefined, ['https://www.example.se']);
  const keys = { ...svc.keys, operator, widget };
  let checked = 0;
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = item[method];
      if (!op || !op['x-roles']) continue;
      const path = template.replace('{id}', 'nope').replace('{code}', 'NOPE-NOPE-NOPE').replace('{year}', '2027');
      const body = op.requestBody ? {} : undefined;
      const anonymous = await svc.call(method.toUpperCase(), path, { body });
      assert.equal(anonymous.status, 401, `${method} ${template} without a key`);
      for (const [role, key] of Object.entries(keys)) {
        const res = await svc.call(method.toUpperCase(), path, { key, body });
        checked++;
        const where = `${method.toUpperCase()} ${template} as ${role}: ${res.status}`;
        if (op['x-roles'].includes(role)) assert.ok(![401, 403].includes(res.status), where);
        else if (role === 'operator') assert.equal(res.status, 422, where);
        else assert.equal(res.status, 403, where);
      }
    }
  }
  assert.ok(checked > 100, `checked ${checked}`);
});
