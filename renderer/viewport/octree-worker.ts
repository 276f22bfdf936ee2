// Worker entry (bundled by tools/build.js to dist/renderer/octree-worker.js): builds the LOD octree
// off the UI thread so a 20M-point scene does not freeze the window while it is organised.
import { buildLodScene, transferables, type PointArrays } from './lod-buffers';

export interface OctreeRequest {
  points: PointArrays;
  capacity?: number;
}

interface WorkerScope {
  onmessage: ((e: MessageEvent<OctreeRequest>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (e) => {
  try {
    // The arrays are this worker's own (transferred or cloned): the tree may reorder them in place.
    const scene = buildLodScene(e.data.points, { capacity: e.data.capacity, inPlace: true });
    scope.postMessage({ ok: true, scene }, [...transferables(scene.points), scene.order.buffer as ArrayBuffer, ...[scene.chunks.first, scene.chunks.start, scene.chunks.count, scene.chunks.boxes].map((a) => a.buffer as ArrayBuffer)]);
  } catch (err) {
    scope.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) }, []);
  }
};
