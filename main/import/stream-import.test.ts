// The worker's streaming path: a binary PLY point cloud parsed chunk by chunk while it is read gives
// the same cached scene as the whole-file path; a cancel while it is still reading stops the worker;
// LAZ imports through the injected laz-perf decoder as the same scene as its LAS twin.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../app/contract/errors';
import { writePly } from '../../app/formats/ply/writePly';
import { openDatabase, type Store } from '../../db';
import { encodeLaz } from '../formats/testing/laz-encoder';
import { syntheticLas } from '../formats/testing/synthetic-las';
import { importScenePath, type ImportProgress } from './import-scene';
import type { ImportWorker } from './run-worker';
import { readSceneCache } from './scene-cache';
import { bundleImportWorker, type WorkerBundle } from './testing/worker-bundle';

let dir: string;
let store: Store;
let bundle: WorkerBundle;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sw-stream-import-'));
  store = openDatabase(join(dir, 'test.db'));
  bundle = bundleImportWorker();
});
afterAll(() => {
  store?.close();
  bundle?.remove();
  rmSync(dir, { recursive: true, force: true });
});

/** Separate data dirs (and stores) per path: the same bytes would otherwise be "already imported". */
function deps(name: string) {
  const s = openDatabase(join(dir, `${name}.db`));
  return { dataDir: join(dir, name), scenes: s.scenes, workerScript: bundle.file, close: () => s.close() };
}

/** 1.5M points (≈ 29 MB, four 8 MB read chunks), rows split across the chunk boundary, survey-size coordinates. */
function bigCloud(): string {
  const n = 1_500_000;
  const positions = new Float32Array(n * 3);
  const colors = new Uint8Array(n * 3);
  const instance = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    positions[i * 3] = 4000 + (i % 1500) * 0.01;
    positions[i * 3 + 1] = -250 + Math.floor(i / 1500) * 0.01;
    positions[i * 3 + 2] = (i % 11) * 0.3;
    colors.set([i & 255, (i >> 8) & 255, 77], i * 3);
    instance[i] = (i >> 14) % 5 - 1;
  }
  const file = join(dir, 'big.ply');
  writeFileSync(file, writePly({ positions, colors, scalars: { instance } }));
  return file;
}

describe('streaming import', () => {
  it('a chunk-parsed PLY caches exactly the scene the whole-file path caches', async () => {
    const file = bigCloud();
    const a = deps('streamed');
    const b = deps('whole');
    try {
      const labels: ImportProgress[] = [];
      const streamed = await importScenePath(file, a, { onProgress: (p) => labels.push(p) });
      const whole = await importScenePath(file, b, { streaming: false });
      expect(streamed.result.pointCount).toBe(1_500_000);
      expect(streamed.result).toMatchObject({ ...whole.result, id: streamed.result.id });
      expect(streamed.report).toEqual(whole.report);
      const x = await readSceneCache(a.dataDir, streamed.result.id);
      const y = await readSceneCache(b.dataDir, whole.result.id);
      expect(x.origin).toEqual([4007, -245, 2]);
      // Byte comparison: a deep equal over millions of elements takes minutes.
      const bytesOf = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
      for (const k of ['positions', 'colors', 'instanceIds'] as const) expect(bytesOf(x[k]).equals(bytesOf(y[k])), k).toBe(true);
      const meta = ({ id: _i, positions: _p, colors: _c, instanceIds: _d, ...rest }: typeof x) => rest;
      expect(meta(x)).toEqual(meta(y));
      expect(x.normals).toBeUndefined();
      // Reading progress arrives per chunk, ending at the whole file.
      const reading = labels.filter((p) => p.label.includes(': reading ('));
      expect(reading.length).toBeGreaterThanOrEqual(1);
      expect(reading.at(-1)!.done).toBe(1);
    } finally {
      a.close();
      b.close();
    }
  });

  it('a cancel while the file is still being read and parsed stops the worker', async () => {
    const file = join(dir, 'big.ply');
    const d = deps('cancel');
    const controller = new AbortController();
    let worker: ImportWorker | undefined;
    try {
      // Abort as soon as the worker has started: it is then inside its read-and-parse loop.
      const err = await importScenePath(file, d, { signal: controller.signal, onWorker: (w) => ((worker = w), setImmediate(() => controller.abort())) }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'cancelled' });
      expect(worker!.thread.threadId).toBe(-1);
      expect(d.scenes.list()).toHaveLength(0);
    } finally {
      d.close();
    }
  });

  it('LAZ imports as the same scene as its LAS twin, recorded as laz', async () => {
    // The same generated points as LAS and as LAZ (our test encoder, main/formats/testing).
    const lasBytes = syntheticLas({ format: 2, points: 1065, seed: 4 });
    const lazBytes = encodeLaz(lasBytes, { chunkSize: 500 });
    writeFileSync(join(dir, 'pc.laz'), lazBytes);
    writeFileSync(join(dir, 'pc.las'), lasBytes);
    const d = deps('laz');
    try {
      const laz = await importScenePath(join(dir, 'pc.laz'), d);
      const las = await importScenePath(join(dir, 'pc.las'), d);
      expect(laz.result).toMatchObject({ format: 'laz', pointCount: 1065, alreadyImported: false });
      expect(las.result).toMatchObject({ format: 'las', pointCount: 1065, alreadyImported: false });
      const x = await readSceneCache(d.dataDir, laz.result.id);
      const y = await readSceneCache(d.dataDir, las.result.id);
      expect(x.positions).toEqual(y.positions);
      expect(x.colors).toEqual(y.colors);
      expect(x.origin).toEqual(y.origin);
      // A truncated LAZ fails in the worker with the reader's typed error.
      writeFileSync(join(dir, 'cut.laz'), lazBytes.subarray(0, 5000));
      const err = await importScenePath(join(dir, 'cut.laz'), d).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'bad_file', message: expect.stringMatching(/^cut\.laz: byte 5000: expected the chunk table at byte \d+/) });
    } finally {
      d.close();
    }
  });
});
