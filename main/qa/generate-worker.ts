// A question-generation worker thread (bundled as dist/main/qa-generate-worker.js): takes one scene
// task at a time from the host and answers with that scene's result, so a batch over a folder of
// scenes keeps every core busy while the host collects results in input order.
import { parentPort } from 'node:worker_threads';
import { runGenerateTask } from './generate-task';
import type { HostToWorker, WorkerToHost } from './generate-protocol';

const port = parentPort!;
port.on('message', (m: HostToWorker) => {
  void runGenerateTask(m.task, m.params).then((result) => port.postMessage({ type: 'result', index: m.index, result } satisfies WorkerToHost));
});
