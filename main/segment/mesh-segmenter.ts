// The host's mesh segmenter: the WebAssembly kernel (dist/wasm/segmentator.wasm, built by
// `npm run build`) when it is there, else app/segment's pure-JS segmentMesh. Both give identical ids;
// the kernel is several times faster on a cold process, where V8 has not yet optimised the JS.
import { existsSync, readFileSync } from 'node:fs';
import { segmentMesh, type MeshSegmenter } from '../../app/segment/mesh-segmentator';
import { instantiateSegmentator, wasmMeshSegmenter, type SegmentatorExports } from '../../app/segment/segmentator-wasm';
import { wasmKernelPath } from '../launch/paths';
import { compileOptimised } from './optimised-wasm';

export interface LoadedSegmenter {
  segment: MeshSegmenter;
  /** Which implementation `segment` is. */
  kind: 'wasm' | 'js';
  /** The kernel itself when kind is 'wasm' (segmentPlyBytes, kernelIdsJson). */
  kernel?: SegmentatorExports;
}

let cached: LoadedSegmenter | undefined;

/** Loads once per process. A wasm file that is present but broken is an error, not a silent fallback. */
export function meshSegmenter(): LoadedSegmenter {
  if (cached) return cached;
  const path = wasmKernelPath('segmentator');
  if (!existsSync(path)) return (cached = { segment: segmentMesh, kind: 'js' });
  let kernel;
  try {
    const bytes = readFileSync(path);
    kernel = compileOptimised(() => instantiateSegmentator(bytes));
  } catch (err) {
    throw new Error(`${path}: ${err instanceof Error ? err.message : String(err)} (run npm run build)`);
  }
  return (cached = { segment: wasmMeshSegmenter(kernel), kind: 'wasm', kernel });
}
