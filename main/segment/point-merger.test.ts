// The point-merge WebAssembly kernel (dist/wasm/point-merge.wasm) gives the roots of app/segment's JS
// mergeSortedEdges: on random graphs full of equal weights and small components, with and without the
// small-component pass, and on a simulated room scan's sorted k-NN edges, where the superpoints cut
// with it are the JS path's. A missing build fails here with "run npm run build"; it does not skip.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeSortedEdges, sortEdgesByWeight } from '../../app/segment/point-graph';
import { instantiatePointMerge, wasmSortedEdgeMerger } from '../../app/segment/point-merge-wasm';
import { pointSuperpoints } from '../../app/segment/point-superpoints';
import { simulateScan } from '../../app/sample/scan-sim';
import { wasmKernelPath } from '../launch/paths';
import { compileOptimised } from './optimised-wasm';
import { parallelPointGraph } from './parallel-point-graph';
import { pointMerger } from './point-merger';

function kernelBytes(): Uint8Array {
  const path = wasmKernelPath('point-merge');
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build`);
  return readFileSync(path);
}

let seed = 3;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);

describe('point-merge wasm kernel', () => {
  const merge = wasmSortedEdgeMerger(compileOptimised(() => instantiatePointMerge(kernelBytes())));

  it('gives the JS roots on random graphs with many equal weights, for several thresholds and minimum sizes', () => {
    for (const [n, m] of [
      [1, 0],
      [50, 30],
      [4000, 12_000],
      [20_000, 90_000],
    ] as const) {
      const a = Int32Array.from({ length: m }, () => Math.floor(rand() * n));
      const b = Int32Array.from(a, (x) => (x + 1 + Math.floor(rand() * 40)) % n);
      // Weights on a coarse grid so that many tie, one rounded below zero.
      const w = Float32Array.from({ length: m }, () => Math.floor(rand() * 64) / 256);
      if (m > 0) w[0] = -1e-7;
      const sorted = sortEdgesByWeight({ a, b, w });
      for (const [kThresh, minSize] of [
        [0.05, 0],
        [0.05, 40],
        [0.3, 7],
        [1e-4, 2],
      ] as const) {
        expect([...merge(n, sorted, kThresh, minSize)]).toEqual([...mergeSortedEdges(n, sorted, kThresh, minSize)]);
      }
    }
  });

  it('cuts the same superpoints as the JS from a room scan, and the host loads it', async () => {
    const scan = simulateScan({ seed: 8, roomType: 'office', rays: 60_000, voxel: 0 }).scene;
    const parts = await parallelPointGraph(scan.positions, scan.colors, {}, { threads: 1 });
    const js = pointSuperpoints(scan.positions, scan.colors, {}, parts);
    const wasm = pointSuperpoints(scan.positions, scan.colors, {}, parts, merge);
    expect(js.count).toBeGreaterThan(20);
    expect(wasm.count).toBe(js.count);
    expect(Buffer.from(wasm.ids.buffer).equals(Buffer.from(js.ids.buffer))).toBe(true);
    expect(pointMerger().kind).toBe('wasm');
  }, 60_000);

  it('refuses bytes that are not the kernel', () => {
    expect(() => instantiatePointMerge(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))).toThrow(/no export "reserve"/);
  });
});
