// Rate limits: receipt lookups and public requests per client address, requests per key; 429 with
// Retry-After and the IETF RateLimit headers; X-Forwarded-For believed only from the trusted proxy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDatabase, createKey, spawnServer, waitExit } from './harness.mjs';
import { validateResponse } from './contract.mjs';

async function withServer(args, fn) {
  const db = freshDatabase();
  const key = createKey(db.url, 'editor', 'Begränsad');
  const server = await spawnServer(db.url, { args: ['--no-access-log', ...args], rateLimits: true });
  try { await fn(server, key); } finally { server.child.kill('SIGTERM'); await waitExit(server.child); db.cleanup(); }
}
async function get(server, path, headers = {}) {
  const res = await fetch(server.base + path, { headers });
  const text = await res.text();
  const answer = { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : undefined };
  validateResponse('GET', path, answer);
  return answer;
}

test('receipt lookups per address: the 6th in a minute is 429 with Retry-After and RateLimit headers', async () => {
  await withServer(['--rate-receipts', '5'], async (server) => {
    for (let i = 0; i < 5; i++) assert.equal((await get(server, '/v1/receipts/AAAA-BBBB-CCCC')).status, 404);
    const limited = await get(server, '/v1/receipts/AAAA-BBBB-CCCC');
    assert.equal(limited.status, 429);
    assert.equal(limited.body.type.split('/').pop(), 'rate-limited');
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal(limited.headers.get('ratelimit-policy'), '"receipts";q=5;w=60');
    assert.match(limited.headers.get('ratelimit'), /^"receipts";r=0;t=\d+$/);
    assert.equal((await get(server, '/v1/dialogues')).status, 200, 'other public reads have their own budget');
  });
});

test('public requests per address and requests per key have separate budgets; 0 turns a limit off', async () => {
  await withServer(['--rate-public', '3', '--rate-key', '4', '--rate-receipts', '0'], async (server, key) => {
    for (let i = 0; i < 3; i++) assert.equal((await get(server, '/v1/dialogues')).status, 200);
    assert.equal((await get(server, '/v1/dialogues')).status, 429);
    const auth = { authorization: `Bearer ${key}` };
    for (let i = 0; i < 4; i++) assert.equal((await get(server, '/v1/dialogues', auth)).status, 200);
    const limited = await get(server, '/v1/dialogues', auth);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('ratelimit-policy'), '"key";q=4;w=60');
    for (let i = 0; i < 10; i++) assert.equal((await get(server, '/v1/receipts/AAAA-BBBB-CCCC')).status, 404);
  });
});

test('X-Forwarded-For counts only when it comes from the trusted proxy', async () => {
  await withServer(['--rate-public', '2', '--trusted-proxy', '127.0.0.1'], async (server) => {
    const from = (ip) => ({ 'x-forwarded-for': `203.0.113.9, ${ip}` });
    for (let i = 0; i < 2; i++) assert.equal((await get(server, '/v1/dialogues', from('198.51.100.1'))).status, 200);
    assert.equal((await get(server, '/v1/dialogues', from('198.51.100.1'))).status, 429);
    assert.equal((await get(server, '/v1/dialogues', from('198.51.100.2'))).status, 200, 'another citizen behind the proxy');
  });
  await withServer(['--rate-public', '2'], async (server) => {
    for (let i = 0; i < 2; i++) assert.equal((await get(server, '/v1/dialogues', { 'x-forwarded-for': `198.51.100.${i}` })).status, 200);
    assert.equal((await get(server, '/v1/dialogues', { 'x-forwarded-for': '198.51.100.77' })).status, 429, 'a forged header changes nothing');
  });
});
