// The k-NN graph split across worker threads is byte for byte the single-thread one: on a simulated
// room scan, on clouds with duplicate points and ties, and on a line, with 2 and 3 threads; a worker
// that cannot start leaves the answer unchanged (the host answers its cells). The worker is bundled
// from its source here, as tools/build.js bundles it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knnGraph, planKnn, splitCells, type KnnGraph } from '../../app/segment/knn';
import { pointSuperpoints } from '../../app/segment/point-superpoints';
import { simulateScan } from '../../app/sample/scan-sim';
import { parallelKnnGraph } from './parallel-knn';
import { knnWorkerBundle } from './testing/knn-worker-bundle';

const worker = knnWorkerBundle('sw-knn-worker-');
beforeAll(() => worker.setUp(), 60_000);
afterAll(() => worker.tearDown());

const same = (a: KnnGraph, b: KnnGraph) => {
  expect(a.k).toBe(b.k);
  expect(Buffer.from(a.index.buffer, a.index.byteOffset, a.index.byteLength).equals(Buffer.from(b.index.buffer, b.index.byteOffset, b.index.byteLength))).toBe(true);
  expect(Buffer.from(a.distanceSq.buffer, a.distanceSq.byteOffset, a.distanceSq.byteLength).equals(Buffer.from(b.distanceSq.buffer, b.distanceSq.byteOffset, b.distanceSq.byteLength))).toBe(true);
};

describe('parallelKnnGraph', () => {
  const scan = simulateScan({ seed: 7, roomType: 'office', rays: 90_000, voxel: 0 }).scene;

  it('answers a room scan exactly as the single-thread search, with 2 and 3 threads', async () => {
    const positions = scan.positions;
    expect(positions.length / 3).toBeGreaterThan(40_000);
    const single = knnGraph(positions, 10);
    for (const threads of [2, 3]) {
      const runs: { parts: number; workerFailures: number }[] = [];
      same(await parallelKnnGraph(positions, 10, { threads, script: worker.script, onRun: (r) => runs.push(r) }), single);
      expect(runs).toEqual([{ parts: threads, workerFailures: 0 }]);
    }
    // And the superpoints cut from it are the same.
    const parallel = await parallelKnnGraph(positions, 10, { threads: 2, script: worker.script });
    expect(Array.from(pointSuperpoints(positions, scan.colors, {}, parallel).ids)).toEqual(Array.from(pointSuperpoints(positions, scan.colors).ids));
  }, 120_000);

  it('keeps ties and duplicates in the same order, and handles a line', async () => {
    // A 40×40×20 lattice, every point twice: many equal distances, broken by index.
    const lattice: number[] = [];
    for (let rep = 0; rep < 2; rep++) for (let x = 0; x < 40; x++) for (let y = 0; y < 40; y++) for (let z = 0; z < 20; z++) lattice.push(x * 0.01, y * 0.01, z * 0.01);
    const line = new Float32Array(3 * 30_000);
    for (let i = 0; i < 30_000; i++) line[3 * i] = Math.sqrt(i) * 0.001;
    for (const positions of [Float32Array.from(lattice), line]) {
      same(await parallelKnnGraph(positions, 8, { threads: 2, script: worker.script, minPoints: 0 }), knnGraph(positions, 8));
    }
  }, 120_000);

  it('answers alone when the worker cannot start, and splits cells by point count', async () => {
    const missing = join(worker.dir, 'no-such-worker.mjs');
    writeFileSync(join(worker.dir, 'broken-worker.mjs'), 'throw new Error("broken on purpose");\n');
    const positions = scan.positions;
    const single = knnGraph(positions, 6);
    const runs: { parts: number; workerFailures: number }[] = [];
    same(await parallelKnnGraph(positions, 6, { threads: 2, script: join(worker.dir, 'broken-worker.mjs'), onRun: (r) => runs.push(r) }), single);
    same(await parallelKnnGraph(positions, 6, { threads: 2, script: missing, onRun: (r) => runs.push(r) }), single);
    expect(runs).toEqual([
      { parts: 2, workerFailures: 1 },
      { parts: 2, workerFailures: 1 },
    ]);

    const plan = planKnn(positions, 6);
    const cuts = splitCells(plan, 2);
    const cells = plan.grid!.nx * plan.grid!.ny * plan.grid!.nz;
    expect(cuts[0]).toBe(0);
    expect(cuts[2]).toBe(cells);
    const firstHalf = plan.grid!.start[cuts[1]!]!;
    expect(Math.abs(firstHalf - plan.n / 2)).toBeLessThan(plan.n / 10);
  }, 120_000);
});
