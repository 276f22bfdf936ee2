// The import pipeline with its worker thread: progress from the worker, arrays transferred back,
// and a cancel mid-parse that terminates the worker and records nothing.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../app/contract/errors';
import { writePly } from '../../app/formats/ply/writePly';
import { openDatabase, type Store } from '../../db';
import { importScenePath, type ImportProgress } from './import-scene';
import type { ImportWorker } from './run-worker';
import { cachePath, readSceneCache, SCENES_DIR } from './scene-cache';
import { bundleImportWorker, type WorkerBundle } from './testing/worker-bundle';

let dir: string;
let dataDir: string;
let store: Store;
let bundle: WorkerBundle;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sw-import-worker-'));
  dataDir = join(dir, 'data');
  store = openDatabase(join(dir, 'test.db'));
  bundle = bundleImportWorker();
});
afterAll(() => {
  store?.close();
  bundle?.remove();
  rmSync(dir, { recursive: true, force: true });
});

const deps = () => ({ dataDir, scenes: store.scenes, workerScript: bundle.file });

/** n points on a 1000-wide grid, 10 mm apart, alternating between two instances. */
function cloud(name: string, n: number): string {
  const positions = new Float32Array(n * 3);
  const instance = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    positions[i * 3] = 100 + (i % 1000) * 0.01;
    positions[i * 3 + 1] = 200 + Math.floor(i / 1000) * 0.01;
    positions[i * 3 + 2] = i % 7;
    instance[i] = i % 2;
  }
  const file = join(dir, name);
  writeFileSync(file, writePly({ positions, colors: new Uint8Array(n * 3).fill(9), scalars: { instance } }));
  return file;
}

describe('importScenePath in a worker', () => {
  it('reports stages and bytes from the worker, and caches the transferred arrays', async () => {
    const seen: ImportProgress[] = [];
    const out = await importScenePath(cloud('grid.ply', 5000), deps(), { onProgress: (p) => seen.push(p) });
    expect(out.result).toMatchObject({ name: 'grid', format: 'ply', pointCount: 5000, instanceCount: 2, alreadyImported: false });
    const labels = seen.map((p) => p.label);
    expect(labels).toContain('Importing grid: parsing');
    expect(labels).toContain('Importing grid: summarising');
    expect(labels.some((l) => /^Importing grid: reading \(\d+ of \d+ MB\)$/.test(l))).toBe(true);
    // Progress only moves forward.
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
    const cached = await readSceneCache(dataDir, out.result.id);
    expect(cached.positions.length).toBe(15000);
    expect(cached.origin).toEqual([105, 200, 3]);
    expect(cached.positions[0]! + cached.origin[0]).toBeCloseTo(100, 4);
    expect(new Set(cached.instanceIds)).toEqual(new Set([0, 1]));
  });

  it('stops the worker once the hash shows the content is already imported', async () => {
    let worker: ImportWorker | undefined;
    const seen: string[] = [];
    const again = await importScenePath(join(dir, 'grid.ply'), deps(), { onWorker: (w) => (worker = w), onProgress: (p) => seen.push(p.label) });
    expect(again.result.alreadyImported).toBe(true);
    expect(worker!.thread.threadId).toBe(-1); // exited
    expect(seen).not.toContain('Importing grid: parsing');
  });

  it('a cancel during a large import terminates the worker and leaves no scene row or cache file', async () => {
    const file = cloud('large.ply', 3_000_000);
    const before = store.scenes.list().length;
    const cacheFiles = () => (existsSync(join(dataDir, SCENES_DIR)) ? readdirSync(join(dataDir, SCENES_DIR)) : []);
    const cachesBefore = cacheFiles();
    const controller = new AbortController();
    let worker: ImportWorker | undefined;
    let exited = false;
    const err = await importScenePath(file, deps(), {
      signal: controller.signal,
      onWorker: (w) => {
        worker = w;
        w.thread.once('exit', () => (exited = true));
      },
      // Cancel once the worker says it is parsing: the parse is then under way, off this thread.
      onProgress: (p) => p.label.endsWith(': parsing') && controller.abort(),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'cancelled', message: 'import of large cancelled' });
    expect(exited).toBe(true);
    expect(worker!.thread.threadId).toBe(-1);
    expect(store.scenes.list()).toHaveLength(before);
    expect(cacheFiles()).toEqual(cachesBefore);
    expect(store.scenes.list().some((s) => s.name === 'large')).toBe(false);
  });

  it('a bad file fails in the worker with the reader\'s error, naming the file', async () => {
    const file = join(dir, 'broken.ply');
    writeFileSync(file, 'ply\nformat ascii 1.0\nelement vertex 2\nproperty float x\nend_header\n1\n');
    const err = await importScenePath(file, deps()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'bad_file', message: expect.stringMatching(/^broken\.ply: /) });
    expect(existsSync(cachePath(dataDir, 'x'))).toBe(false);
  });
});
