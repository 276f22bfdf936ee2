// mergeSortedEdges (point-graph.ts) on the WebAssembly kernel built from native/wasm/point-merge
// (dist/wasm/point-merge.wasm): the sorted edges are copied into kernel memory, both merging passes
// run there, and the roots come back. Same partition as the JS, which stays the reference and the
// fallback. Needs only the WebAssembly global (the host reads the bytes: main/segment/point-merger.ts).
import type { MeshEdges } from './edge-weights';
import { mergeSortedEdges, type SortedEdgeMerger } from './point-graph';
import { instantiateKernel } from './wasm-kernel';

/** The kernel's exports (see native/wasm/point-merge/index.ts for the memory layout). */
export interface PointMergeExports {
  memory: { buffer: ArrayBuffer };
  reserve(n: number, m: number): number;
  edgesAPtr(): number;
  edgesBPtr(): number;
  weightsPtr(): number;
  rootsPtr(): number;
  merge(n: number, m: number, kThresh: number, minSize: number): void;
}

const EXPORTS = ['reserve', 'edgesAPtr', 'edgesBPtr', 'weightsPtr', 'rootsPtr', 'merge'] as const;

/** Instantiates the kernel synchronously (it is about 1 KB). Throws when the bytes are not it. */
export function instantiatePointMerge(bytes: Uint8Array): PointMergeExports {
  return instantiateKernel<PointMergeExports>('point-merge kernel', bytes, EXPORTS);
}

/** mergeSortedEdges on the kernel; past 4 GiB of wasm memory the JS answers. */
export function wasmSortedEdgeMerger(kernel: PointMergeExports): SortedEdgeMerger {
  return (vertexCount: number, sorted: MeshEdges, kThresh: number, minSize: number): Int32Array => {
    const m = sorted.w.length;
    if (!kernel.reserve(vertexCount, m)) return mergeSortedEdges(vertexCount, sorted, kThresh, minSize);
    const buffer = kernel.memory.buffer; // after reserve: growing replaces the buffer
    new Int32Array(buffer, kernel.edgesAPtr(), m).set(sorted.a);
    new Int32Array(buffer, kernel.edgesBPtr(), m).set(sorted.b);
    new Float32Array(buffer, kernel.weightsPtr(), m).set(sorted.w);
    kernel.merge(vertexCount, m, Math.fround(kThresh), minSize);
    return new Int32Array(kernel.memory.buffer, kernel.rootsPtr(), vertexCount).slice();
  };
}
