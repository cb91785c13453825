// The widgets in a real browser (Debian's Chromium via playwright-core), embedded the way a
// webmaster embeds them: a host page served by this test from ANOTHER origin, with a strict
// Content-Security-Policy (no inline script, no eval), loads /widgets/v1/dialogd.js from dialogd.
// Every widget renders against a live dialogd; the contribution and receipt flows are done with the
// keyboard alone; axe-core (WCAG 2.0/2.1 A and AA) finds no violation on any widget or page; a
// widget key used from a foreign origin is refused; the script stays within its size budget.
// Screenshots go to tests/browser/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startService, runCli, completePlan, createDialogue, transition } from '../api/harness.mjs';

// The budget for /widgets/v1/dialogd.js, gzipped (docs/widgets.md states it).
const BUDGET_GZIP_BYTES = 14 * 1024;
const WIDGETS = ['status', 'ladder', 'contribute', 'receipt', 'feedback', 'representation'];
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const here = dirname(fileURLToPath(import.meta.url));
const SHOTS = join(here, 'screenshots');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// Under ASan, on a shared machine, every answer is slower: be generous.
const WAIT = { timeout: 60000 };

let svc, browser, host, foreign, dialogue, widgetKey;

// A tiny web server on its own port: a different origin from dialogd's.
function hostServer() {
  return new Promise((resolve) => {
    const server = createServer((req, res) => serve(req, res, hostPage(widgetKey)));
    server.listen(0, '127.0.0.1', () => {
      server.origin = `http://localhost:${server.address().port}`;
      resolve(server);
    });
  });
}

const hostPage = (key) => (url) => `<!doctype html>
<html lang="${url.searchParams.get('lang') || 'sv'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Region Norrbotten: Framtidens vård</title>
<script type="module" src="${svc.base}/widgets/v1/dialogd.js"></script></head>
<body><main><h1>Framtidens hälso- och sjukvård</h1>
${WIDGETS.map((w) => `<dialogd-${w}${w === 'receipt' ? '' : ` dialogue="${dialogue.id}"`}${w === 'contribute' ? ` key="${key}"` : ''}></dialogd-${w}>`).join('\n')}
</main></body></html>`;

async function axe(page, selector) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async ([sel, tags]) => {
    const r = await window.axe.run(sel ? document.querySelector(sel) : document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' > ')) }));
  }, [selector, AXE_TAGS]);
  return result;
}

// The element that has focus, looking into shadow roots.
const focused = (page) => page.evaluate(() => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  const style = el && getComputedStyle(el);
  return el && { tag: el.tagName.toLowerCase(), id: el.id, type: el.type, text: el.textContent, outline: style.outlineStyle, outlineWidth: style.outlineWidth };
});

async function tabTo(page, match, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f && match(f)) return f;
  }
  throw new Error('could not reach the element with Tab');
}

async function openHost(path = '/', opts = {}) {
  const page = await browser.newPage(opts);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(host.origin + path);
  await page.locator('dialogd-status h3, dialogd-status h4').first().waitFor(WAIT);
  for (const w of WIDGETS.filter((x) => x !== 'receipt' && x !== 'contribute'))
    await page.locator(`dialogd-${w} [part~=body] > :not([role=alert])`).first().waitFor(WAIT);
  await page.locator('dialogd-contribute textarea').waitFor(WAIT);
  return { page, errors };
}

