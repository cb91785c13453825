// /docs in a real browser (Debian's Chromium driven by playwright-core): the reference renders from
// the served contract, and every request the page makes stays on dialogd itself (no CDN).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startService } from '../api/harness.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
let svc, browser;

before(async () => {
  svc = await startService();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => {
  await browser?.close();
  await svc?.close();
});

test('the developer page renders every tag of the contract offline', async () => {
  const page = await browser.newPage();
  const fetched = [], blocked = [];
  page.on('requestfinished', (r) => fetched.push(r.url()));
  page.on('requestfailed', (r) => blocked.push([r.url(), r.failure()?.errorText]));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${svc.base}/docs`);
  await page.getByRole('heading', { name: 'Create a dialogue (state draft)' }).waitFor({ timeout: 30000 });
  for (const tag of ['dialogues', 'ladder', 'activities', 'contributions', 'representation'])
    assert.ok(await page.getByText(tag, { exact: false }).first().isVisible(), tag);
  await page.screenshot({ path: process.env.DOCS_SCREENSHOT || '/tmp/dialogd-docs.png' });
  const foreign = (u) => !u.startsWith(svc.base) && !u.startsWith('data:') && !u.startsWith('blob:');
  assert.deepEqual(fetched.filter(foreign), [], 'nothing is fetched from outside dialogd');
  // Redoc's footer asks a CDN for its logo; the page's Content-Security-Policy stops it in the browser.
  for (const [url, why] of blocked.filter(([u]) => foreign(u))) assert.match(why, /csp|BLOCKED_BY_CSP/i, url);
  assert.deepEqual(errors, []);
});

test('the landing page links to the docs, and the link works', async () => {
  const page = await browser.newPage();
  await page.goto(`${svc.base}/`);
  await page.getByRole('link', { name: /API documentation/ }).click();
  await page.waitForURL(`${svc.base}/docs`);
  await page.getByRole('heading', { name: 'Create a dialogue (state draft)' }).waitFor({ timeout: 30000 });
});
