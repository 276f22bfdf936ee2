// The host copies the database on its schedule, keeping the newest ten.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEEP_BACKUPS, latestVersion, listBackups, openDatabase } from '../../db';
import { createHost, type Host } from './create-host';

let dataDir: string;
let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('scheduled backups', () => {
  it('writes sound copies into backups/ and keeps the newest ten', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sw-backups-'));
    host = await createHost({
      dataDir,
      transport: 'in-process',
      backupIntervalMs: 5,
      executionProvider: async () => ({ provider: 'none', reason: 'not probed in this test', fallbacks: [] }),
    });
    await host.client.saveQaItem({ sceneId: 'room', kind: 'distance', question: 'How far?', answer: 1, unit: 'm', instanceIds: [1, 2], status: 'verified' });
    const dir = join(dataDir, 'backups');
    const files = () => listBackups(dir).map((b) => b.file);
    await vi.waitFor(() => expect(files().length).toBeGreaterThan(0), { timeout: 30_000, interval: 10 });
    const first = files()[0]!;
    // Once the first copy is pruned, more than ten were taken.
    await vi.waitFor(() => expect(files()).not.toContain(first), { timeout: 30_000, interval: 10 });
    await host.close();
    const backups = listBackups(dir);
    expect(backups.length).toBe(KEEP_BACKUPS);
    expect(backups.every((b) => b.reason === 'scheduled' && b.version === latestVersion())).toBe(true);
    const copy = openDatabase(backups.at(-1)!.file, { readonly: true });
    try {
      expect(copy.qaItems.list({ limit: 10, offset: 0 }).total).toBe(1);
    } finally {
      copy.close();
    }
  });
});