before(async () => {
  svc = await startService();
  mkdirSync(SHOTS, { recursive: true });
  dialogue = await createDialogue(svc, completePlan());
  for (const to of ['planned', 'preparing', 'in_dialogue']) assert.equal((await transition(svc, dialogue.id, to)).status, 200);
  const activity = await svc.call('POST', `/v1/dialogues/${dialogue.id}/activities`, {
    key: 'editor',
    body: {
      method: 'dialogue_cafe', held_on: '2027-03-04', place: 'Folkets hus, Jokkmokk', municipality: 'Jokkmokk',
      members_present: ['Anna Andersson (S)'], participants: { total: 40, by_group: { unga: 2, aldre: 18, inland: 30 } },
      documentation: { public: 'Samtal om vårdcentralens öppettider.', internal: 'Intern anteckning.' },
    },
  });
  assert.equal(activity.status, 201, activity.text);
  host = await hostServer();
  foreign = await hostServer();
  const out = runCli(['keys', 'create', '--role', 'widget', '--origin', host.origin, '--db', svc.db.url]).trim().split('\n');
  widgetKey = out[out.length - 1];
  const launched = chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Every page of this file gets the same patient defaults for navigations and waits.
  const real = await launched;
  browser = {
    close: () => real.close(),
    async newPage(opts) {
      const page = await real.newPage(opts);
      page.setDefaultTimeout(WAIT.timeout);
      page.setDefaultNavigationTimeout(WAIT.timeout);
      return page;
    },
  };
});

// What a careful municipality sends: scripts only from itself and dialogd, no inline script, no
// eval, no inline styles.
function serve(req, res, page) {
  const url = new URL(req.url, 'http://x');
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': `default-src 'self'; script-src 'self' ${svc.base}; connect-src ${svc.base}; style-src 'self'; img-src 'self' data:`,
  });
  res.end(page(url));
}

after(async () => {
  await browser?.close();
  host?.close();
  foreign?.close();
  await svc?.close();
});

