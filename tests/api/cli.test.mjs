// The dialogd executable: subcommands, flags, environment, and clear failures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { BIN, freshDatabase, createKey, spawnServer, waitExit, STORE } from './harness.mjs';

const run = (args, env = {}) => spawnSync(BIN, args, { encoding: 'utf8', env: { ...process.env, ...env } });

test('--version and --help', () => {
  const v = run(['--version']);
  assert.equal(v.status, 0);
  assert.match(v.stdout, /^dialogd \d+\.\d+\.\d+\n$/);
  const h = run(['--help']);
  assert.equal(h.status, 0);
  for (const word of ['serve', 'keys create', 'keys list', 'keys revoke', 'migrate', '--port', '--bind', '--db', 'DIALOGD_DB'])
    assert.ok(h.stdout.includes(word), word);
});

test('a wrong flag or command prints one clear line and exits non-zero', () => {
  for (const args of [['serve', '--prot', '1'], ['frobnicate'], ['serve', '--port', 'abc'], ['keys', 'create', '--role', 'king', '--db', 'sqlite:/tmp/x.db']]) {
    const r = run(args);
    assert.notEqual(r.status, 0, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^dialogd: /);
  }
});

test('an unusable database prints one clear line and exits non-zero', () => {
  for (const db of ['sqlite:/nonexistent-dir/sub/x.db', 'mysql://x', 'postgresql://nobody@127.0.0.1:1/none']) {
    const r = run(['serve', '--port', '0', '--db', db]);
    assert.notEqual(r.status, 0, db);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^dialogd: /);
  }
});

test('keys create prints the key alone on the last line; list and revoke', async () => {
  const db = freshDatabase();
  try {
    const made = run(['keys', 'create', '--role', 'editor', '--name', 'Beredning Nord', '--db', db.url]);
    assert.equal(made.status, 0, made.stderr);
    const lines = made.stdout.trim().split('\n');
    const key = lines[lines.length - 1];
    assert.match(key, /^dlg_[0-9a-f]{40}$/, 'at least 128 random bits');
    const list = run(['keys', 'list', '--db', db.url]);
    assert.equal(list.status, 0);
    assert.ok(!list.stdout.includes(key), 'the key itself is never shown again');
    const row = list.stdout.split('\n').find((l) => l.includes('Beredning Nord'));
    assert.match(row, /\teditor\t.*\tactive$/);
    const id = row.split('\t')[0];

    const server = await spawnServer(db.url);
    try {
      const post = () => fetch(`${server.base}/v1/dialogues`, {
        method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Nyckeltest' }),
      });
      assert.equal((await post()).status, 201);
      const revoked = run(['keys', 'revoke', id, '--db', db.url]);
      assert.equal(revoked.status, 0, revoked.stderr);
      assert.equal((await post()).status, 401, 'a revoked key is refused at once');
      assert.notEqual(run(['keys', 'revoke', id, '--db', db.url]).status, 0, 'revoking twice fails');
    } finally {
      server.child.kill('SIGTERM');
      await waitExit(server.child);
    }
  } finally {
    db.cleanup();
  }
});

test('settings come from the environment when no flag is given', async () => {
  const db = freshDatabase();
  try {
    const server = await spawnServer(db.url, { env: { DIALOGD_BIND: '127.0.0.1' } });
    const health = await (await fetch(`${server.base}/health`)).json();
    assert.equal(health.store, STORE);
    server.child.kill('SIGTERM');
    await waitExit(server.child);
  } finally {
    db.cleanup();
  }
});

test('migrate is idempotent; a newer schema refuses to start', async () => {
  const db = freshDatabase();
  try {
    const first = run(['migrate', '--db', db.url]);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /schema at version \d+/);
    const second = run(['migrate', '--db', db.url]);
    assert.match(second.stdout, /\(was (\d+)\)/);
    const version = Number(first.stdout.match(/version (\d+)/)[1]);
    assert.equal(Number(second.stdout.match(/\(was (\d+)\)/)[1]), version);
    // Pretend a newer dialogd migrated this database.
    if (STORE === 'postgresql') {
      spawnSync('psql', [db.url, '-q', '-c', "INSERT INTO schema_migrations VALUES (999, 'future', 'x')"]);
    } else {
      spawnSync('sqlite3', [db.url.slice(7), "INSERT INTO schema_migrations VALUES (999, 'future', 'x')"]);
    }
    const refused = run(['serve', '--port', '0', '--db', db.url]);
    assert.notEqual(refused.status, 0);
    assert.match(refused.stderr, /schema is at version 999.*upgrade dialogd/);
  } finally {
    db.cleanup();
  }
});
