// A k-NN worker thread: answers the queries of one run of grid cells into the shared graph (see
// main/segment/parallel-knn.ts). The algorithm is app/segment/knn.ts, the same code the host runs.
import { parentPort } from 'node:worker_threads';
import { knnCells } from '../../app/segment/knn';
import type { KnnReply, KnnRequest } from './knn-worker-protocol';

const port = parentPort;
if (!port) throw new Error('knn-worker: must run as a worker thread');
port.on('message', (req: KnnRequest) => {
  let reply: KnnReply;
  try {
    knnCells(req.plan, req.positions, req.out, req.cellFrom, req.cellTo);
    reply = { id: req.id, ok: true };
  } catch (err) {
    reply = { id: req.id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