test('the script is one ES module, long-cached with a strong ETag, within its gzip budget', async () => {
  const res = await fetch(`${svc.base}/widgets/v1/dialogd.js`, { headers: { origin: host.origin } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/javascript/);
  assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  const etag = res.headers.get('etag');
  assert.match(etag, /^"[0-9a-f]{32}(-gzip)?"$/, 'a strong ETag (its own for the gzipped representation fetch asks for)');
  const body = Buffer.from(await res.arrayBuffer());
  assert.deepEqual(body, readFileSync(join(here, '..', '..', 'plugin-glue', 'widgets', 'dialogd.js')));
  const gz = gzipSync(body, { level: 9 }).length;
  console.log(`# dialogd.js: ${body.length} bytes, ${gz} bytes gzipped (budget ${BUDGET_GZIP_BYTES})`);
  assert.ok(gz <= BUDGET_GZIP_BYTES, `gzipped ${gz} bytes is over the budget of ${BUDGET_GZIP_BYTES}`);
  const forbidden = body.toString().match(/\beval\(|new Function|innerHTML|https?:\/\/(?!www\.w3\.org\/2000\/svg|dialogd\.example\.se)/);
  assert.equal(forbidden, null, 'no eval, no parsed markup, no foreign URLs');
  const again = await fetch(`${svc.base}/widgets/v1/dialogd.js`, { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 304);
  assert.equal((await again.text()), '');
  const stale = await fetch(`${svc.base}/widgets/v1/dialogd.js`, { headers: { 'if-none-match': '"0"' } });
  assert.equal(stale.status, 200);
});

test('CORS: public reads answer any origin; the contribution preflight is answered', async () => {
  const read = await fetch(`${svc.base}/v1/dialogues/${dialogue.id}`, { headers: { origin: 'https://anywhere.example' } });
  assert.equal(read.headers.get('access-control-allow-origin'), '*');
  const pre = await fetch(`${svc.base}/v1/dialogues/${dialogue.id}/contributions`, {
    method: 'OPTIONS',
    headers: { origin: host.origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' },
  });
  assert.equal(pre.status, 204);
  assert.equal(pre.headers.get('access-control-allow-origin'), host.origin);
  assert.match(pre.headers.get('access-control-allow-methods'), /POST/);
  for (const h of ['Authorization', 'Content-Type', 'Idempotency-Key', 'Accept-Language'])
    assert.match(pre.headers.get('access-control-allow-headers'), new RegExp(h));
  // A key of another role earns no CORS headers: it is a secret and does not belong in a browser.
  const editor = await fetch(`${svc.base}/v1/dialogues/${dialogue.id}`, { headers: { origin: host.origin, authorization: `Bearer ${svc.keys.editor}` } });
  assert.equal(editor.headers.get('access-control-allow-origin'), null);
});

test('a widget key: its own origin only, contributions and public reads only, rate-limited', async () => {
  const post = (origin, extra = {}) => fetch(`${svc.base}/v1/dialogues/${dialogue.id}/contributions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${widgetKey}`, 'content-type': 'application/json', ...(origin ? { origin } : {}), ...extra },
    body: JSON.stringify({ text: 'Fler bussar till vårdcentralen.', channel: 'web' }),
  });
  const evil = await post(foreign.origin);
  assert.equal(evil.status, 403);
  assert.match(evil.headers.get('content-type'), /^application\/problem\+json/);
  assert.match((await evil.json()).type, /\/forbidden$/);
  assert.equal(evil.headers.get('access-control-allow-origin'), null);
  const ok = await post(host.origin);
  assert.equal(ok.status, 201);
  assert.equal(ok.headers.get('access-control-allow-origin'), host.origin);
  assert.match(ok.headers.get('vary'), /Origin/);
  const read = await fetch(`${svc.base}/v1/dialogues/${dialogue.id}/representation`, { headers: { origin: host.origin, authorization: `Bearer ${widgetKey}` } });
  assert.equal(read.status, 200);
  assert.equal(read.headers.get('access-control-allow-origin'), host.origin);
  for (const [method, path] of [['GET', `/v1/dialogues/${dialogue.id}/contributions`], ['POST', '/v1/dialogues'], ['GET', '/v1/webhooks']]) {
    const res = await fetch(svc.base + path, { method, headers: { authorization: `Bearer ${widgetKey}`, origin: host.origin, 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
    assert.equal(res.status, 403, `${method} ${path}`);
  }
  const draft = await createDialogue(svc, completePlan());
  const closed = await fetch(`${svc.base}/v1/dialogues/${draft.id}/contributions`, {
    method: 'POST', headers: { authorization: `Bearer ${widgetKey}`, 'content-type': 'application/json', origin: host.origin },
    body: JSON.stringify({ text: 'x', channel: 'web' }),
  });
  assert.equal(closed.status, 409, 'only dialogues in_dialogue take contributions');
});

test('the widget key is rate-limited per client address (429 rate-limited, Retry-After)', async () => {
  const limited = await startService({ args: ['--widget-write-limit', '2'] });
  try {
    const d = await createDialogue(limited, completePlan());
    for (const to of ['planned', 'preparing', 'in_dialogue']) await transition(limited, d.id, to);
    const out = runCli(['keys', 'create', '--role', 'widget', '--origin', host.origin, '--db', limited.db.url]).trim().split('\n');
    const key = out[out.length - 1];
    const statuses = [];
    let last;
    for (let i = 0; i < 3; i++) {
      last = await limited.call('POST', `/v1/dialogues/${d.id}/contributions`, { key, headers: { origin: host.origin }, body: { text: `nr ${i}`, channel: 'web' } });
      statuses.push(last.status);
    }
    assert.deepEqual(statuses, [201, 201, 429]);
    assert.match(last.body.type, /\/rate-limited$/);
    assert.ok(Number(last.headers.get('retry-after')) >= 1);
    // Portal keys are not limited.
    const portal = await limited.call('POST', `/v1/dialogues/${d.id}/contributions`, { key: 'portal', body: { text: 'från portalen', channel: 'web' } });
    assert.equal(portal.status, 201);
  } finally {
    await limited.close();
  }
});

test('every widget renders cross-origin under a strict CSP, in Swedish and English, and passes axe', async () => {
  const { page, errors } = await openHost('/');
  assert.equal(await page.locator('dialogd-status').getByText('Dialoger pågår').first().isVisible(), true);
  assert.ok(await page.locator('dialogd-ladder').getByText('Dialog', { exact: true }).first().isVisible());
  assert.ok(await page.locator('dialogd-representation table').isVisible());
  assert.ok(await page.locator('dialogd-representation svg[role=img]').isVisible());
  assert.ok(await page.locator('dialogd-feedback').getByText('Ingen återkoppling är publicerad ännu.').isVisible());
  for (const w of WIDGETS) {
    assert.equal(await page.evaluate((n) => document.querySelector(n).shadowRoot !== null, `dialogd-${w}`), true, `${w} has an open shadow root`);
    await page.locator(`dialogd-${w}`).screenshot({ path: join(SHOTS, `${w}.sv.png`) });
    assert.deepEqual(await axe(page, `dialogd-${w}`), [], `axe on dialogd-${w} (sv)`);
  }
  // The page's language switches every widget...
  await page.evaluate(() => { document.documentElement.lang = 'en'; });
  await page.locator('dialogd-status').getByText('Where the dialogue stands').waitFor(WAIT);
  await page.locator('dialogd-ladder').getByText('What your input can change').waitFor(WAIT);
  assert.ok(await page.locator('dialogd-contribute').getByText('Your contribution').isVisible());
  assert.ok(await page.locator('dialogd-representation').getByRole('heading', { name: 'Who has been reached?' }).isVisible());
  for (const w of WIDGETS) {
    await page.locator(`dialogd-${w}`).screenshot({ path: join(SHOTS, `${w}.en.png`) });
    assert.deepEqual(await axe(page, `dialogd-${w}`), [], `axe on dialogd-${w} (en)`);
  }
  // ...and a widget's own lang attribute beats the page's.
  await page.evaluate(() => document.querySelector('dialogd-status').setAttribute('lang', 'sv'));
  await page.locator('dialogd-status').getByText('Dialogens läge').waitFor(WAIT);
  assert.deepEqual(await axe(page), [], 'axe on the whole host page');
  await page.screenshot({ path: join(SHOTS, 'host-page.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('contribute and look up the receipt with the keyboard alone; the contribution is in the API', async () => {
  const { page, errors } = await openHost('/');
  const posts = [];
  page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.headers()['idempotency-key']); });
  // Sending an empty form: the error is announced and tied to its field.
  await tabTo(page, (f) => f.tag === 'textarea');
  await tabTo(page, (f) => f.tag === 'button' && /Skicka/.test(f.text));
  await page.keyboard.press('Enter');
  const textarea = page.locator('dialogd-contribute textarea');
  await page.locator('dialogd-contribute [role=alert]').getByText('Skriv din synpunkt.').waitFor(WAIT);
  assert.equal(await textarea.getAttribute('aria-invalid'), 'true');
  const describedBy = (await textarea.getAttribute('aria-describedby')).split(' ');
  const errorText = await page.evaluate((ids) => ids.map((id) => document.querySelector('dialogd-contribute').shadowRoot.getElementById(id).textContent).join(' '), describedBy);
  assert.match(errorText, /Skriv din synpunkt/);
  let f = await focused(page);
  assert.equal(f.tag, 'textarea', 'focus moves to the first field in error');
  assert.notEqual(f.outline, 'none', 'focus is visible');
  assert.deepEqual(await axe(page, 'dialogd-contribute'), [], 'axe on the form with errors');

  // Errors found in the browser (an email without consent) and by the service (422 errors[].field:
  // an address the service finds implausible) land on their fields.
  const text = `Kvällsöppet på vårdcentralen i Jokkmokk ${Date.now()}`;
  await page.keyboard.type(text);
  f = await tabTo(page, (x) => x.type === 'checkbox');  // first theme
  await page.keyboard.press('Space');
  f = await tabTo(page, (x) => x.type === 'email');
  assert.notEqual(f.outline, 'none', 'focus is visible on inputs');
  await page.keyboard.type('kerstin@example.s');
  await tabTo(page, (x) => x.tag === 'button' && /Skicka/.test(x.text));
  await page.keyboard.press('Enter');
  await page.locator('dialogd-contribute').getByText('Kryssa i samtycket').first().waitFor(WAIT);
  f = await focused(page);
  assert.match(f.id, /consent$/, 'focus moves to the consent box');
  await page.keyboard.press('Space');
  await tabTo(page, (x) => x.tag === 'button' && /Skicka/.test(x.text));
  await page.keyboard.press('Enter');
  const email = page.locator('dialogd-contribute input[type=email]');
  await page.locator('dialogd-contribute [role=alert]').getByText('Ange en giltig e-postadress').waitFor(WAIT);
  assert.equal(await email.getAttribute('aria-invalid'), 'true');
  assert.match(await email.getAttribute('aria-describedby'), /-email-e$/);
  f = await focused(page);
  assert.equal(f.type, 'email', 'focus moves to the field the service named');
  assert.deepEqual(await axe(page, 'dialogd-contribute'), [], 'axe on the form with a service error');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('kerstin.lindqvist@example.se');
  await tabTo(page, (x) => x.tag === 'button' && /Skicka/.test(x.text));
  await page.keyboard.press('Enter');
  const code = page.locator('dialogd-contribute [role=status] .code');
  await code.waitFor(WAIT);
  const receipt = (await code.textContent()).trim();
  assert.match(receipt, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  assert.equal(await page.locator('dialogd-contribute [role=status]').count(), 1, 'the receipt is in the live region');
  await page.locator('dialogd-contribute').screenshot({ path: join(SHOTS, 'contribute.receipt.png') });
  assert.deepEqual(await axe(page, 'dialogd-contribute'), []);
  // Two sends reached the service (the refused address, then the corrected form): a corrected form
  // is a new submission with its own Idempotency-Key (retries of one form share one; see below).
  assert.equal(posts.length, 2);
  assert.equal(new Set(posts.filter(Boolean)).size, 2);

  const list = await svc.call('GET', `/v1/dialogues/${dialogue.id}/contributions?limit=100`, { key: 'editor' });
  const mine = list.body.items.filter((c) => c.text === text);
  assert.equal(mine.length, 1);
  assert.equal(mine[0].receipt, receipt);
  assert.equal(mine[0].channel, 'web');
  assert.equal(mine[0].language, 'sv');
  assert.deepEqual(mine[0].themes, [dialogue.question_areas[0]]);

  // The receipt widget, by keyboard: type the code, press Enter, read the trace.
  await tabTo(page, (x) => x.tag === 'input' && /code$/.test(x.id));
  await page.keyboard.type(receipt.toLowerCase());
  await page.keyboard.press('Enter');
  const trace = page.locator('dialogd-receipt [role=status]');
  await trace.getByText(text).waitFor(WAIT);
  assert.ok(await trace.getByText(dialogue.title).isVisible());
  await page.locator('dialogd-receipt').screenshot({ path: join(SHOTS, 'receipt.trace.png') });
  assert.deepEqual(await axe(page, 'dialogd-receipt'), []);
  // An unknown code: the error is tied to the field.
  await page.locator('dialogd-receipt input').fill('AAAA-BBBB-CCCC');
  await page.keyboard.press('Enter');
  await page.locator('dialogd-receipt').getByText('Vi hittar ingen synpunkt').waitFor(WAIT);
  assert.equal(await page.locator('dialogd-receipt input').getAttribute('aria-invalid'), 'true');
  // The refused address (422) and the unknown code (404) are the only failures the console saw.
  assert.deepEqual(errors.filter((e) => !/status of (404|422)/.test(e)), []);
  await page.close();
});

test('a lost answer is retried with the same Idempotency-Key and stored once', async () => {
  const { page } = await openHost('/');
  const keys = [];
  let first = true;
  await page.route(`${svc.base}/v1/dialogues/*/contributions`, async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    if (first) {
      first = false;
      await route.fetch();         // the service stores it...
      return route.abort('failed'); // ...but the answer never arrives
    }
    return route.continue();
  });
  const text = `Retry ${Date.now()}`;
  await page.locator('dialogd-contribute textarea').fill(text);
  await page.locator('dialogd-contribute button[type=submit]').click();
  await page.locator('dialogd-contribute [role=status] .code').waitFor(WAIT);
  assert.equal(keys.length, 2);
  assert.equal(keys[0], keys[1]);
  const list = await svc.call('GET', `/v1/dialogues/${dialogue.id}/contributions?limit=100`, { key: 'editor' });
  assert.equal(list.body.items.filter((c) => c.text === text).length, 1);
  await page.close();
});

test('a page on a non-allowed origin cannot send with the widget key', async () => {
  const page = await browser.newPage();
  await page.goto(foreign.origin + '/');
  await page.locator('dialogd-contribute textarea').waitFor(WAIT);
  const text = `Från fel webbplats ${Date.now()}`;
  await page.locator('dialogd-contribute textarea').fill(text);
  await page.locator('dialogd-contribute button[type=submit]').click();
  await page.locator('dialogd-contribute [role=alert]').getByText(/Det gick inte att skicka|kan inte skickas/).waitFor({ timeout: 60000 });
  const list = await svc.call('GET', `/v1/dialogues/${dialogue.id}/contributions?limit=100`, { key: 'editor' });
  assert.equal(list.body.items.filter((c) => c.text === text).length, 0);
  await page.close();
});

// A dialogue walked to reported: public feedback, and a receipt whose trace has a need and a report.
async function reportedDialogue() {
  const call = (method, path, body, headers) => svc.call(method, path, { key: 'editor', body, headers });
  const d = await createDialogue(svc, completePlan({ title: 'Kollektivtrafik i inlandet' }));
  for (const to of ['planned', 'preparing', 'in_dialogue']) await transition(svc, d.id, to);
  const c1 = (await svc.call('POST', `/v1/dialogues/${d.id}/contributions`, { key: 'portal', body: { text: 'Fler bussar till sjukhuset.', channel: 'web' } })).body;
  const c2 = (await svc.call('POST', `/v1/dialogues/${d.id}/contributions`, { key: 'portal', body: { text: 'Gatlampor behövs.', channel: 'web' } })).body;
  await call('POST', `/v1/dialogues/${d.id}/activities`, { method: 'survey', held_on: '2027-03-01', documentation: { public: 'Webbenkät.' } });
  await call('POST', `/v1/dialogues/${d.id}/checkpoints`, { held_on: '2027-03-20' });
  assert.equal((await transition(svc, d.id, 'analysing')).status, 200);
  const need = (await call('POST', `/v1/dialogues/${d.id}/needs`, { title: 'Resor till vården', contribution_ids: [c1.id] })).body;
  const c = await svc.call('GET', `/v1/contributions/${c2.id}`, { key: 'editor' });
  await call('PATCH', `/v1/contributions/${c2.id}`, { disposition: 'out_of_scope', reason: 'Kommunens ansvar.' }, { 'if-match': c.headers.get('etag') });
  assert.equal((await call('PUT', `/v1/dialogues/${d.id}/report`, { title: 'Rapport om kollektivtrafiken', presented_on: '2027-06-14', need_ids: [need.id] })).status, 201);
  const r = await transition(svc, d.id, 'reported');
  assert.equal(r.status, 200, r.text);
  return { d, receipt: c1.receipt, other: c2.receipt };
}

test('feedback entries and a receipt traced to the report render, in both languages, and pass axe', async () => {
  const { d, receipt, other } = await reportedDialogue();
  const page = await browser.newPage();
  await page.goto(`${svc.base}/embed/feedback/${d.id}`);
  await page.locator('dialogd-feedback').getByText('Resor till vården').waitFor(WAIT);
  assert.ok(await page.locator('dialogd-feedback').getByRole('heading', { name: /Rapporten, / }).isVisible());
  await page.locator('dialogd-feedback').screenshot({ path: join(SHOTS, 'feedback.entries.png') });
  assert.deepEqual(await axe(page), []);
  await page.goto(`${svc.base}/embed/receipt/${receipt}?lang=en`);
  await page.locator('dialogd-receipt [role=status]').getByText('Rapport om kollektivtrafiken').waitFor(WAIT);
  assert.ok(await page.locator('dialogd-receipt').getByText('Resor till vården (in the report)').isVisible());
  await page.locator('dialogd-receipt').screenshot({ path: join(SHOTS, 'receipt.reported.png') });
  assert.deepEqual(await axe(page), []);
  await page.goto(`${svc.base}/embed/receipt/${other}`);
  await page.locator('dialogd-receipt').getByText('Utanför dialogens ram: Kommunens ansvar.').waitFor(WAIT);
  await page.goto(`${svc.base}/embed/status/${d.id}`);
  await page.locator('dialogd-status').getByText('Rapport till fullmäktige').first().waitFor(WAIT);
  assert.ok(await page.locator('dialogd-status').getByText('Styrelsens svar', { exact: true }).first().isVisible());
  // A dialogue that no longer takes contributions says so instead of showing the form.
  await page.goto(`${svc.base}/embed/contribute/${d.id}`);
  await page.locator('dialogd-contribute').getByText('Dialogen tar inte emot synpunkter just nu.').waitFor(WAIT);
  assert.equal(await page.locator('dialogd-contribute textarea').count(), 0);
  await page.close();
});

test('the widgets reflow at 320 CSS px', async () => {
  const { page } = await openHost('/', { viewport: { width: 320, height: 800 } });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `the page scrolls sideways: ${width}px`);
  for (const w of WIDGETS) {
    const box = await page.locator(`dialogd-${w}`).boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 320, `${w} fits`);
  }
  await page.screenshot({ path: join(SHOTS, 'host-page-320.png'), fullPage: true });
  await page.close();
});

test('the embed pages, the gallery, the landing page and /docs pass axe under their own CSP', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`); });
  for (const w of WIDGETS) {
    const res = await page.goto(`${svc.base}/embed/${w}/${w === 'receipt' ? '-' : dialogue.id}`);
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-security-policy'], /script-src 'self'/);
    assert.doesNotMatch(await res.text(), /<script>|<script [^>]*>[^<]/, 'no inline script');
    await page.locator(`dialogd-${w} [part~=body] > *`).first().waitFor(WAIT);
    await page.waitForFunction((n) => !/Laddar|Loading/.test(document.querySelector(n).shadowRoot.textContent), `dialogd-${w}`, WAIT);
    await page.screenshot({ path: join(SHOTS, `embed-${w}.png`), fullPage: true });
    assert.deepEqual(await axe(page), [], `axe on /embed/${w}`);
  }
  const missing = await fetch(`${svc.base}/embed/weather/${dialogue.id}`);
  assert.equal(missing.status, 404);
  assert.match(missing.headers.get('content-type'), /^application\/problem\+json/);

  // An embed page is same-origin with dialogd: the contribution form works there with the key.
  await page.goto(`${svc.base}/embed/contribute/${dialogue.id}?key=${widgetKey}&lang=en`);
  await page.locator('dialogd-contribute textarea').fill('Sent from the embed page');
  await page.locator('dialogd-contribute button[type=submit]').click();
  await page.locator('dialogd-contribute [role=status] .code').waitFor(WAIT);

  await page.goto(`${svc.base}/widgets?dialogue=${dialogue.id}`);
  for (const w of WIDGETS) await page.locator(`#w-${w} dialogd-${w} [part~=body] > *`).first().waitFor(WAIT);
  await page.waitForFunction(() => [...document.querySelectorAll('#gallery section > :nth-child(3)')].every((w) => !/Laddar|Loading/.test(w.shadowRoot.textContent)), null, WAIT);
  assert.match(await page.locator('#w-status pre').first().textContent(), /<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/widgets\/v1\/dialogd\.js"><\/script>/);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(SHOTS, 'gallery.png'), fullPage: true });
  assert.deepEqual(await axe(page), [], 'axe on /widgets');
  await page.getByRole('button', { name: 'Svenska' }).click();
  await page.locator('dialogd-status').getByText('Dialogens läge').waitFor(WAIT);
  // The ladder reloads its Swedish texts: wait until every widget has settled.
  await page.locator('dialogd-ladder').getByText('Det här kan dina synpunkter påverka').waitFor(WAIT);
  await page.waitForFunction(() => [...document.querySelectorAll('#gallery section > :nth-child(3)')].every((w) => !/Laddar|Loading/.test(w.shadowRoot.textContent)), null, WAIT);
  assert.deepEqual(await axe(page), [], 'axe on /widgets in Swedish');
  // Without ?dialogue= the gallery picks a dialogue that is in_dialogue.
  await page.goto(`${svc.base}/widgets`);
  await page.locator('dialogd-status h3').waitFor(WAIT);

  await page.goto(`${svc.base}/`);
  assert.deepEqual(await axe(page), [], 'axe on /');
  await page.getByRole('link', { name: /Widgets for websites/ }).click();
  await page.waitForURL(`${svc.base}/widgets`);
  // Let the gallery finish its requests before leaving it.
  await page.locator('dialogd-status h3').waitFor(WAIT);
  await page.waitForLoadState('networkidle');

  await page.goto(`${svc.base}/docs`);
  await page.getByRole('heading', { name: 'Create a dialogue (state draft)' }).waitFor(WAIT);
  await page.waitForLoadState('networkidle');
  assert.deepEqual(await axe(page), [], 'axe on /docs');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the public page /d/{id}: passes axe in Swedish and English, reflows at 320 px, prints without its navigation', async () => {
  const { d } = await reportedDialogue();
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // The browser asks for English (Accept-Language: en-US); ?lang=sv asks for Swedish.
  const res = await page.goto(`${svc.base}/d/${d.id}?lang=sv`);
  assert.equal(res.status(), 200);
  assert.match(res.headers()['content-security-policy'], /default-src 'none'/);
  await page.getByRole('heading', { level: 1, name: 'Kollektivtrafik i inlandet' }).waitFor(WAIT);
  assert.ok(await page.getByRole('heading', { name: 'Behov' }).isVisible());
  assert.ok(await page.getByText('Resor till vården').first().isVisible());
  assert.ok(!(await page.content()).includes('Intern anteckning'), 'internal documentation never appears');
  await page.screenshot({ path: join(SHOTS, 'public-page.sv.png'), fullPage: true });
  assert.deepEqual(await axe(page), [], 'axe on /d/{id} (sv)');
  await page.getByRole('link', { name: 'In English' }).click();
  await page.getByRole('heading', { name: 'Needs' }).waitFor(WAIT);
  assert.deepEqual(await axe(page), [], 'axe on /d/{id} (en)');
  await page.setViewportSize({ width: 320, height: 800 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `the page scrolls sideways at 320 px: ${width}px`);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('nav').isVisible(), false, 'the navigation is not printed');
  await page.pdf?.({ path: join(SHOTS, 'public-page.pdf') }).catch(() => {});
  assert.deepEqual(errors, []);
  await page.close();
});
