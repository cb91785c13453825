// The HTTP behaviour every route shares: health, errors, limits, auth, request ids, keep-alive.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startService, assertProblem, STORE } from './harness.mjs';

let svc;
before(async () => { svc = await startService(); });
after(async () => { await svc.close(); });

function rawExchange(port, payload, expectedResponses, timeoutMs = 5000) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    const timer = setTimeout(() => { socket.destroy(); resolve(data); }, timeoutMs);
    socket.on('data', (chunk) => {
      data += chunk.toString('utf8');
      if ((data.match(/HTTP\/1\.1 /g) || []).length >= expectedResponses && /\r\n\r\n[\s\S]*$/.test(data)) {
        // wait a moment for the last body to arrive
        setTimeout(() => { clearTimeout(timer); socket.destroy(); resolve(data); }, 150);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => { clearTimeout(timer); resolve(data); });
    socket.write(payload);
  });
}

test('GET /health reports the store', async () => {
  const res = await svc.call('GET', '/health');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { status: 'ok', store: STORE });
});

test('unknown route is 404 problem+json', async () => {
  const res = await svc.call('GET', '/v1/nothing-here');
  assertProblem(assert, res, 404, 'not-found');
});

test('wrong method is 405 with Allow', async () => {
  const res = await svc.call('PUT', '/v1/dialogues');
  assertProblem(assert, res, 405, 'method-not-allowed');
  const allow = res.headers.get('allow');
  assert.match(allow, /GET/);
  assert.match(allow, /POST/);
});

test('malformed JSON is 400, a non-JSON body 415, a non-object 400', async () => {
  assertProblem(assert, await svc.call('POST', '/v1/dialogues', { key: 'editor', raw: '{"title": ', headers: { 'content-type': 'application/json' } }), 400, 'malformed-json');
  assertProblem(assert, await svc.call('POST', '/v1/dialogues', { key: 'editor', raw: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported-media-type');
  assertProblem(assert, await svc.call('POST', '/v1/dialogues', { key: 'editor', raw: '[1,2]', headers: { 'content-type': 'application/json' } }), 400, 'malformed-json');
});

test('a body over the limit is 413 and changes nothing', async () => {
  const before = await svc.call('GET', '/v1/dialogues?limit=100');
  const big = JSON.stringify({ title: 'x'.repeat(1024 * 1024 + 10) });
  const res = await svc.call('POST', '/v1/dialogues', { key: 'editor', raw: big, headers: { 'content-type': 'application/json' } });
  assertProblem(assert, res, 413, 'payload-too-large');
  const afterList = await svc.call('GET', '/v1/dialogues?limit=100');
  assert.equal(afterList.body.items.length, before.body.items.length);
});

test('oversized headers are 431', async () => {
  const data = await rawExchange(svc.server.port,
    `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20000)}\r\n\r\n`, 1);
  assert.match(data, /^HTTP\/1\.1 431 /);
  assert.match(data, /headers-too-large/);
});

test('X-Request-Id is echoed, or made when absent', async () => {
  const mine = await svc.call('GET', '/health', { headers: { 'x-request-id': 'portal-abc-123' } });
  assert.equal(mine.headers.get('x-request-id'), 'portal-abc-123');
  const made = await svc.call('GET', '/health');
  assert.match(made.headers.get('x-request-id'), /^[0-9a-f]{24}$/);
});

test('pipelined requests are answered in order on one connection', async () => {
  const req = (path, id) => `GET ${path} HTTP/1.1\r\nHost: x\r\nX-Request-Id: ${id}\r\n\r\n`;
  const data = await rawExchange(svc.server.port,
    req('/health', 'one') + req('/v1/ladder', 'two') + req('/nowhere', 'three'), 3);
  const ids = [...data.matchAll(/X-Request-Id: (\w+)/gi)].map((m) => m[1]);
  assert.deepEqual(ids, ['one', 'two', 'three']);
  const statuses = [...data.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => m[1]);
  assert.deepEqual(statuses, ['200', '200', '404']);
});

test('no Server header names the library', async () => {
  const res = await svc.call('GET', '/health');
  assert.equal(res.headers.get('server'), null);
});

test('writes need an editor key: none 401, unknown 401, portal 403', async () => {
  const body = { title: 'Test' };
  const none = await svc.call('POST', '/v1/dialogues', { body });
  assertProblem(assert, none, 401, 'unauthorized');
  assert.match(none.headers.get('www-authenticate'), /^Bearer/);
  assertProblem(assert, await svc.call('POST', '/v1/dialogues', { key: 'dlg_not_a_real_key', body }), 401, 'unauthorized');
  assertProblem(assert, await svc.call('POST', '/v1/dialogues', { key: 'portal', body }), 403, 'forbidden');
  assert.equal((await svc.call('POST', '/v1/dialogues', { key: 'admin', body })).status, 201);
});

test('a presented key must be valid even on a public route', async () => {
  assertProblem(assert, await svc.call('GET', '/v1/dialogues', { key: 'dlg_bogus' }), 401, 'unauthorized');
  assertProblem(assert, await svc.call('GET', '/v1/ladder', { key: 'dlg_bogus' }), 401, 'unauthorized');
  assertProblem(assert, await svc.call('GET', '/health', { headers: { authorization: 'Basic abc' } }), 401, 'unauthorized');
  assert.equal((await svc.call('GET', '/v1/dialogues', { key: 'portal' })).status, 200);
});

test('the access log has one line per request and no personal data', async () => {
  await svc.call('GET', '/health', { headers: { 'x-request-id': 'log-check-1' } });
  await new Promise((r) => setTimeout(r, 100));
  const line = svc.server.lines.find((l) => l.request_id === 'log-check-1');
  assert.ok(line, 'access log line present');
  assert.equal(line.method, 'GET');
  assert.equal(line.route, '/health');
  assert.equal(line.status, 200);
  assert.equal(typeof line.ms, 'number');
  assert.ok(!svc.server.log().includes(svc.keys.editor), 'keys never logged');
});

test('idle connections are closed after the read deadline', async () => {
  const { spawnServer } = await import('./harness.mjs');
  const quick = await spawnServer(svc.db.url, { args: ['--read-timeout-ms', '300'] });
  try {
    const closed = await new Promise((resolve) => {
      const socket = net.connect(quick.port, '127.0.0.1');
      const started = Date.now();
      socket.on('close', () => resolve(Date.now() - started));
      socket.on('error', () => {});
    });
    assert.ok(closed < 3000, `closed after ${closed} ms`);
  } finally {
    quick.child.kill('SIGTERM');
  }
});
