// When the database goes away, /health answers 503 and requests get 503 problems; when it comes
// back, the pool reconnects by itself. PostgreSQL only: an SQLite file does not go away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { STORE, freshDatabase, spawnServer, waitExit } from './harness.mjs';

const pgOnly = STORE === 'postgresql' ? test : test.skip;

pgOnly('health is 503 while the store is unreachable, and recovers', async () => {
  const db = freshDatabase();
  const name = new URL(db.url).pathname.slice(1);
  const admin = process.env.DIALOGD_TEST_PG;
  const sql = (q) => execFileSync('psql', [admin, '-q', '-c', q], { stdio: 'pipe' });
  const server = await spawnServer(db.url, { args: ['--db-threads', '2', '--no-access-log'] });
  try {
    assert.equal((await fetch(`${server.base}/health`)).status, 200);
    // Refuse new connections to this database and cut the ones dialogd holds.
    sql(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
    sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${server.base}/health`);
      assert.equal(res.status, 503);
      const body = await res.json();
      assert.ok(body.type.endsWith('/store-unavailable'));
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
    }
    const list = await fetch(`${server.base}/v1/dialogues`);
    assert.equal(list.status, 503);
    sql(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
    let status = 0;
    for (let i = 0; i < 4 && status !== 200; i++) status = (await fetch(`${server.base}/health`)).status;
    assert.equal(status, 200, 'the pool reconnected');
  } finally {
    sql(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
    server.child.kill('SIGTERM');
    await waitExit(server.child);
  }
});
