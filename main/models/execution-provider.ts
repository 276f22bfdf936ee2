// Picks the ONNX Runtime execution provider: cuda → webgpu → cpu. A provider counts only if a session
// on a tiny model can actually be created with it, because "bundled" says nothing about drivers,
// adapters or CUDA libraries being loadable on this machine.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { ExecutionProvider } from '../../app/contract';
import { onnxModel } from './onnx-proto';

export type ProbedProvider = Exclude<ExecutionProvider, 'none'>;

export interface ProviderFallback {
  provider: ProbedProvider;
  reason: string;
}

export interface ProviderChoice {
  provider: ExecutionProvider;
  reason: string;
  fallbacks: ProviderFallback[];
}

export interface SupportedBackend {
  name: string;
  bundled: boolean;
}

export type ProbeResult = { ok: true } | { ok: false; reason: string };

export interface ChooseOptions {
  /** Defaults to onnxruntime-node's listSupportedBackends(). */
  backends?: () => SupportedBackend[] | Promise<SupportedBackend[]>;
  /** Defaults to probeProvider: a session in a child process for a GPU provider, in this process for the CPU. */
  probe?: (provider: ProbedProvider) => Promise<ProbeResult>;
  log?: (message: string) => void;
}

export const CUDA_NOT_INSTALLED = 'CUDA execution provider not installed (npm config onnxruntime-node-install=skip)';

/** Preferred first: a GPU when its provider works here, the CPU always last. */
export const PROVIDER_ORDER: readonly ProbedProvider[] = ['cuda', 'webgpu', 'cpu'];

export async function chooseExecutionProvider(options: ChooseOptions = {}): Promise<ProviderChoice> {
  const log = options.log ?? (() => {});
  const probe = options.probe ?? probeProvider;
  let backends: SupportedBackend[];
  try {
    backends = await (options.backends ?? listBackends)();
  } catch (err) {
    const reason = `onnxruntime-node failed to load: ${messageOf(err)}`;
    log(`execution provider: ${reason}`);
    return { provider: 'none', reason, fallbacks: [] };
  }
  const fallbacks: ProviderFallback[] = [];
  const fallBack = (provider: ProbedProvider, reason: string) => {
    fallbacks.push({ provider, reason });
    log(`execution provider: skipping ${provider}: ${reason}`);
  };
  for (const provider of PROVIDER_ORDER) {
    const backend = backends.find((b) => b.name === provider);
    if (!backend || !backend.bundled) {
      fallBack(provider, provider === 'cuda' ? CUDA_NOT_INSTALLED : `${provider} execution provider not in this onnxruntime-node build`);
      continue;
    }
    const result = await probe(provider);
    if (!result.ok) {
      fallBack(provider, result.reason);
      continue;
    }
    const reason = fallbacks.length === 0 ? `${provider} available` : `${provider} (${fallbacks.map((f) => f.provider).join(', ')} unavailable)`;
    return { provider, reason, fallbacks };
  }
  return { provider: 'none', reason: 'no execution provider could create a session', fallbacks };
}

let cached: Promise<ProviderChoice> | null = null;

/** The process-wide choice: probed once, fallback reasons logged once. */
export function executionProvider(log: (message: string) => void = (m) => process.stderr.write(`${m}\n`)): Promise<ProviderChoice> {
  cached ??= chooseExecutionProvider({ log });
  return cached;
}

const requireHere = createRequire(import.meta.url);

async function listBackends(): Promise<SupportedBackend[]> {
  const ort = requireHere('onnxruntime-node') as typeof import('onnxruntime-node');
  return ort.listSupportedBackends();
}

// The probe runs in a child process: a native EP that fails can print driver noise on stderr or, in
// the worst case, abort the process; neither may reach the host.
const PROBE_SCRIPT = `
const [ortUrl, ep, modelB64] = process.argv.slice(1);
const ort = (await import(ortUrl)).default;
try {
  const s = await ort.InferenceSession.create(Buffer.from(modelB64, 'base64'), { executionProviders: [ep] });
  const out = await s.run({ x: new ort.Tensor('float32', new Float32Array([2]), [1]) });
  await s.release();
  process.stdout.write(JSON.stringify(out.y.data[0] === 2 ? { ok: true } : { ok: false, reason: 'probe model gave a wrong answer' }));
} catch (e) {
  process.stdout.write(JSON.stringify({ ok: false, reason: String(e && e.message || e) }));
}`;

const PROBE_TIMEOUT_MS = 30_000;

/**
 * The default probe. A GPU provider is probed in a child process (its driver may abort a process).
 * The CPU provider is ORT's own code and cannot take the host down, and listBackends has already
 * loaded onnxruntime-node here: its session is created in this process, which saves starting a
 * second Node (~0.2 s of the first segmentation of a session).
 */
export function probeProvider(provider: ProbedProvider): Promise<ProbeResult> {
  return provider === 'cpu' ? probeInProcess(provider) : probeInChild(provider);
}

/** The child's probe (PROBE_SCRIPT) run here: create the identity model's session, run it once. */
export async function probeInProcess(provider: ProbedProvider): Promise<ProbeResult> {
  try {
    const ort = requireHere('onnxruntime-node') as typeof import('onnxruntime-node');
    const session = await ort.InferenceSession.create(identityModel(), { executionProviders: [provider] });
    try {
      const out = await session.run({ x: new ort.Tensor('float32', new Float32Array([2]), [1]) });
      return out['y']?.data[0] === 2 ? { ok: true } : { ok: false, reason: 'probe model gave a wrong answer' };
    } finally {
      await session.release();
    }
  } catch (err) {
    return { ok: false, reason: shortReason(messageOf(err)) };
  }
}

export function probeInChild(provider: ProbedProvider): Promise<ProbeResult> {
  let ortUrl: string;
  try {
    ortUrl = pathToFileURL(requireHere.resolve('onnxruntime-node')).href;
  } catch (err) {
    return Promise.resolve({ ok: false, reason: messageOf(err) });
  }
  const model = Buffer.from(identityModel()).toString('base64');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', PROBE_SCRIPT, ortUrl, provider, model], {
      stdio: ['ignore', 'pipe', 'ignore'],
      // The probe opens no TLS connection; Node 20 would otherwise build its certificate store first (bin/scenewright.js).
      env: { ...process.env, NODE_EXTRA_CA_CERTS: '' },
      timeout: PROBE_TIMEOUT_MS,
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', (err) => resolve({ ok: false, reason: `probe could not start: ${err.message}` }));
    child.on('close', (code, signal) => {
      try {
        const r = JSON.parse(out) as ProbeResult;
        resolve(r.ok ? r : { ok: false, reason: shortReason(r.reason) });
      } catch {
        resolve({ ok: false, reason: `session probe ended without an answer (${signal ?? `exit ${code}`})` });
      }
    });
  });
}

/** ORT messages start with a source path and an assertion; the useful part is the last clause. */
function shortReason(message: string): string {
  const line = message.split('\n')[0]!.trim();
  const idx = line.search(/Failed to /);
  return (idx >= 0 ? line.slice(idx) : line).slice(0, 300);
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A one-node ONNX model, y = Identity(x) over float32[1], so the probe needs no model file. */
export function identityModel(): Uint8Array {
  return onnxModel({ name: 'probe', nodes: [{ op: 'Identity', inputs: ['x'], outputs: ['y'] }], inputs: [{ name: 'x', shape: [1] }], outputs: [{ name: 'y', shape: [1] }] });
}
