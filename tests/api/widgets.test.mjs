// The widgets' HTTP surface on both stores, every answer checked against the contract: the script
// and pages, CORS, and the widget key (made by the CLI, limited to its origins, rate-limited).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { startService, runCli, assertProblem, completePlan, createDialogue, transition, BIN } from './harness.mjs';

let svc, dialogue, widgetKey;
const SITE = 'https://www.region.se';

const cliFails = (args) => {
  try {
    execFileSync(BIN, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    return e.stderr;
  }
  throw new Error(`dialogd ${args.join(' ')} should have failed`);
};

before(async () => {
  svc = await startService({ args: ['--widget-write-limit', '3'] });
  dialogue = await createDialogue(svc, completePlan());
  for (const to of ['planned', 'preparing', 'in_dialogue']) assert.equal((await transition(svc, dialogue.id, to)).status, 200);
  const out = runCli(['keys', 'create', '--role', 'widget', '--origin', 'https://WWW.region.se/', '--origin', 'http://localhost:8081', '--name', 'Kommunens webbplats', '--db', svc.db.url]).trim().split('\n');
  widgetKey = out[out.length - 1];
});
after(async () => { await svc.close(); });

test('keys create --role widget needs valid origins; keys list shows them', () => {
  assert.match(cliFails(['keys', 'create', '--role', 'widget', '--db', svc.db.url]), /needs at least one --origin/);
  assert.match(cliFails(['keys', 'create', '--role', 'widget', '--origin', 'www.region.se', '--db', svc.db.url]), /is not an origin/);
  assert.match(cliFails(['keys', 'create', '--role', 'widget', '--origin', 'https://region.se/page', '--db', svc.db.url]), /is not an origin/);
  assert.match(cliFails(['keys', 'create', '--role', 'portal', '--origin', SITE, '--db', svc.db.url]), /only for widget keys/);
  const line = runCli(['keys', 'list', '--db', svc.db.url]).split('\n').find((l) => l.includes('Kommunens webbplats'));
  assert.deepEqual(line.split('\t').slice(1, 4), ['widget', 'default', 'Kommunens webbplats']);
  assert.deepEqual(line.split('\t').slice(6), ['http://localhost:8081', SITE], 'origins in canonical form');
});

test('the script: immutable, strong ETag, 304 on If-None-Match, readable from any origin', async () => {
  const res = await svc.call('GET', '/widgets/v1/dialogd.js', { headers: { origin: 'https://anywhere.example' } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/javascript/);
  assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  assert.match(res.text, /customElements\.define/);
  const etag = res.headers.get('etag');
  assert.match(etag, /^"[0-9a-f]{32}(-gzip)?"$/);
  const same = await svc.call('GET', '/widgets/v1/dialogd.js', { headers: { 'if-none-match': `"x", W/${etag}` } });
  assert.equal(same.status, 304);
  assert.equal(same.text, '');
  assert.equal(same.headers.get('etag'), etag);
});

// node:http, not fetch: fetch asks for gzip itself and hides the encoding.
function rawGet(path, headers) {
  return new Promise((resolve, reject) => {
    http.get(svc.base + path, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('the script is gzipped for clients that accept it, the same bytes once unzipped', async () => {
  const plain = await rawGet('/widgets/v1/dialogd.js', {});
  assert.equal(plain.status, 200);
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.headers.vary, 'Accept-Encoding');
  for (const accept of ['gzip', 'br, gzip;q=0.8', 'GZIP', '*']) {
    const zipped = await rawGet('/widgets/v1/dialogd.js', { 'accept-encoding': accept });
    assert.equal(zipped.headers['content-encoding'], 'gzip', accept);
    assert.equal(zipped.headers.vary, 'Accept-Encoding');
    assert.ok(zipped.body.length < plain.body.length / 2, `${zipped.body.length} of ${plain.body.length} bytes`);
    assert.ok(gunzipSync(zipped.body).equals(plain.body), 'unzipped it is the script');
    assert.notEqual(zipped.headers.etag, plain.headers.etag, 'each representation has its own strong ETag');
  }
  for (const accept of ['gzip;q=0', 'identity', 'br', 'gzip;q=0, *']) {
    const refused = await rawGet('/widgets/v1/dialogd.js', { 'accept-encoding': accept });
    assert.equal(refused.headers['content-encoding'], undefined, accept);
    assert.ok(refused.body.equals(plain.body));
  }
  const zipped = await rawGet('/widgets/v1/dialogd.js', { 'accept-encoding': 'gzip' });
  const again = await rawGet('/widgets/v1/dialogd.js', { 'accept-encoding': 'gzip', 'if-none-match': zipped.headers.etag });
  assert.equal(again.status, 304);
  const other = await rawGet('/widgets/v1/dialogd.js', { 'if-none-match': zipped.headers.etag });
  assert.equal(other.status, 200, 'the gzip ETag does not validate the plain representation');
});

test('the gallery and the embed pages: strict CSP, no inline script, unknown widgets 404', async () => {
  const gallery = await svc.call('GET', '/widgets');
  assert.equal(gallery.status, 200);
  const csp = gallery.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.match(gallery.text, /<script type="module" src="\/widgets\/gallery\.js"><\/script>/);
  assert.doesNotMatch(gallery.text, /<script>|<script(?![^>]*src=)[^>]*>/, 'no inline script');
  assert.equal((await svc.call('GET', '/widgets/gallery.js')).status, 200);
  assert.equal((await svc.call('GET', '/widgets/page.css')).status, 200);
  assert.ok((await svc.call('GET', '/')).text.includes('href="/widgets"'), 'the landing page links the gallery');
  for (const w of ['status', 'ladder', 'contribute', 'receipt', 'feedback', 'representation']) {
    const page = await svc.call('GET', `/embed/${w}/${dialogue.id}`);
    assert.equal(page.status, 200);
    assert.match(page.text, new RegExp(`<dialogd-${w}[ >]`));
    assert.match(page.text, /<html lang="sv">/);
    assert.match(page.headers.get('content-security-policy'), /frame-ancestors \*/);
  }
  const en = await svc.call('GET', `/embed/contribute/${dialogue.id}?lang=en&key=${widgetKey}`);
  assert.match(en.text, /<html lang="en">/);
  assert.match(en.text, new RegExp(`key="${widgetKey}"`));
  const hostile = await svc.call('GET', `/embed/status/${encodeURIComponent('"><script>alert(1)</script>')}`);
  assert.doesNotMatch(hostile.text, /<script>alert/, 'the id is escaped');
  assertProblem(assert, await svc.call('GET', `/embed/weather/${dialogue.id}`), 404, 'not-found');
});

test('CORS: public reads answer *, the preflight is answered, other keys get no CORS headers', async () => {
  const read = await svc.call('GET', `/v1/dialogues/${dialogue.id}/representation`, { headers: { origin: 'https://anywhere.example' } });
  assert.equal(read.headers.get('access-control-allow-origin'), '*');
  assert.match(read.headers.get('access-control-expose-headers'), /ETag/);
  const pre = await svc.call('OPTIONS', `/v1/dialogues/${dialogue.id}/contributions`, {
    contract: false,
    headers: { origin: SITE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key, accept-language' },
  });
  assert.equal(pre.status, 204);
  assert.equal(pre.headers.get('access-control-allow-origin'), SITE);
  assert.equal(pre.headers.get('access-control-allow-methods'), 'GET, POST');
  assert.equal(pre.headers.get('access-control-allow-headers'), 'Authorization, Content-Type, Idempotency-Key, Accept-Language');
  // OPTIONS without a preflight's headers is still a 405, and an unknown path a 404.
  assert.equal((await svc.call('OPTIONS', `/v1/dialogues/${dialogue.id}/contributions`, { contract: false })).status, 405);
  assert.equal((await svc.call('OPTIONS', '/v1/nothing', { contract: false, headers: { origin: SITE, 'access-control-request-method': 'GET' } })).status, 404);
  for (const key of ['editor', 'portal']) {
    const res = await svc.call('GET', `/v1/dialogues/${dialogue.id}`, { key, headers: { origin: SITE } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), null, key);
  }
});

test('a widget key sends contributions from its origins only; everything else is forbidden', async () => {
  const body = { text: 'Kvällsöppet på vårdcentralen.', channel: 'web', language: 'sv' };
  const send = (origin, extra = {}) => svc.call('POST', `/v1/dialogues/${dialogue.id}/contributions`, { key: widgetKey, body, headers: origin ? { origin, ...extra } : extra });
  const foreign = await send('https://evil.example');
  assertProblem(assert, foreign, 403, 'forbidden');
  assert.equal(foreign.headers.get('access-control-allow-origin'), null);
  assertProblem(assert, await send('null'), 403, 'forbidden');
  const ok = await send('https://www.region.se:443', { 'idempotency-key': 'form-1' });
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.headers.get('access-control-allow-origin'), SITE);
  assert.match(ok.headers.get('access-control-expose-headers'), /Location/);
  const again = await send(SITE, { 'idempotency-key': 'form-1' });
  assert.equal(again.status, 201);
  assert.equal(again.body.receipt, ok.body.receipt, 'a retry with the same key replays the receipt');
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  const read = await svc.call('GET', `/v1/receipts/${ok.body.receipt}`, { key: widgetKey, headers: { origin: SITE } });
  assert.equal(read.status, 200);
  assert.equal(read.headers.get('access-control-allow-origin'), SITE);
  for (const [method, path, b] of [
    ['GET', `/v1/dialogues/${dialogue.id}/contributions`],
    ['PATCH', `/v1/dialogues/${dialogue.id}`, { title: 'x' }],
    ['POST', '/v1/dialogues', completePlan()],
    ['POST', '/v1/webhooks', { url: 'https://hooks.example/x', events: ['feedback.report'], secret: 'abcdefghijklmnop' }],
    ['POST', `/v1/dialogues/${dialogue.id}/transitions`, { to: 'analysing' }],
  ]) assertProblem(assert, await svc.call(method, path, { key: widgetKey, body: b, headers: { origin: SITE, 'if-match': '"1"' } }), 403, 'forbidden');
  // Dialogues not in_dialogue take no contributions, whoever sends them.
  const draft = await createDialogue(svc, completePlan());
  assertProblem(assert, await svc.call('POST', `/v1/dialogues/${draft.id}/contributions`, { key: widgetKey, body, headers: { origin: SITE } }), 409, 'dialogue-not-open');
});

test('contributions with a widget key are rate-limited per client address', async () => {
  // The limit is 3 a minute for this service; earlier tests used some of it.
  let res;
  for (let i = 0; i < 5; i++) {
    res = await svc.call('POST', `/v1/dialogues/${dialogue.id}/contributions`, { key: widgetKey, body: { text: `nr ${i}`, channel: 'web' }, headers: { origin: SITE } });
    if (res.status === 429) break;
  }
  assertProblem(assert, res, 429, 'rate-limited');
  assert.ok(Number(res.headers.get('retry-after')) >= 1);
  assert.equal(res.headers.get('access-control-allow-origin'), SITE, 'the page can read why');
  const portal = await svc.call('POST', `/v1/dialogues/${dialogue.id}/contributions`, { key: 'portal', body: { text: 'från portalen', channel: 'web' } });
  assert.equal(portal.status, 201, 'other keys are not limited');
});
