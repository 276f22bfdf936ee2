// importScene through the real dispatcher: PLY files written to a temp dir, real SQLite, real cache.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEvent, RpcResult } from '../../app/contract';
import { writePly } from '../../app/formats/ply/writePly';
import { cachePath } from '../import/scene-cache';
import { bundleImportWorker, type WorkerBundle } from '../import/testing/worker-bundle';
import { createHost, type Host } from './create-host';
import { SAMPLE_SCENE_ID } from './services';

let dir: string;
let dataDir: string;
let host: Host;
let worker: WorkerBundle;

const start = () =>
  createHost({
    dataDir,
    transport: 'in-process',
    backupIntervalMs: 0,
    importWorker: worker.file,
    executionProvider: async () => ({ provider: 'none', reason: 'not probed in this test', fallbacks: [] }),
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-import-'));
  worker = bundleImportWorker();
  dataDir = join(dir, 'data');
  host = await start();
});
afterAll(async () => {
  await host?.close();
  worker?.remove();
  rmSync(dir, { recursive: true, force: true });
});

const errorOf = (r: RpcResult) => (r.ok ? null : r.error);

/** A 2×2×2 m survey-coordinate box of points: instance 1 in the lower half, 2 in the upper. */
function writeSurveyPly(name: string, n = 200): string {
  const positions = new Float32Array(n * 3);
  const instance = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    positions.set([1000 + (i % 10) * 0.2, 2000 + (Math.floor(i / 10) % 10) * 0.2, i < n / 2 ? 0.5 : 1.5], i * 3);
    instance[i] = i < n / 2 ? 1 : 2;
  }
  const file = join(dir, name);
  writeFileSync(file, writePly({ positions, scalars: { instance } }));
  return file;
}

describe('importScene over the contract', () => {
  it('imports a PLY with progress events, lists it after the sample room, and opens it from the cache', async () => {
    const file = writeSurveyPly('office.ply');
    const seen: ProgressEvent[] = [];
    const off = host.events.on('progress', (p) => seen.push(p));
    const result = await host.client.importScene({ path: file, jobId: 'job-1' });
    off();
    expect(result).toMatchObject({ name: 'office', format: 'ply', pointCount: 200, instanceCount: 2, alreadyImported: false, source: file });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((p) => p.jobId === 'job-1')).toBe(true);
    expect(seen.at(-1)).toMatchObject({ finished: true });
    expect(seen.map((p) => p.label)).toContain('Importing office: parsing');
    expect(existsSync(cachePath(dataDir, result.id))).toBe(true);

    const { scenes } = await host.client.listScenes();
    expect(scenes[0]!.id).toBe(SAMPLE_SCENE_ID);
    expect(scenes.find((s) => s.id === result.id)).toEqual({ id: result.id, name: 'office', source: file, format: 'ply', pointCount: 200, instanceCount: 2 });

    const opened = await host.client.openScene({ sceneId: result.id });
    expect(opened.scene).toMatchObject({ id: result.id, upAxis: 'z', pointCount: 200 });
    expect(opened.scene.origin[0]).toBe(1001);
    expect(opened.buffers.positions[0]! + opened.scene.origin[0]).toBeCloseTo(1000, 5);
    expect(opened.instances.map((i) => [i.id, i.pointCount])).toEqual([
      [1, 100],
      [2, 100],
    ]);
    expect(host.services.store.scenes.listInstances(result.id).every((i) => i.source === 'import')).toBe(true);
  });

  it('recognises the same content again, under another name, without a second row', async () => {
    const first = await host.client.importScene({ path: join(dir, 'office.ply') });
    const copy = join(dir, 'copy.ply');
    writeFileSync(copy, readFileSync(join(dir, 'office.ply')));
    const again = await host.client.importScene({ path: copy });
    expect(first.alreadyImported).toBe(true);
    expect(again).toMatchObject({ id: first.id, alreadyImported: true });
    expect(host.services.store.scenes.list().filter((s) => s.format === 'ply')).toHaveLength(1);
  });

  it('leaves no scene row and no cache file for a corrupt file, and names the file', async () => {
    const bytes = new Uint8Array(readFileSync(writeSurveyPly('cut.ply', 50)));
    const cut = join(dir, 'cut.ply');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 7));
    const before = host.services.store.scenes.list().length;
    const err = errorOf(await host.dispatch('importScene', { path: cut }));
    expect(err).toMatchObject({ code: 'bad_file', message: expect.stringMatching(/^cut\.ply: /) });
    expect(host.services.store.scenes.list()).toHaveLength(before);
    expect(readdirSync(join(dataDir, 'scenes')).filter((f) => !f.startsWith('.'))).toHaveLength(1);
    expect(errorOf(await host.dispatch('importScene', { path: join(dir, 'missing.ply') }))?.code).toBe('not_found');
  });

  it('cancels a running import by job id and records nothing', async () => {
    const file = writeSurveyPly('cancel-me.ply', 60);
    const before = host.services.store.scenes.list().length;
    const pending = host.dispatch('importScene', { path: file, jobId: 'job-cancel' });
    expect(await host.client.cancelJob({ jobId: 'job-cancel' })).toEqual({ cancelled: true });
    expect(errorOf(await pending)?.code).toBe('cancelled');
    expect(host.services.store.scenes.list()).toHaveLength(before);
    expect(await host.client.cancelJob({ jobId: 'job-cancel' })).toEqual({ cancelled: false });
  });

  it('a cancel while the worker parses a large file answers cancelled, with no scene row or cache file', async () => {
    const file = writeSurveyPly('large.ply', 2_000_000);
    const before = host.services.store.scenes.list().length;
    const caches = readdirSync(join(dataDir, 'scenes'));
    const seen: ProgressEvent[] = [];
    const off = host.events.on('progress', (p) => {
      seen.push(p);
      if (p.label === 'Importing large: parsing') void host.client.cancelJob({ jobId: 'job-large' });
    });
    const err = errorOf(await host.dispatch('importScene', { path: file, jobId: 'job-large' }));
    off();
    expect(err).toMatchObject({ code: 'cancelled', message: 'import of large cancelled' });
    expect(seen.map((p) => p.label)).toContain('Importing large: parsing');
    expect(seen.at(-1)).toMatchObject({ finished: true });
    expect(host.services.store.scenes.list()).toHaveLength(before);
    expect(readdirSync(join(dataDir, 'scenes'))).toEqual(caches);
  });

  it('refuses imports on a read-only host', async () => {
    const second = await start();
    try {
      expect(errorOf(await second.dispatch('importScene', { path: join(dir, 'office.ply') }))?.code).toBe('read_only');
    } finally {
      await second.close();
    }
  });

  it('serves imported scenes after a restart, from the cache', async () => {
    const id = host.services.store.scenes.list().find((s) => s.name === 'office')!.id;
    await host.close();
    host = await start();
    expect((await host.client.listScenes()).scenes.map((s) => s.id)).toContain(id);
    expect((await host.client.openScene({ sceneId: id })).scene.pointCount).toBe(200);
    rmSync(cachePath(dataDir, id));
    await host.close();
    host = await start();
    expect(errorOf(await host.dispatch('openScene', { sceneId: id }))).toMatchObject({ code: 'not_found', message: expect.stringContaining('import it again') });
  });
});
