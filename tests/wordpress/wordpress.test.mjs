// The dialogd WordPress plugin in a real WordPress (Debian's package) against a live dialogd,
// driven by Debian's Chromium. Started by tests/steps/40-wordpress.sh, which passes the addresses
// and keys in the environment.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { completePlan } from '../api/harness.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const { WP_BASE, DIALOGD_BASE, EDITOR_KEY, PORTAL_KEY, WIDGET_KEY, WP_TEST_ADMIN_PASS: PASS } = process.env;
const HERE = join(process.env.WP_ROOT, 'tests', 'wordpress');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

let browser, dialogue, pages;

async function api(method, path, { key, body, headers = {} } = {}) {
  const h = { ...headers };
  if (key) h.authorization = `Bearer ${key}`;
  if (body) h['content-type'] = 'application/json';
  const res = await fetch(DIALOGD_BASE + path, { method, headers: h, body: body && JSON.stringify(body) });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch {}
  return { status: res.status, body: json, text };
}

const php = (script, ...args) => execFileSync('php', [join(HERE, script), ...args], { encoding: 'utf8' }).trim();

async function login(user, pass = PASS) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${WP_BASE}/wp-login.php`);
  await page.fill('#user_login', user);
  await page.fill('#user_pass', pass);
  await Promise.all([page.waitForNavigation(), page.click('#wp-submit')]);
  return { context, page };
}

async function contributions() {
  const r = await api('GET', `/v1/dialogues/${dialogue.id}/contributions`, { key: EDITOR_KEY });
  assert.equal(r.status, 200, r.text);
  return r.body.items;
}

before(async () => {
  const created = await api('POST', '/v1/dialogues', { key: EDITOR_KEY, body: completePlan({ title: 'Kollektivtrafiken i Jokkmokk' }) });
  assert.equal(created.status, 201, created.text);
  dialogue = created.body;
  for (const to of ['planned', 'preparing', 'in_dialogue']) {
    const r = await api('POST', `/v1/dialogues/${dialogue.id}/transitions`, { key: EDITOR_KEY, body: { to } });
    assert.equal(r.status, 200, r.text);
  }
  pages = JSON.parse(php('make-pages.php', dialogue.id));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => { await browser?.close(); });

test('an administrator configures the plugin and tests the connection; the key is never printed back', async () => {
  const { context, page } = await login('admin');
  await page.goto(`${WP_BASE}/wp-admin/options-general.php?page=dialogd`);
  await page.fill('#dialogd_url', DIALOGD_BASE);
  await page.fill('#dialogd_portal_key', PORTAL_KEY);
  await page.fill('#dialogd_widget_key', WIDGET_KEY);
  await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  let html = await page.content();
  assert.ok(!html.includes(PORTAL_KEY), 'the portal key is not printed back');
  assert.equal(await page.inputValue('#dialogd_url'), DIALOGD_BASE);
  assert.equal(await page.inputValue('#dialogd_portal_key'), '');
  assert.equal(JSON.parse(php('get-option.php', 'dialogd_portal_key')), PORTAL_KEY);
  // Saving again with the key fields empty keeps the keys.
  await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  assert.equal(JSON.parse(php('get-option.php', 'dialogd_portal_key')), PORTAL_KEY);
  await Promise.all([page.waitForNavigation(), page.click('#dialogd-test')]);
  const notice = page.locator('#dialogd-health');
  assert.match(await notice.getAttribute('class'), /notice-success/);
  assert.match(await notice.textContent(), /dialogd/);
  html = await page.content();
  assert.ok(!html.includes(PORTAL_KEY));
  // The dashboard widget for editors is there.
  await page.goto(`${WP_BASE}/wp-admin/index.php`);
  assert.ok(await page.locator('#dialogd_overdue').isVisible());
  assert.ok(!(await page.content()).includes(PORTAL_KEY));
  await context.close();
});

test('every page shows live dialogue data, enqueues the widget script once, hides the portal key and passes axe', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  for (const [name, url] of Object.entries(pages)) {
    const res = await page.goto(url);
    assert.equal(res.status(), 200, name);
    const html = await page.content();
    const raw = await (await fetch(url)).text();
    for (const h of [html, raw]) assert.ok(!h.includes(PORTAL_KEY), `${name}: portal key in the page`);
    const scripts = await page.$$eval('script[src]', (s) => s.map((e) => e.getAttribute('src')));
    assert.deepEqual(scripts.filter((s) => s.includes('/widgets/v1/dialogd.js')), [`${DIALOGD_BASE}/widgets/v1/dialogd.js`], name);
    if (name !== 'receipt') {
      const main = page.locator('main');
      assert.ok(await main.getByText('Kollektivtrafiken i Jokkmokk').first().isVisible(), `${name}: title`);
      assert.match(await main.innerText(), /Status: Pågående dialog/, `${name}: state in the site's language`);
      assert.equal(await page.locator(`main a[href="${DIALOGD_BASE}/d/${dialogue.id}"]`).first().count(), 1, `${name}: link`);
    } else {
      assert.ok(await page.locator('main input[name="dialogd_receipt"]').isVisible(), await page.locator('main').innerHTML());
    }
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], `${name}: axe`);
  }
  // The widget key (meant for pages) is on the contribute widget.
  await page.goto(pages.contribute);
  assert.equal(await page.locator('dialogd-contribute').getAttribute('key'), WIDGET_KEY);
  await context.close();
});

