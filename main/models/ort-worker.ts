// The ONNX Runtime side of the model runtime, run in a worker thread so that session creation and
// inference (native, can take seconds) never block the host's event loop. `serveOrt` is the whole
// worker: the host starts it from source text (`ortWorkerSource`), because the host runs both as
// bundles and as TypeScript under test, and only a self-contained function works in both. So it may
// use nothing from module scope, only its parameters.
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import type { MessagePort } from 'node:worker_threads';

type Ort = typeof import('onnxruntime-node');

/** A declared input or output: its name, element type and shape (strings are symbolic dimensions). */
export interface IoSpec {
  name: string;
  type: string;
  shape: (number | string)[];
}

export interface TensorData {
  data: Float32Array;
  dims: number[];
}

export type WorkerRequest =
  | { id: number; type: 'load'; model: Uint8Array; providers: string[] }
  | { id: number; type: 'run'; feeds: Record<string, TensorData> }
  | { id: number; type: 'close' };

export interface LoadReply {
  provider: string;
  /** Providers tried before the one that worked, with what went wrong. */
  failed: { provider: string; reason: string }[];
  inputs: IoSpec[];
  outputs: IoSpec[];
}

export type WorkerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string; failed?: LoadReply['failed'] };

export function serveOrt(port: MessagePort, ort: Ort): void {
  let session: InferenceSession | null = null;
  const specs = (list: readonly InferenceSession.ValueMetadata[]): IoSpec[] =>
    list.map((m) => (m.isTensor ? { name: m.name, type: String(m.type), shape: [...m.shape] } : { name: m.name, type: 'non-tensor', shape: [] }));
  const message = (e: unknown) => String((e instanceof Error && e.message) || e).split('\n')[0]!.slice(0, 400);

  port.on('message', (req: WorkerRequest) => {
    void (async () => {
      try {
        if (req.type === 'load') {
          const failed: LoadReply['failed'] = [];
          for (const provider of req.providers) {
            try {
              session = await ort.InferenceSession.create(req.model, { executionProviders: [provider] });
              const reply: LoadReply = { provider, failed, inputs: specs(session.inputMetadata), outputs: specs(session.outputMetadata) };
              port.postMessage({ id: req.id, ok: true, result: reply } satisfies WorkerReply);
              return;
            } catch (e) {
              failed.push({ provider, reason: message(e) });
            }
          }
          port.postMessage({ id: req.id, ok: false, error: failed.at(-1)?.reason ?? 'no execution provider to try', failed } satisfies WorkerReply);
        } else if (req.type === 'run') {
          if (!session) throw new Error('no model loaded');
          const feeds: Record<string, Tensor> = {};
          for (const [name, t] of Object.entries(req.feeds)) feeds[name] = new ort.Tensor('float32', t.data, t.dims);
          const out = await session.run(feeds);
          const result: Record<string, TensorData> = {};
          const buffers: ArrayBuffer[] = [];
          for (const [name, t] of Object.entries(out)) {
            const data = Float32Array.from(t.data as Float32Array);
            result[name] = { data, dims: [...t.dims] };
            buffers.push(data.buffer);
          }
          port.postMessage({ id: req.id, ok: true, result } satisfies WorkerReply, buffers);
        } else {
          await session?.release();
          session = null;
          port.postMessage({ id: req.id, ok: true, result: null } satisfies WorkerReply);
        }
      } catch (e) {
        port.postMessage({ id: req.id, ok: false, error: message(e) } satisfies WorkerReply);
      }
    })();
  });
}

/** Worker source text: loads onnxruntime-node from `ortPath` and serves requests on the parent port. */
export function ortWorkerSource(ortPath: string): string {
  return `const ort = require(${JSON.stringify(ortPath)});\n(${serveOrt.toString()})(require('node:worker_threads').parentPort, ort);`;
}
