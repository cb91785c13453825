// The CMS adapter over HTTP: oEmbed, Atom feeds, open data and the DCAT-AP-SE catalogue, and the
// public page, checked with maintained parsers (tests/api/cms_check.py) and swept byte by byte for
// the contact address, contribution text and internal note planted in the data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startService, walkToDecided, completePlan } from './harness.mjs';

const PLANTED = ['planterad.hemlig@example.org', 'HEMLIG-BIDRAGSTEXT-4711', 'INTERN-ANTECKNING-0815'];
let svc, walk;
before(async () => {
  svc = await startService();
  walk = await walkToDecided(svc, { email: PLANTED[0], plan: completePlan({ title: 'Kultur & <natur> i Kiruna' }) });
  // A contribution text and an internal note that must never be published.
  const open = (await svc.call('POST', '/v1/dialogues', { key: 'editor', body: completePlan({ title: 'Öppen dialog' }) })).body;
  for (const to of ['planned', 'preparing', 'in_dialogue'])
    await svc.call('POST', `/v1/dialogues/${open.id}/transitions`, { key: 'editor', body: { to } });
  await svc.call('POST', `/v1/dialogues/${open.id}/activities`, { key: 'editor', body: { method: 'survey', held_on: '2027-02-02', documentation: { public: 'Enkät i Kiruna.', internal: PLANTED[2] } } });
  await svc.call('POST', `/v1/dialogues/${open.id}/contributions`, { key: 'portal', body: { text: PLANTED[1], channel: 'web', themes: ['kultur'], groups: ['unga'], contact: { email: PLANTED[0], consent: true } } });
});
after(async () => { await svc.close(); });

test('oEmbed: a rich iframe for our public pages; 400, 404 and 501 as the specification says', async () => {
  const page = `${svc.base}/d/${walk.dialogue.id}`;
  const res = await svc.call('GET', `/oembed?url=${encodeURIComponent(page)}&maxwidth=400&maxheight=300`);
  assert.equal(res.status, 200);
  for (const field of ['version', 'type', 'html', 'width', 'height', 'title', 'provider_name', 'cache_age']) assert.ok(field in res.body, field);
  assert.equal(res.body.version, '1.0');
  assert.equal(res.body.type, 'rich');
  assert.ok(res.body.width <= 400 && res.body.height <= 300);
  assert.match(res.body.html, /^<iframe /);
  assert.equal((await svc.call('GET', '/oembed')).status, 400);
  assert.equal((await svc.call('GET', `/oembed?url=${encodeURIComponent('https://elsewhere.example/d/x')}`)).status, 404);
  assert.equal((await svc.call('GET', `/oembed?url=${encodeURIComponent(`${svc.base}/d/unknown`)}`)).status, 404);
  assert.equal((await svc.call('GET', `/oembed?url=${encodeURIComponent(page)}&format=xml`)).status, 501);
});

test('feeds, open data and the catalogue parse with maintained parsers and publish nothing private', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dialogd-cms-'));
  try {
    const fetchTo = async (path, file, headers = {}) => {
      const res = await svc.call('GET', path, { headers });
      assert.equal(res.status, 200, `${path}: ${res.status}`);
      writeFileSync(join(dir, file), res.text);
      return res;
    };
    const feed = await fetchTo(`/feeds/dialogues/${walk.dialogue.id}.atom`, 'dialogue.atom');
    await fetchTo(`/feeds/dialogues/${walk.dialogue.id}.atom?lang=en`, 'dialogue.en.atom');
    await fetchTo('/feeds/organisations/default/dialogues.atom', 'organisation.atom');
    assert.match(feed.headers.get('content-type'), /^application\/atom\+xml/);
    const etag = feed.headers.get('etag');
    assert.equal((await svc.call('GET', `/feeds/dialogues/${walk.dialogue.id}.atom`, { headers: { 'if-none-match': etag } })).status, 304);
    const lastModified = feed.headers.get('last-modified');
    assert.ok(lastModified);
    assert.equal((await svc.call('GET', `/feeds/dialogues/${walk.dialogue.id}.atom`, { headers: { 'if-modified-since': lastModified } })).status, 304);
    for (const r of ['dialogues', 'activities', 'needs', 'measures', 'feedback', 'contribution_counts']) {
      await fetchTo(`/open-data/organisations/default/${r}.json`, `${r}.json`);
      await fetchTo(`/open-data/organisations/default/${r}.csv`, `${r}.csv`);
    }
    await fetchTo('/open-data/organisations/default/catalog.jsonld', 'catalog.jsonld');
    await fetchTo(`/d/${walk.dialogue.id}`, 'page.html');
    await fetchTo(`/d/${walk.dialogue.id}?lang=en`, 'page.en.html');
    const out = JSON.parse(execFileSync('/usr/bin/python3', [fileURLToPath(new URL('cms_check.py', import.meta.url)), dir], { encoding: 'utf8' }));
    assert.deepEqual(out.failures, []);
    assert.ok(out.summary['dialogue.atom'].entries >= 10, `transitions, documents and feedback: ${JSON.stringify(out.summary)}`);
    assert.ok(out.summary['organisation.atom'].entries >= 2);
    assert.ok(out.summary['measures.csv'].rows >= 1);
    assert.ok(out.summary['contribution_counts.csv'].rows >= 3);
    const catalog = out.summary['catalog.jsonld'];
    assert.equal(catalog.datasets, 6);
    assert.equal(catalog.distributions, 12, 'one per resource and format');
    for (const r of ['dialogues', 'activities', 'needs', 'measures', 'feedback', 'contribution_counts'])
      for (const f of ['json', 'csv']) assert.ok(catalog.download_urls.some((u) => u.endsWith(`/open-data/organisations/default/${r}.${f}`)), `${r}.${f}`);
    // Every byte of every export, feed and page.
    const everything = execFileSync('cat', (await import('node:fs')).readdirSync(dir).map((f) => join(dir, f)), { encoding: 'utf8' });
    for (const secret of PLANTED) assert.ok(!everything.includes(secret), `${secret} was published`);
    assert.ok(everything.includes('Kultur &amp; &lt;natur&gt; i Kiruna'), 'titles are escaped in HTML and XML');
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('the public page: Swedish by default, English on request, discovery links, no internal notes', async () => {
  const sv = await svc.call('GET', `/d/${walk.dialogue.id}`);
  assert.match(sv.headers.get('content-type'), /^text\/html/);
  assert.match(sv.text, /<html lang="sv">/);
  assert.match(sv.text, /type="application\/json\+oembed"/);
  assert.match(sv.text, /type="application\/atom\+xml"/);
  assert.match(sv.text, /<h2>Åtgärder<\/h2>/);
  const en = await svc.call('GET', `/d/${walk.dialogue.id}?lang=en`);
  assert.match(en.text, /<html lang="en">/);
  assert.match(en.text, /<h2>Measures<\/h2>/);
  assert.ok(!en.text.includes('Intern anteckning.'), 'internal documentation never appears');
  assert.equal((await svc.call('GET', '/d/unknown')).status, 404);
  const embed = await svc.call('GET', `/embed/status/${walk.dialogue.id}`);
  assert.match(embed.text, /type="application\/json\+oembed"/, 'embed pages are discoverable too');
  const hostile = await svc.call('GET', '/embed/status/%22%3E%3Cb%3Einjected');
  assert.ok(!hostile.text.includes('"><b>injected'), 'a path is escaped, never markup');
});
