// Builds the LOD scene: inline for small clouds (a few ms, and the first frame stays synchronous),
// in the octree worker for large ones. Falls back to inline where a module worker cannot start
// (e.g. a file:// page).
import { buildLodScene, transferables, type LodScene, type PointArrays } from './lod-buffers';

/** Above this many points the build moves to the worker. */
export const WORKER_THRESHOLD = 1_000_000;
export const WORKER_URL = 'octree-worker.js';

type Reply = { ok: true; scene: LodScene } | { ok: false; error: string };

/**
 * `transfer` hands the arrays to the worker (they are detached here afterwards): the caller must
 * own them. Otherwise they are copied.
 */
export async function buildLod(points: PointArrays, transfer: boolean, capacity?: number): Promise<LodScene> {
  const n = points.instanceIds.length;
  // With `transfer` the caller gives the arrays up, so the tree may reorder them in place.
  if (n <= WORKER_THRESHOLD) return buildLodScene(points, { capacity, inPlace: transfer });
  let worker: Worker;
  try {
    worker = new Worker(new URL(WORKER_URL, document.baseURI), { type: 'module' });
  } catch {
    return buildLodScene(points, { capacity, inPlace: transfer });
  }
  try {
    return await new Promise<LodScene>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<Reply>) => (e.data.ok ? resolve(e.data.scene) : reject(new Error(`octree worker: ${e.data.error}`)));
      worker.onerror = (e) => reject(new Error(`octree worker failed to run: ${e.message || 'no message'}`));
      worker.postMessage({ points, capacity }, transfer ? transferables(points) : []);
    });
  } finally {
    worker.terminate();
  }
}
