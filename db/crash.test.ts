// Kills a writer with SIGKILL at random moments, many times, and checks that nothing it reported
// as committed is missing and that the file is sound. The writer is the real store code in a child
// process (see testing/crash-writer.ts).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './open';
import { bundleScript, type BundledScript } from './testing/bundle-script';

const KILLS = 50;

let writer: BundledScript;
let dir: string;
beforeAll(() => {
  writer = bundleScript(join(__dirname, 'testing/crash-writer.ts'));
  dir = mkdtempSync(join(tmpdir(), 'sw-crash-'));
});
afterAll(() => {
  rmSync(dirname(writer.file), { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

interface Reported {
  id: string;
  revision: number;
  status: string;
  deleted: number;
}

/** Runs the writer until it has committed something, lets it go on for a random moment, kills it. */
function runAndKill(file: string): Promise<{ lines: Reported[]; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [writer.file, file], { env: writer.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let stderr = '';
  let armed = false;
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.on('data', (d) => {
    out += d;
    if (armed) return;
    armed = true;
    // A random moment after the first commit: anywhere from mid-transaction to many commits later.
    setTimeout(() => child.kill('SIGKILL'), Math.random() * 40);
  });
  return new Promise((resolve) => {
    child.on('close', (_code, signal) => {
      // Only complete lines were reported; a line cut by the kill is not a claim.
      const complete = out.slice(0, out.lastIndexOf('\n') + 1).split('\n').filter(Boolean);
      const lines = complete.map((l) => {
        const [, id, revision, status, deleted] = l.split(' ');
        return { id: id!, revision: Number(revision), status: status!, deleted: Number(deleted) };
      });
      resolve({ lines, signal, stderr });
    });
  });
}

describe('crash safety', () => {
  it(`keeps every reported commit and a sound file through ${KILLS} SIGKILLs`, async () => {
    const file = join(dir, 'scenewright.db');
    const reported: Reported[] = [];
    for (let i = 0; i < KILLS; i++) {
      const run = await runAndKill(file);
      // Each run opens the file first, which runs integrity_check: a damaged file would end it early.
      expect(run.stderr).toBe('');
      expect(run.signal).toBe('SIGKILL');
      expect(run.lines.length).toBeGreaterThan(0);
      reported.push(...run.lines);
    }

    const store = openDatabase(file);
    try {
      expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(store.db.pragma('foreign_key_check')).toEqual([]);
      const revision = store.db.prepare<[string, number], { status: string; deleted: number }>(
        'SELECT status, deleted FROM qa_item_revisions WHERE item_id = ? AND revision = ?',
      );
      const missing = reported.filter((r) => {
        const row = revision.get(r.id, r.revision);
        return !row || row.status !== r.status || row.deleted !== r.deleted;
      });
      expect(missing).toEqual([]);
      // Item and revision are written in one transaction: each item points at its newest revision.
      const drift = store.db
        .prepare(
          `SELECT i.id FROM qa_items i JOIN (SELECT item_id, max(revision) AS top FROM qa_item_revisions GROUP BY item_id) r
             ON r.item_id = i.id WHERE r.top <> i.revision`,
        )
        .all();
      expect(drift).toEqual([]);
      expect(new Set(reported.map((r) => r.id)).size).toBeGreaterThan(KILLS);
    } finally {
      store.close();
    }
  });
});
