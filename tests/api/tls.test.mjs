// Optional TLS (--tls-cert, --tls-key) for installations without a proxy: HTTPS only on the port,
// Strict-Transport-Security on every answer, and a half or broken configuration refuses to start.
// The certificate is a throw-away self-signed one made with Debian's openssl CLI at test time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import https from 'node:https';
import http from 'node:http';
import net from 'node:net';
import { BIN, startService, createDialogue, transition, completePlan } from './harness.mjs';

const dir = mkdtempSync(join(tmpdir(), 'dialogd-tls-'));
const cert = join(dir, 'cert.pem');
const key = join(dir, 'key.pem');
let svc, id, ca;

before(async () => {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert,
    '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { stdio: 'pipe' });
  ca = readFileSync(cert);
  svc = await startService();
  id = (await createDialogue(svc, completePlan())).id;
  for (const to of ['planned', 'preparing', 'in_dialogue']) await transition(svc, id, to);
});
after(async () => { await svc.close(); rmSync(dir, { recursive: true, force: true }); });

// One request over HTTPS, trusting only the throw-away certificate.
function httpsCall(method, path, { key: apiKey, body } = {}) {
  return new Promise((resolve, reject) => {
    const headers = {};
    if (apiKey) headers.authorization = `Bearer ${svc.keys[apiKey]}`;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload) headers['content-type'] = 'application/json';
    const req = https.request({ host: '127.0.0.1', port: svc.server.port, method, path, headers, ca }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

test('without TLS no Strict-Transport-Security is sent (a proxy in front sends its own)', async () => {
  const res = await svc.call('GET', '/health');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('strict-transport-security'), null);
});

test('with --tls-cert and --tls-key: HTTPS answers with HSTS, writes work, plain HTTP gets no answer', async () => {
  await svc.restart({ args: ['--tls-cert', cert, '--tls-key', key, '--read-timeout-ms', '1000'] });
  const health = await httpsCall('GET', '/health');
  assert.equal(health.status, 200);
  assert.equal(health.headers['strict-transport-security'], 'max-age=31536000');
  assert.equal(JSON.parse(health.text).status, 'ok');

  const written = await httpsCall('POST', `/v1/dialogues/${id}/contributions`, { key: 'portal', body: { text: 'Över TLS.', channel: 'web' } });
  assert.equal(written.status, 201, written.text);
  assert.equal(written.headers['strict-transport-security'], 'max-age=31536000');
  const problem = await httpsCall('POST', `/v1/dialogues/${id}/contributions`, { key: 'portal', body: { text: '', channel: 'web' } });
  assert.equal(problem.status, 422);
  assert.equal(problem.headers['strict-transport-security'], 'max-age=31536000', 'errors carry it too');

  // Plain HTTP to the TLS port: the handshake fails and the connection is closed, no HTTP answer.
  await assert.rejects(new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: svc.server.port, path: '/health', timeout: 5000 }, resolve);
    req.on('timeout', () => req.destroy(new Error('no answer')));
    req.on('error', reject);
  }));

  // A client that connects and never finishes the handshake is cut off at the read deadline.
  const started = Date.now();
  await new Promise((resolve, reject) => {
    const socket = net.connect(svc.server.port, '127.0.0.1');
    socket.setTimeout(10000, () => reject(new Error('the silent connection was not closed')));
    socket.on('error', () => {});
    socket.on('close', resolve);
    socket.resume();
  });
  assert.ok(Date.now() - started >= 900, 'closed at the deadline, not at once');
  await svc.restart();
});

test('a connection still in its handshake counts against the connection caps', async () => {
  await svc.restart({ args: ['--tls-cert', cert, '--tls-key', key, '--read-timeout-ms', '1500', '--max-connections', '1'] });
  try {
    const silent = net.connect(svc.server.port, '127.0.0.1');
    silent.on('error', () => {});
    const closed = new Promise((resolve) => silent.on('close', resolve));
    await new Promise((resolve) => silent.on('connect', resolve));
    await new Promise((r) => setTimeout(r, 100));
    await assert.rejects(httpsCall('GET', '/health'), 'over the cap: closed before the handshake');
    await closed;  // cut at the read deadline, which frees its place
    assert.equal((await httpsCall('GET', '/health')).status, 200);
  } finally {
    await svc.restart();
  }
});

function serveFails(args) {
  const r = spawnSync(BIN, ['serve', '--port', '0', '--db', svc.db.url, ...args], { encoding: 'utf8', timeout: 20000 });
  assert.notEqual(r.status, 0, `expected a failed start: ${r.stderr}`);
  assert.equal(r.signal, null, 'no crash');
  return r.stderr;
}

test('half a TLS configuration, or a bad key or certificate, refuses to start and names the flag', () => {
  assert.match(serveFails(['--tls-cert', cert]), /--tls-key/);
  assert.match(serveFails(['--tls-key', key]), /--tls-cert/);
  const bogus = join(dir, 'bogus.pem');
  writeFileSync(bogus, '-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n');
  assert.match(serveFails(['--tls-cert', cert, '--tls-key', bogus]), /--tls-key .*bogus\.pem/);
  assert.match(serveFails(['--tls-cert', cert, '--tls-key', join(dir, 'missing.pem')]), /cannot read --tls-key/);
  assert.match(serveFails(['--tls-cert', key, '--tls-key', key]), /--tls-cert .*not a PEM certificate/);
  const other = join(dir, 'other.pem');
  execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-out', other], { stdio: 'pipe' });
  assert.match(serveFails(['--tls-cert', cert, '--tls-key', other]), /--tls-key .*other\.pem.*mismatch/);
});
