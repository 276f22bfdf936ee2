// An import worker thread (bundled as dist/main/import-worker.js, one per import): reads the input
// once into one buffer per file while hashing it, waits for the host's go-ahead, then parses and
// converts off the host's event loop. The file's bytes are dropped before conversion, and the
// scene's arrays are transferred back, so a big scan is never held twice nor copied to the host.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../app/contract/errors';
import { convertScanCompact, readScan, type CompactScene, type LoadedScan } from '../../app/scene/load';
import { summarizeInstances } from '../../app/scene/summary';
import { readContextFor } from '../formats/read-context';
import { readSceneInput, type ReadInput } from './read-input';
import { streamSceneFile } from './stream-input';
import type { HostMessage, ImportWorkerData, WorkerMessage } from './worker-protocol';

const port = parentPort!;
const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
const MB = 2 ** 20;

/** Each distinct buffer once, and only buffers the arrays fill whole (others would move extra bytes). */
function transferables(scene: CompactScene): ArrayBuffer[] {
  const arrays = [scene.positions, scene.colors, scene.instanceIds, scene.normals].filter((a) => a !== undefined);
  const out = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer && a.byteLength === a.buffer.byteLength) out.add(a.buffer);
  return [...out];
}

function go(): Promise<void> {
  return new Promise((resolve) => port.once('message', (m: HostMessage) => m.type === 'parse' && resolve()));
}

async function main(job: ImportWorkerData): Promise<void> {
  let lastReport = 0;
  const onBytes = (done: number, total: number) => {
    // A message per 32 MB is plenty for a progress bar.
    if (done !== total && done - lastReport < 32 * MB) return;
    lastReport = done;
    post({ type: 'progress', stage: 0, fraction: total ? done / total : 1, detail: `${(done / MB).toFixed(0)} of ${(total / MB).toFixed(0)} MB` });
  };
  // Point clouds in chunked formats are parsed while they are read (stream-input.ts); the rest whole.
  let streamed = job.streaming === false ? undefined : await streamSceneFile(job.path, onBytes);
  let scan: LoadedScan | undefined;
  if (streamed) {
    post({ type: 'hashed', contentHash: streamed.contentHash, byteLength: streamed.byteLength });
    await go();
    post({ type: 'progress', stage: 1, fraction: 0 });
    scan = streamed.scan;
    streamed = undefined;
  } else {
    let read: ReadInput | undefined = await readSceneInput(job.path, { onBytes });
    post({ type: 'hashed', contentHash: read.contentHash, byteLength: read.byteLength });
    await go();
    post({ type: 'progress', stage: 1, fraction: 0 });
    scan = readScan(read.input, await readContextFor(read.input));
    // The input's bytes are garbage from here on: the readers returned compact arrays of their own.
    read = undefined;
  }
  // Compact: a scan without instance ids gets no all −1 array (4 bytes a point), the cache stores none.
  const { scene, report } = convertScanCompact(scan, { id: job.id, name: job.name, source: job.source, reuseBuffers: true, ...(job.upAxis ? { upAxis: job.upAxis } : {}) });
  scan = undefined;
  post({ type: 'progress', stage: 2, fraction: 0 });
  const instances = scene.instanceIds ? summarizeInstances({ ...scene, instanceIds: scene.instanceIds }) : [];
  post({ type: 'done', scene, report, instances }, transferables(scene));
}

main(workerData as ImportWorkerData).catch((err: unknown) => {
  const error = err instanceof AppError ? err.toBody() : { code: 'internal' as const, message: err instanceof Error ? err.message : String(err) };
  post({ type: 'failed', error });
});
