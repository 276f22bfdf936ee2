// Messages between the host and a k-NN worker (main/segment/knn-worker.ts): the grid, the positions
// and the graph live in SharedArrayBuffers, so a request carries views and a reply carries nothing
// but an edge count.
import type { MeshEdges } from '../../app/segment/edge-weights';
import type { KnnGraph, KnnPlan } from '../../app/segment/knn';

/** The neighbour rows of the points in cells [cellFrom, cellTo); with `normals`, their PCA normals too. */
export interface KnnRequest {
  id: number;
  task?: 'knn';
  plan: KnnPlan;
  positions: Float32Array;
  out: KnnGraph;
  cellFrom: number;
  cellTo: number;
  normals?: Float32Array;
  /** The k-NN kernel (dist/wasm/knn.wasm) the queries run on; absent: app/segment/knn.ts's JS. */
  kernelFile?: string;
}

/**
 * The superpoint graph's edges of points [from, to), written into `out` from slot `at`
 * (pointGraphEdgesOf); with `sort`, that run then sorted by weight in place (sortEdgeRunByWeight).
 */
export interface EdgesRequest {
  id: number;
  task: 'edges';
  graph: KnnGraph;
  normals: Float32Array;
  colors?: Uint8Array;
  colorWeight: number;
  maxEdgeLength: number;
  from: number;
  to: number;
  out: MeshEdges;
  at: number;
  sort?: boolean;
}

export type WorkerRequest = KnnRequest | EdgesRequest;

/** `count`: the edges an EdgesRequest wrote (0 for the others). */
export type KnnReply = { id: number; ok: true; count: number } | { id: number; ok: false; message: string };
