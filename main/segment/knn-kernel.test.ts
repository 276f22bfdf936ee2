// The WebAssembly k-NN kernel (dist/wasm/knn.wasm) gives byte for byte the rows of app/segment/knn.ts's
// JS: on clouds with duplicate points and ties, with dense clusters and far outliers (which go on to
// the ring search), on a line, by runs of cells, on worker threads; the superpoints cut from its graph
// are the JS path's. A missing build fails here with "run npm run build"; it does not skip.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyKnnGraph, knnGraph, planKnn, splitCells, type KnnGraph } from '../../app/segment/knn';
import { instantiateKnnKernel, wasmKnnCells, wasmKnnGraph } from '../../app/segment/knn-wasm';
import { pointSuperpoints } from '../../app/segment/point-superpoints';
import { simulateScan } from '../../app/sample/scan-sim';
import { wasmKernelPath } from '../launch/paths';
import { knnKernelFile, loadKnnKernel } from './knn-kernel';
import { parallelPointGraph } from './parallel-point-graph';
import { knnWorkerBundle } from './testing/knn-worker-bundle';

function kernelBytes(): Uint8Array {
  const path = wasmKernelPath('knn');
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build`);
  return readFileSync(path);
}

const worker = knnWorkerBundle('sw-knn-kernel-');
beforeAll(() => worker.setUp(), 60_000);
afterAll(() => worker.tearDown());

const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const expectSame = (ours: KnnGraph, reference: KnnGraph) => {
  expect(ours.k).toBe(reference.k);
  expect(bytes(ours.index).equals(bytes(reference.index))).toBe(true);
  expect(bytes(ours.distanceSq).equals(bytes(reference.distanceSq))).toBe(true);
};

function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

describe('k-NN wasm kernel', () => {
  const kernel = instantiateKnnKernel(kernelBytes());

  it('gives the JS rows where distances tie and points repeat', () => {
    // A lattice with every point three times, and random points snapped to a coarse lattice.
    const lattice: number[] = [];
    for (let rep = 0; rep < 3; rep++) for (let x = 0; x < 30; x++) for (let y = 0; y < 30; y++) for (let z = 0; z < 8; z++) lattice.push(x * 0.01, y * 0.01, z * 0.01);
    const rand = lcg(99);
    const snapped = Float32Array.from({ length: 3 * 5000 }, () => Math.floor(rand() * 8) * 0.25);
    for (const positions of [Float32Array.from(lattice), snapped]) {
      for (const k of [1, 7, 10, 16]) {
        const js = knnGraph(positions, k);
        expectSame(wasmKnnGraph(kernel, positions, k), js);
      }
    }
    // Sanity on the reference itself: the snapped cloud really has rows full of ties.
    const g = knnGraph(snapped, 10);
    expect(g.distanceSq[0]).toBe(0);
    expect(g.distanceSq[9]).toBe(0);
  });

  it('gives the JS rows with dense clusters, a sparse plane and far outliers (the ring search), and on a line', () => {
    const rand = lcg(7);
    const pts: number[] = [];
    for (let i = 0; i < 3000; i++) pts.push(rand() * 4, rand() * 4, 0);
    for (const [cx, cy] of [[1, 1], [3, 2], [2, 3.5]]) for (let i = 0; i < 2000; i++) pts.push(cx! + rand() * 0.05, cy! + rand() * 0.05, rand() * 0.05);
    pts.push(40, 40, 10, -30, 5, 2, 0.5, 0.5, 25, 40, 40, 10);
    const line = new Float32Array(3 * 20_000);
    for (let i = 0; i < 20_000; i++) line[3 * i] = Math.sqrt(i) * 0.001;
    for (const positions of [Float32Array.from(pts), line]) {
      for (const k of [1, 10, 16]) expectSame(wasmKnnGraph(kernel, positions, k), knnGraph(positions, k));
    }
    // Fewer than k + 1 points: rows padded with -1 and Infinity, as the JS pads them.
    const two = Float32Array.from([0, 0, 0, 1, 0, 0]);
    expectSame(wasmKnnGraph(kernel, two, 3), knnGraph(two, 3));
    expect([...wasmKnnGraph(kernel, two, 3).index]).toEqual([1, -1, -1, 0, -1, -1]);
    expectSame(wasmKnnGraph(kernel, Float32Array.from([1, 2, 3]), 4), knnGraph(Float32Array.from([1, 2, 3]), 4));
  });

  it('answers runs of cells into one graph, each run writing only its own rows', () => {
    const scan = simulateScan({ seed: 3, roomType: 'office', rays: 30_000, voxel: 0 }).scene;
    const positions = scan.positions;
    const plan = planKnn(positions, 10);
    const cuts = splitCells(plan, 3);
    const out = emptyKnnGraph(plan.n, 10);
    // The runs out of order: the rows do not depend on what ran before (the kernel's memory is reused).
    for (const t of [2, 0, 1]) wasmKnnCells(kernel, plan, positions, out, cuts[t]!, cuts[t + 1]!);
    expectSame(out, knnGraph(positions, 10));
    const part = emptyKnnGraph(plan.n, 10);
    wasmKnnCells(kernel, plan, positions, part, cuts[1]!, cuts[2]!);
    const own = new Set(plan.grid!.order.subarray(plan.grid!.start[cuts[1]!]!, plan.grid!.start[cuts[2]!]!));
    for (let i = 0; i < plan.n; i++) expect(part.index[10 * i]! >= 0).toBe(own.has(i));
  });

  it('cuts the same superpoints on worker threads and on one thread as the JS path', async () => {
    const { positions, colors } = simulateScan({ seed: 5, roomType: 'bedroom', rays: 60_000, voxel: 0 }).scene;
    const reference = pointSuperpoints(positions, colors).ids;
    const js = await parallelPointGraph(positions, colors, {}, { threads: 2, script: worker.script, implementation: 'js' });
    for (const threads of [1, 2]) {
      const runs: { parts: number; workerFailures: number }[] = [];
      const parts = await parallelPointGraph(positions, colors, {}, { threads, script: worker.script, implementation: 'wasm', onRun: (r) => runs.push(r) });
      expect(runs).toEqual([{ parts: threads, workerFailures: 0 }]);
      expectSame(parts.graph, js.graph);
      expect(bytes(parts.normals).equals(bytes(js.normals))).toBe(true);
      expect(bytes(pointSuperpoints(positions, colors, {}, parts).ids).equals(bytes(reference))).toBe(true);
    }
  }, 120_000);

  it('names the build step when the kernel file is broken, and uses the built file by default', () => {
    const bad = join(worker.dir, 'knn.wasm');
    writeFileSync(bad, 'not a wasm module');
    expect(() => loadKnnKernel(bad)).toThrow(/knn\.wasm: .*run npm run build/);
    expect(knnKernelFile()).toBe(wasmKernelPath('knn'));
    expect(knnKernelFile('wasm')).toBe(wasmKernelPath('knn'));
    expect(knnKernelFile('js')).toBeNull();
  });
});
