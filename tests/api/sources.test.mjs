// Linking a dialogue to a Decidim participatory process: the link is kept with what is needed to
// read and write back, and its credentials are never shown again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startService, createDialogue, assertProblem, fieldsOf } from './harness.mjs';

let svc, id;
before(async () => { svc = await startService({ strictWebhooks: true }); id = (await createDialogue(svc)).id; });
after(async () => { await svc.close(); });

test('an editor links a process; the credentials are kept and never returned', async () => {
  const res = await svc.call('POST', `/v1/dialogues/${id}/sources`, {
    key: 'editor',
    body: { kind: 'decidim', base_url: 'https://delta.norrbotten.se/', process_id: 12, components: ['34'], credentials: { api_key: 'decidim-nyckel', api_secret: 'decidim-hemlighet' } },
  });
  assert.equal(res.status, 201, res.text);
  assert.equal(res.body.base_url, 'https://delta.norrbotten.se');
  assert.equal(res.body.process_id, '12');
  assert.equal(res.body.write_back, true);
  assert.ok(!res.text.includes('decidim-hemlighet') && !res.text.includes('decidim-nyckel'));
  const list = await svc.call('GET', `/v1/dialogues/${id}/sources`, { key: 'editor' });
  assert.equal(list.body.items.length, 1);
  assert.equal(list.body.items[0].last_sync, null);
  assert.ok(!list.text.includes('decidim-hemlighet'));
});

test('bad links are refused field by field; a private address written as digits too', async () => {
  const bad = await svc.call('POST', `/v1/dialogues/${id}/sources`, { key: 'editor', body: { kind: 'wordpress', base_url: 'ftp://x', credentials: { api_key: 'k' } } });
  assert.deepEqual(fieldsOf(bad).sort(), ['base_url', 'credentials.api_secret', 'kind', 'process_id']);
  const local = await svc.call('POST', `/v1/dialogues/${id}/sources`, { key: 'editor', body: { kind: 'decidim', base_url: 'http://127.0.0.1:3000', process_id: '1' } });
  assert.deepEqual(fieldsOf(local), ['base_url']);
  assertProblem(assert, await svc.call('POST', `/v1/dialogues/${id}/sources`, { key: 'portal', body: { kind: 'decidim', base_url: 'https://a.example.se', process_id: '1' } }), 403, 'forbidden');
  assertProblem(assert, await svc.call('GET', '/v1/dialogues/nope/sources', { key: 'editor' }), 404, 'not-found');
});