test('a contribution sent through the site reaches dialogd once, retries do not duplicate it, errors are readable', async () => {
  const context = await browser.newContext({ locale: 'sv-SE' });
  const page = await context.newPage();
  const logs = [];
  page.on('console', (m) => logs.push(m.text()));
  page.on('response', async (r) => { if (r.url().includes('wp-json')) logs.push(r.status() + ' ' + (await r.text().catch(() => ''))); });
  await page.goto(pages.contribute);
  const before = (await contributions()).length;
  await page.fill('main textarea[name="text"]', 'Bussen till vårdcentralen borde gå oftare.');
  await page.click('main form.dialogd-contribute-form button[type="submit"]');
  await page.locator('main .dialogd-result', { hasText: /Tack!|kunde inte|Kontrollera/ }).waitFor({ timeout: 15000 }).catch(async (e) => { throw new Error(e.message + '\n' + logs.join('\n') + '\n' + await page.locator('main').innerHTML()); });
  assert.match(await page.locator('main .dialogd-result').innerText(), /Tack! Din kvittokod/);
  let items = await contributions();
  assert.equal(items.length, before + 1);
  assert.equal(items.filter((c) => c.text === 'Bussen till vårdcentralen borde gå oftare.').length, 1);
  const receipt = (await page.locator('main .dialogd-result').innerText()).match(/kvittokod är (\S+)\./)[1];
  assert.ok(items.some((c) => c.receipt === receipt), 'the receipt shown is dialogd\'s');

  // A retry with the same Idempotency-Key answers the same contribution and adds nothing.
  const send = (body, key) => page.evaluate(async ({ body, key }) => {
    const cfg = window.dialogdContribute;
    const res = await fetch(cfg.endpoint, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key, 'x-dialogd-nonce': cfg.nonce }, body: JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  }, { body, key });
  assert.ok(pages.contribute.startsWith(WP_BASE));
  const body = { dialogue: dialogue.id, text: 'Fler avgångar på kvällen.', channel: 'web' };
  const first = await send(body, 'retry-key-1');
  const second = await send(body, 'retry-key-1');
  assert.equal(first.status, 201, JSON.stringify(first.body));
  assert.ok([200, 201].includes(second.status), JSON.stringify(second.body));
  assert.equal(second.body.id, first.body.id);
  items = await contributions();
  assert.equal(items.filter((c) => c.text === 'Fler avgångar på kvällen.').length, 1);

  // dialogd's problem+json comes back readable, in the visitor's language.
  const bad = await send({ dialogue: dialogue.id, text: '', contact: { email: 'inte-en-adress', consent: true } }, 'bad-1');
  assert.equal(bad.status, 422, JSON.stringify(bad.body));
  assert.equal(bad.body.message, 'Kontrollera ditt bidrag.');
  assert.ok(bad.body.data.errors.length >= 1);
  const badEn = await send({ dialogue: dialogue.id, text: '', lang: 'en' }, 'bad-2');
  assert.equal(badEn.body.message, 'Please check your contribution.');
  // Without the page's nonce the route refuses.
  const raw = await fetch(`${WP_BASE}/wp-json/dialogd/v1/contributions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(raw.status, 403);
  assert.ok(!(await raw.text()).includes(PORTAL_KEY));
  await context.close();

  // A logged-in editor contributes through the same form.
  const editor = await login('redaktor');
  await editor.page.goto(pages.contribute);
  await editor.page.fill('main textarea[name="text"]', 'Från redaktören.');
  await editor.page.click('main form.dialogd-contribute-form button[type="submit"]');
  await editor.page.locator('main .dialogd-result', { hasText: /Tack!|kunde inte|Formuläret/ }).waitFor({ timeout: 15000 });
  assert.match(await editor.page.locator('main .dialogd-result').innerText(), /Tack!/);
  await editor.context.close();
});

test('a visitor without rights can neither reach nor change the settings', async () => {
  // Logged out: sent to the login page.
  const anon = await browser.newContext();
  const p = await anon.newPage();
  await p.goto(`${WP_BASE}/wp-admin/options-general.php?page=dialogd`);
  assert.match(p.url(), /wp-login\.php/);
  await anon.close();
  // A subscriber: refused, and a forged save changes nothing.
  const { context, page } = await login('besokare');
  const res = await page.goto(`${WP_BASE}/wp-admin/options-general.php?page=dialogd`);
  assert.equal(res.status(), 403);
  assert.ok(!(await page.content()).includes(PORTAL_KEY));
  const forged = await page.evaluate(async (base) => {
    const form = new URLSearchParams({ option_page: 'dialogd', action: 'update', _wpnonce: 'x', dialogd_url: 'http://evil.example', dialogd_portal_key: 'stolen' });
    const r = await fetch(`${base}/wp-admin/options.php`, { method: 'POST', body: form });
    const t = await fetch(`${base}/wp-admin/admin-post.php`, { method: 'POST', body: new URLSearchParams({ action: 'dialogd_test_connection' }) });
    return [r.status, t.status];
  }, WP_BASE);
  assert.ok(forged.every((s) => s >= 400), String(forged));
  assert.equal(JSON.parse(php('get-option.php', 'dialogd_url')), DIALOGD_BASE);
  assert.equal(JSON.parse(php('get-option.php', 'dialogd_portal_key')), PORTAL_KEY);
  await context.close();
});

test('the block editor knows the dialogd block (editor script without a build step loads cleanly)', async () => {
  const { context, page } = await login('admin');
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${WP_BASE}/wp-admin/post-new.php?post_type=page`);
  await page.waitForFunction(() => window.wp && window.wp.blocks && window.wp.blocks.getBlockType('dialogd/widget'), null, { timeout: 30000 });
  const block = await page.evaluate(() => {
    const t = window.wp.blocks.getBlockType('dialogd/widget');
    return { title: t.title, widgets: t.attributes.widget.enum };
  });
  assert.equal(block.title, 'dialogd');
  assert.deepEqual(block.widgets, ['status', 'ladder', 'contribute', 'receipt', 'feedback', 'representation']);
  assert.deepEqual(errors.filter((m) => /dialogd/i.test(m)), []);
  assert.ok(!(await page.content()).includes(PORTAL_KEY));
  await context.close();
});
