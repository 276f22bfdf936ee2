// The host's grid k-NN queries: the WebAssembly kernel (dist/wasm/knn.wasm, built by `npm run build`)
// when it is there, else app/segment/knn.ts's JS. Both give identical rows; the kernel answers the
// bench's 250k-point scan about 1.4-1.6x faster on one thread. Each thread (the host and every k-NN
// worker) loads its own instance, once, from a path.
import { existsSync, readFileSync } from 'node:fs';
import { sep } from 'node:path';
import { knnCells, knnGraph, type KnnGraph, type KnnPlan } from '../../app/segment/knn';
import { instantiateKnnKernel, wasmKnnCells, wasmKnnGraph, type KnnKernelExports } from '../../app/segment/knn-wasm';
import { wasmKernelPath } from '../launch/paths';
import { compileOptimised } from './optimised-wasm';

/** 'wasm': the kernel (an error when it is not built); 'js': the reference; absent: the kernel when built. */
export type KnnImplementation = 'wasm' | 'js';

const loaded = new Map<string, KnnKernelExports>();

/** The kernel at `path`, instantiated once per thread. A file that is there but broken is an error. */
export function loadKnnKernel(path: string): KnnKernelExports {
  let kernel = loaded.get(path);
  if (kernel) return kernel;
  try {
    const bytes = readFileSync(path);
    kernel = compileOptimised(() => instantiateKnnKernel(bytes));
  } catch (err) {
    throw new Error(`${path}: ${err instanceof Error ? err.message : String(err)} (run npm run build)`);
  }
  loaded.set(path, kernel);
  return kernel;
}

/**
 * The kernel file the queries run on for `requested`, or null for the JS. Asking for 'wasm' when
 * dist/wasm/knn.wasm is missing is an error that says to build it.
 */
export function knnKernelFile(requested?: KnnImplementation): string | null {
  if (requested === 'js') return null;
  // Worker threads read it too, so it is the unpacked copy in a packaged app (electron-builder.yml).
  const path = wasmKernelPath('knn').replace(`app.asar${sep}`, `app.asar.unpacked${sep}`);
  if (existsSync(path)) return path;
  if (requested === 'wasm') throw new Error(`${path} is missing: run npm run build`);
  return null;
}

/** knnCells on the kernel at `kernelFile`, or the JS when it is null: the same rows. */
export function knnCellsWith(kernelFile: string | null, plan: KnnPlan, positions: Float32Array, out: KnnGraph, cellFrom: number, cellTo: number): void {
  if (kernelFile) wasmKnnCells(loadKnnKernel(kernelFile), plan, positions, out, cellFrom, cellTo);
  else knnCells(plan, positions, out, cellFrom, cellTo);
}

/** knnGraph(positions, k) on one thread, with the queries on the kernel when `kernelFile` is given. */
export function knnGraphWith(kernelFile: string | null, positions: Float32Array, k: number): KnnGraph {
  return kernelFile ? wasmKnnGraph(loadKnnKernel(kernelFile), positions, k) : knnGraph(positions, k);
}
