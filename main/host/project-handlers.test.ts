// exportProject through the real dispatcher: progress, read-only hosts, cancel, bad paths.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgressEvent, RpcResult } from '../../app/contract';
import { openDatabase } from '../../db';
import { importProject, verifyProjectFile } from '../project/import-project';
import { createHost, type Host } from './create-host';
import { DATABASE_FILE, SAMPLE_SCENE_ID } from './services';

let root: string;
let host: Host;
beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'sw-host-project-'));
  host = await createHost({ dataDir: join(root, 'data'), transport: 'in-process', backupIntervalMs: 0 });
  await host.client.openScene({ sceneId: SAMPLE_SCENE_ID });
  await host.client.saveQaItem({ sceneId: SAMPLE_SCENE_ID, kind: 'distance', question: 'How far?', answer: 1.5, unit: 'm', instanceIds: [1, 2], status: 'verified' });
});
afterEach(async () => {
  await host.close();
  rmSync(root, { recursive: true, force: true });
});

const errorOf = (r: RpcResult) => (r.ok ? null : r.error);

describe('exportProject', () => {
  it('writes a project file that verifies and holds the saved item, with progress under the job id', async () => {
    const events: ProgressEvent[] = [];
    const off = host.events.on('progress', (e) => events.push(e));
    const file = join(root, 'out.swproj');
    const r = await host.client.exportProject({ path: file, jobId: 'export-1' });
    off();
    expect(r).toMatchObject({ file, scenes: 0, entries: [{ path: DATABASE_FILE }] });
    expect(events.every((e) => e.jobId === 'export-1')).toBe(true);
    expect(events.at(-1)).toMatchObject({ finished: true, label: `Exported ${file}` });
    expect((await verifyProjectFile(file)).sha256).toBe(r.sha256);
  });

  it('works from a read-only second host on the same folder', async () => {
    const second = await createHost({ dataDir: join(root, 'data'), transport: 'in-process', backupIntervalMs: 0 });
    try {
      expect((await second.client.appInfo()).readOnly).toBe(true);
      const file = join(root, 'second.swproj');
      await second.client.exportProject({ path: file });
      await importProject({ file, dataDir: join(root, 'copy') });
      const copy = openDatabase(join(root, 'copy', DATABASE_FILE));
      expect(copy.qaItems.list({ limit: 10, offset: 0 }).items.map((i) => i.question)).toEqual(['How far?']);
      copy.close();
    } finally {
      await second.close();
    }
  });

  it('stops on cancelJob leaving no file, and refuses a path without .swproj', async () => {
    const file = join(root, 'cancelled.swproj');
    const pending = host.dispatch('exportProject', { path: file, jobId: 'export-2' });
    expect(await host.client.cancelJob({ jobId: 'export-2' })).toEqual({ cancelled: true });
    expect(errorOf(await pending)).toMatchObject({ code: 'cancelled' });
    expect(readdirSync(root)).toEqual(['data']);
    expect(existsSync(file)).toBe(false);
    expect(errorOf(await host.dispatch('exportProject', { path: join(root, 'out.db') }))).toMatchObject({ code: 'invalid_input' });
  });
});
