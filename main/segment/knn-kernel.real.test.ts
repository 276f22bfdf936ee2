// The WebAssembly k-NN kernel on ScanNet scene0000_00's 81,369 mesh vertices taken as a point cloud:
// byte for byte the JS neighbour rows (k = 10, the superpoints' k, and k = 16), and the same superpoint
// ids through the host's point-graph path with the kernel on and off. A missing build fails with
// "run npm run build".
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPly } from '../../app/formats/ply/readPly';
import { knnGraph } from '../../app/segment/knn';
import { instantiateKnnKernel, wasmKnnGraph } from '../../app/segment/knn-wasm';
import { pointSuperpoints } from '../../app/segment/point-superpoints';
import { sharedDataDir, wasmKernelPath } from '../launch/paths';
import { closeKnnWorkers } from './parallel-knn';
import { parallelPointGraph } from './parallel-point-graph';

const meshFile = join(sharedDataDir(), 'scannet/scene0000_00/scene0000_00_vh_clean_2.ply');

function kernelBytes(): Uint8Array {
  const path = wasmKernelPath('knn');
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build`);
  return readFileSync(path);
}

const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('k-NN wasm kernel on ScanNet scene0000_00', () => {
  const kernel = instantiateKnnKernel(kernelBytes());
  const ply = readPly(readFileSync(meshFile), { fileName: meshFile });
  afterAll(closeKnnWorkers);

  it('gives every vertex the JS neighbour rows, same order, same squared distances', () => {
    expect(ply.positions.length / 3).toBe(81_369);
    for (const k of [10, 16]) {
      const js = knnGraph(ply.positions, k);
      const wasm = wasmKnnGraph(kernel, ply.positions, k);
      const rowsEqual = js.index.filter((id, s) => id === wasm.index[s]).length;
      expect(rowsEqual).toBe(js.index.length);
      expect(bytes(wasm.distanceSq).equals(bytes(js.distanceSq))).toBe(true);
      // Every row is full: the scan has far more than k points.
      expect(js.index.every((id) => id >= 0)).toBe(true);
    }
  });

  it('cuts the same superpoints with the kernel on as with the JS', async () => {
    const colors = ply.colors;
    const js = await parallelPointGraph(ply.positions, colors, {}, { threads: 1, implementation: 'js' });
    const wasm = await parallelPointGraph(ply.positions, colors, {}, { threads: 1, implementation: 'wasm' });
    const ids = pointSuperpoints(ply.positions, colors, {}, wasm).ids;
    const reference = pointSuperpoints(ply.positions, colors, {}, js).ids;
    expect(new Set(ids).size).toBeGreaterThan(100);
    expect(bytes(ids).equals(bytes(reference))).toBe(true);
  });
});
