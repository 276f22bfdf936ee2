// chooseImportPath through a real host: which transports get the native dialog, and the dialog's
// options per platform (Electron itself is not installed here; its dialog is its own code).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../host/create-host';
import { openDialogOptions } from './open-dialog';

let dir: string;
let host: Host;
const asked: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-dialog-'));
  host = await createHost({
    dataDir: dir,
    transport: 'in-process',
    backupIntervalMs: 0,
    executionProvider: async () => ({ provider: 'none', reason: 'not probed in this test', fallbacks: [] }),
    chooseImportPath: async (kind) => {
      asked.push(kind);
      return kind === 'folder' ? null : '/scans/room.ply';
    },
  });
});
afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('chooseImportPath', () => {
  it('answers unsupported over the web bridge and in-process, without opening a dialog', async () => {
    for (const transport of ['web', 'in-process'] as const) {
      const r = await host.dispatch('chooseImportPath', {}, { transport });
      expect(r).toMatchObject({ ok: true, value: { supported: false, path: null } });
      if (r.ok) expect((r.value as { reason: string }).reason).toContain(transport);
    }
    expect(asked).toEqual([]);
  });

  it('opens the dialog for the Electron window; a cancelled dialog is a null path', async () => {
    expect(await host.dispatch('chooseImportPath', { kind: 'file' }, { transport: 'electron' })).toEqual({ ok: true, value: { supported: true, path: '/scans/room.ply' } });
    expect(await host.dispatch('chooseImportPath', { kind: 'folder' }, { transport: 'electron' })).toEqual({ ok: true, value: { supported: true, path: null } });
    expect(asked).toEqual(['file', 'folder']);
    const bad = await host.dispatch('chooseImportPath', { kind: 'disk' }, { transport: 'electron' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('asks for files and folders in one dialog only where the platform has one', () => {
    expect(openDialogOptions('any', 'darwin').properties).toEqual(['openFile', 'openDirectory']);
    expect(openDialogOptions('any', 'linux').properties).toEqual(['openFile']);
    expect(openDialogOptions('folder', 'win32').properties).toEqual(['openDirectory']);
    expect(openDialogOptions('file', 'darwin').properties).toEqual(['openFile']);
  });
});
