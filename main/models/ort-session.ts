// Host side of the worker-thread ONNX session: one worker per loaded model, requests matched to
// replies by id. Inputs are checked against the model's declared names and shapes before they are
// sent, so a wrong feature layout fails with our message, not a native one from deep inside ORT.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { ortWorkerSource, type IoSpec, type LoadReply, type TensorData, type WorkerReply, type WorkerRequest } from './ort-worker';

const requireHere = createRequire(import.meta.url);

export class OrtLoadError extends Error {
  override name = 'OrtLoadError';
  constructor(
    message: string,
    readonly failed: LoadReply['failed'],
  ) {
    super(message);
  }
}

type Pending = { resolve: (value: unknown) => void; reject: (err: Error) => void };
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export class OrtSession {
  private constructor(
    private readonly worker: Worker,
    private readonly pending: Map<number, Pending>,
    readonly provider: string,
    readonly failed: LoadReply['failed'],
    readonly inputs: IoSpec[],
    readonly outputs: IoSpec[],
  ) {}

  private static nextId = 1;

  /** Starts a worker and creates a session with the first of `providers` that works. */
  static async create(model: Uint8Array, providers: readonly string[]): Promise<OrtSession> {
    const worker = new Worker(ortWorkerSource(requireHere.resolve('onnxruntime-node')), { eval: true });
    const pending = new Map<number, Pending>();
    const fail = (err: Error) => {
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    };
    worker.on('message', (reply: WorkerReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.result);
      else p.reject(reply.failed ? new OrtLoadError(reply.error, reply.failed) : new Error(reply.error));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`ONNX Runtime worker exited (code ${code})`)));
    const send = OrtSession.sender(worker, pending);
    try {
      const loaded = (await send({ type: 'load', model, providers: [...providers] })) as LoadReply;
      // An idle loaded model must not keep a CLI run alive; a request in flight holds the loop by its promise.
      worker.unref();
      return new OrtSession(worker, pending, loaded.provider, loaded.failed, loaded.inputs, loaded.outputs);
    } catch (err) {
      await worker.terminate();
      throw err;
    }
  }

  private static sender(worker: Worker, pending: Map<number, Pending>) {
    return (req: WithoutId<WorkerRequest>, transfer: ArrayBuffer[] = []) =>
      new Promise<unknown>((resolve, reject) => {
        const id = OrtSession.nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ ...req, id }, transfer);
      });
  }

  /** Runs the model after checking every feed against the declared inputs. Feeds are copied, not moved. */
  async run(feeds: Record<string, TensorData>): Promise<Record<string, TensorData>> {
    checkFeeds(this.inputs, feeds);
    this.worker.ref();
    try {
      return (await OrtSession.sender(this.worker, this.pending)({ type: 'run', feeds })) as Record<string, TensorData>;
    } finally {
      this.worker.unref();
    }
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/** Throws naming the input and dimension when a feed does not fit the model's declared inputs. */
export function checkFeeds(inputs: readonly IoSpec[], feeds: Record<string, TensorData>): void {
  const declared = new Set(inputs.map((i) => i.name));
  for (const name of Object.keys(feeds)) {
    if (!declared.has(name)) throw new RangeError(`model has no input "${name}"; it declares ${inputs.map((i) => `"${i.name}"`).join(', ')}`);
  }
  for (const spec of inputs) {
    const feed = feeds[spec.name];
    if (!feed) throw new RangeError(`model input "${spec.name}" is missing`);
    if (spec.type !== 'float32') throw new RangeError(`model input "${spec.name}" is ${spec.type}; only float32 inputs are supported`);
    if (feed.dims.length !== spec.shape.length) throw new RangeError(`model input "${spec.name}" has rank ${spec.shape.length} [${spec.shape.join(', ')}], got [${feed.dims.join(', ')}]`);
    spec.shape.forEach((d, i) => {
      // String (symbolic) dimensions take any size: the superpoint count varies per scene.
      if (typeof d === 'number' && d >= 0 && feed.dims[i] !== d) {
        throw new RangeError(`model input "${spec.name}" dimension ${i} must be ${d}, got ${feed.dims[i]} (shape [${spec.shape.join(', ')}])`);
      }
    });
    const size = feed.dims.reduce((a, b) => a * b, 1);
    if (feed.data.length !== size) throw new RangeError(`model input "${spec.name}": ${feed.data.length} values for shape [${feed.dims.join(', ')}] (${size})`);
  }
}
