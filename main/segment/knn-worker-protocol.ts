// Messages between the host and a k-NN worker (main/segment/knn-worker.ts): the grid, the positions
// and the graph live in SharedArrayBuffers, so a request carries views and a reply carries nothing.
import type { KnnGraph, KnnPlan } from '../../app/segment/knn';

export interface KnnRequest {
  id: number;
  plan: KnnPlan;
  positions: Float32Array;
  out: KnnGraph;
  cellFrom: number;
  cellTo: number;
}

export type KnnReply = { id: number; ok: true } | { id: number; ok: false; message: string };
