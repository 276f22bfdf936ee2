// A k-NN worker thread: answers the queries of one run of grid cells into the shared graph (see
// main/segment/parallel-knn.ts), with their PCA normals when asked, and later the superpoint graph's
// edges of a range of points, sorted by weight when asked (main/segment/parallel-point-graph.ts).
// The algorithms are app/segment's, the same code the host runs (the queries on the WebAssembly
// kernel when the request names its file: main/segment/knn-kernel.ts).
import { parentPort } from 'node:worker_threads';
import { pointGraphEdgesOf, sortEdgeRunByWeight } from '../../app/segment/point-graph';
import { pcaNormalsOfCells } from '../../app/segment/point-superpoints';
import { knnCellsWith } from './knn-kernel';
import type { KnnReply, WorkerRequest } from './knn-worker-protocol';

const port = parentPort;
if (!port) throw new Error('knn-worker: must run as a worker thread');
port.on('message', (req: WorkerRequest) => {
  let reply: KnnReply;
  try {
    let count = 0;
    if (req.task === 'edges') {
      count = pointGraphEdgesOf(req.graph, req.normals, req.colors, req.colorWeight, req.maxEdgeLength, req.from, req.to, req.out, req.at);
      if (req.sort) sortEdgeRunByWeight(req.out, req.at, req.at + count);
    } else {
      knnCellsWith(req.kernelFile ?? null, req.plan, req.positions, req.out, req.cellFrom, req.cellTo);
      if (req.normals) pcaNormalsOfCells(req.plan, req.positions, req.out, req.normals, req.cellFrom, req.cellTo);
    }
    reply = { id: req.id, ok: true, count };
  } catch (err) {
    reply = { id: req.id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
