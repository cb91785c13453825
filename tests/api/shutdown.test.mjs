// SIGTERM: stop accepting, finish what is in flight (with Connection: close), exit 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { freshDatabase, createKey, spawnServer, waitExit } from './harness.mjs';

test('a request in flight at SIGTERM is finished; the process exits 0', async () => {
  const db = freshDatabase();
  const key = createKey(db.url, 'editor', 'Test');
  const server = await spawnServer(db.url);
  try {
    const body = JSON.stringify({ title: 'Påbörjad före avstängning' });
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise((r) => socket.on('connect', r));
    let answer = '';
    socket.on('data', (c) => { answer += c; });
    const closed = new Promise((r) => socket.on('close', r));
    // Headers and half the body: the request has begun but is not complete.
    socket.write(`POST /v1/dialogues HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n` + body.slice(0, 10));
    await new Promise((r) => setTimeout(r, 150));
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    // Meanwhile new connections are refused.
    const refused = await new Promise((resolve) => {
      const s = net.connect(server.port, '127.0.0.1');
      s.on('connect', () => { s.destroy(); resolve(false); });
      s.on('error', () => resolve(true));
    });
    assert.ok(refused, 'no new connections after SIGTERM');
    socket.write(body.slice(10));
    await closed;
    assert.match(answer, /^HTTP\/1\.1 201 /);
    assert.match(answer, /Connection: close/i);
    assert.equal(await waitExit(server.child), 0);
  } finally {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    db.cleanup();
  }
});

test('idle keep-alive connections do not hold up shutdown', async () => {
  const db = freshDatabase();
  const server = await spawnServer(db.url);
  try {
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise((r) => socket.on('connect', r));
    socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((r) => socket.once('data', r));
    const started = Date.now();
    server.child.kill('SIGTERM');
    assert.equal(await waitExit(server.child), 0);
    assert.ok(Date.now() - started < 3000, 'exited promptly');
  } finally {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    db.cleanup();
  }
});
