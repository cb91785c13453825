// Resource caps: connections in all and per address, and a slow client cut off by the read
// deadline while others are answered meanwhile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { freshDatabase, spawnServer, waitExit } from './harness.mjs';

const port = (base) => Number(new URL(base).port);
function open(p) {
  return new Promise((resolve) => {
    const s = net.connect(p, '127.0.0.1');
    s.on('connect', () => resolve(s));
    s.on('error', () => resolve(s));
  });
}
// Sends one request on the socket and resolves with the status, or 'closed'.
function ask(s) {
  return new Promise((resolve) => {
    let data = '';
    const done = (v) => { s.removeAllListeners('data'); resolve(v); };
    s.on('data', (d) => { data += d; if (data.includes('\r\n\r\n')) done(Number(data.split(' ')[1])); });
    s.on('close', () => done('closed'));
    s.on('error', () => done('closed'));
    s.write('GET /v1/ladder HTTP/1.1\r\nHost: x\r\n\r\n');
  });
}

test('connections over the per-address cap are closed; a freed place is taken again', async () => {
  const db = freshDatabase();
  const server = await spawnServer(db.url, { args: ['--max-connections-per-address', '4', '--no-access-log'] });
  try {
    const p = port(server.base);
    const held = [];
    for (let i = 0; i < 4; i++) {
      const s = await open(p);
      assert.equal(await ask(s), 200);
      held.push(s);
    }
    const fifth = await open(p);
    assert.equal(await ask(fifth), 'closed');
    held.pop().destroy();
    await new Promise((r) => setTimeout(r, 100));
    const again = await open(p);
    assert.equal(await ask(again), 200);
    for (const s of [...held, again]) s.destroy();
  } finally { server.child.kill('SIGTERM'); await waitExit(server.child); db.cleanup(); }
});

test('a client sending a byte a second is cut off by the deadline; others are answered meanwhile', async () => {
  const db = freshDatabase();
  const server = await spawnServer(db.url, { args: ['--read-timeout-ms', '1500', '--no-access-log'] });
  try {
    const p = port(server.base);
    const slow = await open(p);
    let closed = false;
    slow.on('close', () => { closed = true; });
    slow.on('error', () => {});
    const request = 'GET /v1/ladder HTTP/1.1\r\nHost: x\r\n\r\n';
    let i = 0;
    const drip = setInterval(() => { if (!closed && i < request.length) slow.write(request[i++]); }, 1000);
    const started = Date.now();
    for (let n = 0; n < 5; n++) {
      const res = await fetch(`${server.base}/v1/ladder`);
      assert.equal(res.status, 200);
    }
    assert.ok(Date.now() - started < 1000, 'others are not kept waiting');
    while (!closed && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 100));
    clearInterval(drip);
    assert.ok(closed, 'the slow client was cut off');
    assert.ok(Date.now() - started < 4000);
  } finally { server.child.kill('SIGTERM'); await waitExit(server.child); db.cleanup(); }
});
