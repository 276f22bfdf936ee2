// The host's side of one import worker: start it, await its hash, let it parse, stop it. A stop
// (cancel, content already imported) terminates the thread at once, even mid-parse.
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../app/contract/errors';
import type { InstanceInfo } from '../../app/contract/schemas';
import type { CompactScene, SceneReport } from '../../app/scene/load';
import { installRoot } from '../launch/paths';
import type { HostMessage, ImportWorkerData, WorkerMessage } from './worker-protocol';

export interface ParsedScene {
  /** Without instanceIds when no point has an instance (the cache then stores none). */
  scene: CompactScene;
  report: SceneReport;
  instances: InstanceInfo[];
}

export interface ImportWorker {
  /** The input's content hash, once it is read. */
  hashed: Promise<{ contentHash: string; byteLength: number }>;
  /** Lets the worker parse and convert; resolves with the scene, its arrays transferred. */
  parse(): Promise<ParsedScene>;
  /** Terminates the worker; pending promises reject with `reason`. Resolves once it has exited. */
  stop(reason?: Error): Promise<void>;
  /** The thread, for callers that watch it (tests). */
  thread: Worker;
}

export type WorkerProgress = Extract<WorkerMessage, { type: 'progress' }>;

/** The bundled worker beside the other host bundles (tools/build.js writes it). */
export function defaultImportWorkerScript(): string {
  // Packaged builds keep it unpacked beside the asar archive (electron-builder.yml asarUnpack).
  const file = join(installRoot(), 'dist', 'main', 'import-worker.js').replace(`app.asar${sep}`, `app.asar.unpacked${sep}`);
  if (!existsSync(file)) throw new AppError('internal', `the import worker ${file} is missing; run npm run build`);
  return file;
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  // Rejections nobody awaits (the parse of an import that stopped early) are not errors.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

export function startImportWorker(script: string | URL, data: ImportWorkerData, onProgress: (p: WorkerProgress) => void): ImportWorker {
  const thread = new Worker(script, { workerData: data });
  const hashed = deferred<{ contentHash: string; byteLength: number }>();
  const done = deferred<ParsedScene>();
  const exited = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
  let failure: Error | undefined;
  const fail = (e: Error) => {
    failure ??= e;
    hashed.reject(failure);
    done.reject(failure);
  };
  thread.on('message', (m: WorkerMessage) => {
    if (m.type === 'progress') onProgress(m);
    else if (m.type === 'hashed') hashed.resolve({ contentHash: m.contentHash, byteLength: m.byteLength });
    else if (m.type === 'done') done.resolve({ scene: m.scene, report: m.report, instances: m.instances });
    else fail(new AppError(m.error.code, m.error.message, m.error.details));
  });
  thread.once('error', (e) => fail(new AppError('internal', `import of ${data.path} failed in its worker: ${e.message}`, { path: data.path })));
  thread.once('exit', (code) => fail(new AppError('internal', `import worker for ${data.path} exited (code ${code}) before finishing`, { path: data.path })));
  return {
    hashed: hashed.promise,
    parse() {
      thread.postMessage({ type: 'parse' } satisfies HostMessage);
      return done.promise;
    },
    async stop(reason) {
      if (reason) fail(reason);
      await thread.terminate();
      await exited;
    },
    thread,
  };
}
