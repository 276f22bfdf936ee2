// The segmentation model as the host uses it, run in a worker thread on the best execution provider
// that can run it. Two kinds of ONNX file are accepted: a plain classifier mapping superpoint
// features [N, FEATURE_COUNT] (app/segment/features) to class logits [N, classes], and the superpoint
// transformer (native-models/segmentation; inputs features, neighbours, clicks; outputs logits,
// affinity, prompt), checked in superpoint-transformer-model.ts.
import { basename } from 'node:path';
import { AppError } from '../../app/contract/errors';
import { FEATURE_COUNT } from '../../app/segment/features';
import { executionProvider, PROVIDER_ORDER, type ProviderChoice, type ProviderFallback } from './execution-provider';
import { OrtSession } from './ort-session';
import type { IoSpec } from './ort-worker';
import { transformerModel } from './superpoint-transformer-model';
import { readModelFile } from './model-file';

export interface SegmentationModel {
  path: string;
  /** The provider the session runs on. */
  provider: string;
  /** Why that provider: the probe's skips and this model's own failures, in order. */
  fallbacks: ProviderFallback[];
  input: IoSpec;
  output: IoSpec;
  /** Number of classes the logits cover (the output's last dimension). */
  classes: number;
  /** 'logits': features → class logits only; 'superpoint-transformer': also instance affinities and click prompts. */
  kind: 'logits' | 'superpoint-transformer';
  /** Neighbours per superpoint the transformer attends over (0 for a logits model). */
  neighbourCount: number;
  /** Logits [count × classes], row-major. */
  predict(features: Float32Array, count: number): Promise<Float32Array>;
  /**
   * Every output for one scene. `clicks` (superpoint ids) drive the prompt head; without clicks the
   * prompt is null. A logits model answers logits only.
   */
  analyse(features: Float32Array, count: number, clicks?: readonly number[]): Promise<ModelAnalysis>;
  close(): Promise<void>;
}

export interface ModelAnalysis {
  /** [count × classes] */
  logits: Float32Array;
  /** [count × neighbourCount] superpoint ids the affinities refer to, self first. */
  neighbours: Int32Array | null;
  /** [count × neighbourCount] same-instance logits. */
  affinity: Float32Array | null;
  /** [count] mask logits for the object under the clicks. */
  prompt: Float32Array | null;
}

export interface LoadModelOptions {
  /** Defaults to the process-wide probe (cuda → webgpu → cpu). */
  choice?: () => Promise<ProviderChoice>;
  log?: (message: string) => void;
}

/**
 * Loads and checks a segmentation model. Throws AppError `not_found` when the file is missing and
 * `bad_file` when it is not an ONNX model or its inputs/outputs are not [N, FEATURE_COUNT] → [N, C];
 * both messages name the file.
 */
export async function loadSegmentationModel(path: string, options: LoadModelOptions = {}): Promise<SegmentationModel> {
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const bytes = await readModelFile(path, 'segmentation model');

  const choice = await (options.choice ?? (() => executionProvider(log)))();
  if (choice.provider === 'none') throw new AppError('internal', `cannot run segmentation model ${path}: ${choice.reason}`, { path });
  // Providers the probe ruled out stay out; from the chosen one on, each is tried on this model.
  const providers = PROVIDER_ORDER.slice(PROVIDER_ORDER.indexOf(choice.provider));
  let session: OrtSession;
  try {
    session = await OrtSession.create(bytes, providers);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new AppError('bad_file', `segmentation model ${path} is not a valid ONNX model (${reason})`, { path });
  }
  const fallbacks: ProviderFallback[] = [...choice.fallbacks];
  for (const f of session.failed) {
    const failed = { provider: f.provider as ProviderFallback['provider'], reason: f.reason };
    fallbacks.push(failed);
    log(`segmentation model ${basename(path)}: ${failed.provider} could not run it (${failed.reason}); trying the next provider`);
  }
  log(`segmentation model ${basename(path)}: running on ${session.provider}`);

  const fail = async (what: string): Promise<never> => {
    await session.close();
    throw new AppError('bad_file', `segmentation model ${path}: ${what}`, { path, inputs: session.inputs, outputs: session.outputs });
  };
  const byName = (list: IoSpec[], name: string) => list.find((x) => x.name === name);
  const isTransformer = session.inputs.length === 3 && byName(session.inputs, 'neighbours') && byName(session.inputs, 'clicks');
  if (isTransformer) return transformerModel(path, session, fallbacks, fail);
  const [input] = session.inputs;
  const [output] = session.outputs;
  if (session.inputs.length !== 1 || !input) return fail(`expected one input [N, ${FEATURE_COUNT}] (or the superpoint transformer's features, neighbours, clicks), found ${session.inputs.length}`);
  if (input.type !== 'float32' || input.shape.length !== 2 || (typeof input.shape[1] === 'number' && input.shape[1] !== FEATURE_COUNT)) {
    return fail(`input "${input.name}" is ${input.type} [${input.shape.join(', ')}]; expected float32 [N, ${FEATURE_COUNT}] (superpoint features)`);
  }
  if (!output || output.type !== 'float32' || output.shape.length !== 2) return fail(`expected a float32 output [N, classes], found ${output ? `${output.type} [${output.shape.join(', ')}]` : 'none'}`);
  const declaredClasses = typeof output.shape[1] === 'number' ? output.shape[1] : 0;

  const predict = async (features: Float32Array, count: number) => {
    if (features.length !== count * FEATURE_COUNT) throw new RangeError(`predict: ${features.length} values for ${count} superpoints × ${FEATURE_COUNT} features`);
    const out = await session.run({ [input.name]: { data: features, dims: [count, FEATURE_COUNT] } });
    const logits = out[output.name];
    if (!logits || logits.dims[0] !== count || logits.dims.length !== 2) {
      throw new AppError('bad_file', `segmentation model ${path} answered [${logits?.dims.join(', ')}] for ${count} superpoints`, { path });
    }
    return logits.data;
  };
  return {
    path,
    provider: session.provider,
    fallbacks,
    input,
    output,
    classes: declaredClasses,
    kind: 'logits',
    neighbourCount: 0,
    predict,
    async analyse(features, count) {
      return { logits: await predict(features, count), neighbours: null, affinity: null, prompt: null };
    },
    close: () => session.close(),
  };
}
