// The grid k-NN queries (knnCells) on the WebAssembly kernel built from native/wasm/knn (dist/wasm/
// knn.wasm). Same rows as app/segment/knn.ts, which stays the reference and the fallback: the grid is
// planned here in JS (planKnn) and copied into kernel memory, the kernel answers a run of cells, and
// the rows are copied out into the graph. This module needs only the WebAssembly global (the host
// reads the bytes: main/segment/knn-kernel.ts), so it runs in Node and in browsers alike.
import { emptyKnnGraph, knnCells, planKnn, type KnnGraph, type KnnGrid, type KnnPlan } from './knn';
import { instantiateKernel } from './wasm-kernel';

/** The kernel's exports (see native/wasm/knn/index.ts for the memory layout). */
export interface KnnKernelExports {
  memory: { buffer: ArrayBuffer };
  reserve(n: number, cells: number, k: number, rows: number): number;
  xyzPtr(): number;
  startPtr(): number;
  orderPtr(): number;
  rowsIndexPtr(): number;
  rowsDistancePtr(): number;
  setGrid(minX: number, minY: number, minZ: number, h: number, nx: number, ny: number, nz: number): void;
  knnCells(cellFrom: number, cellTo: number): void;
}

const EXPORTS = ['reserve', 'xyzPtr', 'startPtr', 'orderPtr', 'rowsIndexPtr', 'rowsDistancePtr', 'setGrid', 'knnCells'] as const;

/** Instantiates the kernel (synchronously: the module is a few KB). Throws when the bytes are not it. */
export function instantiateKnnKernel(bytes: Uint8Array): KnnKernelExports {
  return instantiateKernel<KnnKernelExports>('knn kernel', bytes, EXPORTS);
}

/**
 * knnCells(plan, positions, out, cellFrom, cellTo) on the kernel: the same rows of `out`, written for
 * the points of those cells only. Past 4 GiB of wasm memory the JS, which has no such limit, answers.
 */
export function wasmKnnCells(kernel: KnnKernelExports, plan: KnnPlan, positions: Float32Array, out: KnnGraph, cellFrom: number, cellTo: number): void {
  const { k, grid } = plan;
  if (!grid || cellTo <= cellFrom) return;
  const first = grid.start[cellFrom]!;
  const rows = grid.start[cellTo]! - first;
  if (rows === 0) return;
  if (!loadGrid(kernel, plan.n, k, grid, rows)) {
    knnCells(plan, positions, out, cellFrom, cellTo);
    return;
  }
  kernel.knnCells(cellFrom, cellTo);
  // Row r of the kernel is the point order[first + r]; scatter into the graph's rows by point index.
  const buffer = kernel.memory.buffer;
  const rowsI = new Int32Array(buffer, kernel.rowsIndexPtr(), rows * k);
  const rowsD = new Float32Array(buffer, kernel.rowsDistancePtr(), rows * k);
  const { index, distanceSq } = out;
  const order = grid.order;
  for (let r = 0; r < rows; r++) {
    const to = order[first + r]! * k;
    const from = r * k;
    for (let j = 0; j < k; j++) {
      index[to + j] = rowsI[from + j]!;
      distanceSq[to + j] = rowsD[from + j]!;
    }
  }
}

/** knnGraph(positions, k) with the queries on the kernel: the same graph. */
export function wasmKnnGraph(kernel: KnnKernelExports, positions: Float32Array, k: number): KnnGraph {
  const plan = planKnn(positions, k);
  const graph = emptyKnnGraph(plan.n, k);
  if (plan.grid) wasmKnnCells(kernel, plan, positions, graph, 0, plan.grid.nx * plan.grid.ny * plan.grid.nz);
  return graph;
}

/** Lays kernel memory out and copies the grid in; false when it does not fit in wasm memory. */
function loadGrid(kernel: KnnKernelExports, n: number, k: number, grid: KnnGrid, rows: number): boolean {
  const cells = grid.nx * grid.ny * grid.nz;
  if (!kernel.reserve(n, cells, k, rows)) return false;
  const buffer = kernel.memory.buffer; // after reserve: growing replaces the buffer
  new Float64Array(buffer, kernel.xyzPtr(), 3 * n).set(grid.xyz);
  new Int32Array(buffer, kernel.startPtr(), cells + 1).set(grid.start);
  new Int32Array(buffer, kernel.orderPtr(), n).set(grid.order);
  kernel.setGrid(grid.minX, grid.minY, grid.minZ, grid.h, grid.nx, grid.ny, grid.nz);
  return true;
}
