// The host's merging of point-cloud superpoints over sorted edges: the WebAssembly kernel
// (dist/wasm/point-merge.wasm, built by `npm run build`) when it is there, else app/segment's JS
// mergeSortedEdges. Both give the same roots.
import { existsSync, readFileSync } from 'node:fs';
import { mergeSortedEdges, type SortedEdgeMerger } from '../../app/segment/point-graph';
import { instantiatePointMerge, wasmSortedEdgeMerger } from '../../app/segment/point-merge-wasm';
import { wasmKernelPath } from '../launch/paths';
import { compileOptimised } from './optimised-wasm';

let cached: { merge: SortedEdgeMerger; kind: 'wasm' | 'js' } | undefined;

/** Loads once per process. A wasm file that is present but broken is an error, not a silent fallback. */
export function pointMerger(): { merge: SortedEdgeMerger; kind: 'wasm' | 'js' } {
  if (cached) return cached;
  const path = wasmKernelPath('point-merge');
  if (!existsSync(path)) return (cached = { merge: mergeSortedEdges, kind: 'js' });
  try {
    const bytes = readFileSync(path);
    return (cached = { merge: wasmSortedEdgeMerger(compileOptimised(() => instantiatePointMerge(bytes))), kind: 'wasm' });
  } catch (err) {
    throw new Error(`${path}: ${err instanceof Error ? err.message : String(err)} (run npm run build)`);
  }
}
