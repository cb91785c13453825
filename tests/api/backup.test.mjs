// dialogd backup --to FILE under write load (SQLite only): every contribution acknowledged before
// the backup began is in the copy, with its receipt, and the copy serves again after a restore.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, STORE, startService, createDialogue, transition, spawnServer, waitExit } from './harness.mjs';

const run = promisify(execFile);
const skip = STORE !== 'sqlite' && 'backup copies SQLite stores; PostgreSQL uses pg_dump';
const dir = mkdtempSync(join(tmpdir(), 'dialogd-backup-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a backup taken under write load holds every write acknowledged before it began', { skip }, async () => {
  const svc = await startService();
  try {
    const d = await createDialogue(svc);
    for (const to of ['planned', 'preparing', 'in_dialogue']) assert.equal((await transition(svc, d.id, to)).status, 200);

    const acked = []; // [id, receipt, acknowledged at]
    let writing = true;
    let n = 0;
    const writer = async () => {
      while (writing) {
        const i = n++;
        const r = await svc.call('POST', `/v1/dialogues/${d.id}/contributions`, {
          key: 'portal', contract: false,
          body: { text: `Bidrag ${i}: bättre kollektivtrafik till vårdcentralen.`, channel: 'web' },
        });
        assert.equal(r.status, 201, r.text);
        acked.push([r.body.id, r.body.receipt, Date.now()]);
      }
    };
    const writers = [writer(), writer(), writer(), writer()];
    while (acked.length < 40) await new Promise((r) => setTimeout(r, 10));

    const copy = join(dir, 'copy.db');
    const before = acked.slice(); // acknowledged before the backup began
    await run(BIN, ['backup', '--db', svc.db.url, '--to', copy]);
    const during = acked.length;
    while (acked.length < during + 20) await new Promise((r) => setTimeout(r, 10));
    writing = false;
    await Promise.all(writers);

    assert.equal(execFileSync('sqlite3', [copy, 'PRAGMA integrity_check;'], { encoding: 'utf8' }).trim(), 'ok');
    const rows = new Map(execFileSync('sqlite3', ['-separator', '\t', copy, 'SELECT id, receipt FROM contributions;'], { encoding: 'utf8' })
      .trim().split('\n').map((l) => l.split('\t')));
    for (const [id, receipt] of before) assert.equal(rows.get(id), receipt, `contribution ${id} acknowledged before the backup is missing`);
    assert.ok(rows.size < acked.length, 'the copy is a snapshot, not the later store');

    // Restore: the copy is a store dialogd serves as it is.
    const restored = join(dir, 'restored.db');
    copyFileSync(copy, restored);
    const server = await spawnServer(`sqlite:${restored}`);
    try {
      const [id, receipt] = before[before.length - 1];
      const res = await fetch(`${server.base}/v1/receipts/${receipt}`);
      assert.equal(res.status, 200);
      assert.equal((await res.json()).receipt, receipt, `receipt of ${id}`);
    } finally {
      server.child.kill('SIGTERM');
      await waitExit(server.child);
    }
  } finally {
    await svc.close();
  }
});

test('backup refuses a PostgreSQL URL with a pointer to pg_dump', () => {
  assert.throws(() => execFileSync(BIN, ['backup', '--to', join(dir, 'x.db'), '--db', 'postgresql://localhost/x'], { stdio: 'pipe' }),
    (e) => e.status === 2 && /pg_dump/.test(e.stderr.toString()) && e.stderr.toString().trim().split('\n').length === 1);
});
