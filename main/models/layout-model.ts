// The layout language model (native-models/layout) as the host runs it: onnxruntime-node in a worker
// thread (OrtSession), inputs and outputs checked against the shapes app/layout/model/encode.ts
// defines before anything runs, instruction and room encoded by the same code the training data used.
// A missing file is AppError `not_found`, anything else wrong with it `bad_file`; both name the file.
import { basename } from 'node:path';
import { AppError } from '../../app/contract/errors';
import { readOutputs, type ModelOutputs, type ModelReading } from '../../app/layout/model/decode';
import { DYNAMIC_HEADS, encodeObjects, encodeText, HEAD_NAMES, HEADS, NAME_TOKENS, OBJECT_FEATURES, type EncodedObjects } from '../../app/layout/model/encode';
import type { LayoutTokenizer } from '../../app/layout/tokenizer';
import type { LayoutDocument } from '../../app/layout/types';
import { OrtSession } from './ort-session';
import type { IoSpec } from './ort-worker';
import { readModelFile } from './model-file';

export interface LayoutModelRun {
  reading: ModelReading;
  /** The instruction's tokens as the model saw them. */
  tokens: string[];
  ms: number;
}

export interface LayoutLanguageModel {
  path: string;
  provider: string;
  /** Raw logits for one encoded instruction and room. */
  run(tokens: readonly number[], names: Float32Array, objects: Float32Array, count: number): Promise<ModelOutputs>;
  /** Encodes, runs and reads one instruction against a room (selection: ids in click order). */
  read(doc: LayoutDocument, text: string, selection?: readonly number[]): Promise<LayoutModelRun>;
  /** Encodes and runs one text against a room: the logits, the object ids of their pointer rows, the tokens. */
  runText(doc: LayoutDocument, text: string, selection?: readonly number[]): Promise<{ outputs: ModelOutputs; objectIds: number[]; tokens: string[]; ms: number }>;
  close(): Promise<void>;
}

export interface LoadLayoutModelOptions {
  log?: (message: string) => void;
}

const shapeOf = (s: IoSpec | undefined) => (s ? `${s.type} [${s.shape.join(', ')}]` : 'missing');
const isDynamic = (d: number | string | undefined) => typeof d === 'string' || (typeof d === 'number' && d < 0);

/** Why the declared inputs / outputs do not fit, or null when they do. */
export function layoutModelMismatch(inputs: readonly IoSpec[], outputs: readonly IoSpec[]): string | null {
  const find = (list: readonly IoSpec[], name: string) => list.find((x) => x.name === name);
  const tokens = find(inputs, 'tokens');
  const names = find(inputs, 'names');
  const objects = find(inputs, 'objects');
  if (inputs.length !== 3) return `expected 3 inputs (tokens, names, objects), found ${inputs.map((i) => i.name).join(', ') || 'none'}`;
  if (!tokens || tokens.type !== 'float32' || tokens.shape.length !== 1 || !isDynamic(tokens.shape[0])) return `input "tokens" is ${shapeOf(tokens)}; expected float32 [T] with a dynamic T`;
  if (!names || names.type !== 'float32' || names.shape.length !== 2 || !isDynamic(names.shape[0]) || names.shape[1] !== NAME_TOKENS) return `input "names" is ${shapeOf(names)}; expected float32 [M, ${NAME_TOKENS}]`;
  if (!objects || objects.type !== 'float32' || objects.shape.length !== 2 || !isDynamic(objects.shape[0]) || objects.shape[1] !== OBJECT_FEATURES) return `input "objects" is ${shapeOf(objects)}; expected float32 [M, ${OBJECT_FEATURES}] (app/layout/model/encode.ts)`;
  for (const head of HEAD_NAMES) {
    const o = find(outputs, head);
    const fixed = DYNAMIC_HEADS.has(head) ? 0 : HEADS[head](0, 0);
    const want = fixed > 0 ? String(fixed) : 'dynamic';
    if (!o || o.type !== 'float32' || o.shape.length !== 1 || (fixed > 0 ? o.shape[0] !== fixed : !isDynamic(o.shape[0]))) return `output "${head}" is ${shapeOf(o)}; expected float32 [${want}]`;
  }
  return null;
}

/** Object rows the model sees per instruction, as in training (native-models/layout/train.py). */
export const MODEL_OBJECTS = 14;

/**
 * The rows to feed: every object whose category name shares a token with the instruction, every
 * selected object, then others in room order up to MODEL_OBJECTS, in room order. Training showed the
 * model at most 14 objects chosen this way (whole rooms of 60+ objects shift its attention), and the
 * app only lets the model act on an object the instruction names or selects, which this keeps.
 */
export function objectRows(all: EncodedObjects, tokens: readonly number[], selection: readonly number[]): EncodedObjects {
  const n = all.ids.length;
  if (n <= MODEL_OBJECTS) return all;
  const words = new Set(tokens);
  const keep = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (selection.includes(all.ids[i]!)) keep.add(i);
    for (let k = 0; k < NAME_TOKENS; k++) {
      const id = all.names[i * NAME_TOKENS + k]!;
      if (id > 0 && words.has(id)) keep.add(i);
    }
  }
  for (let i = 0; i < n && keep.size < MODEL_OBJECTS; i++) keep.add(i);
  const rows = [...keep].sort((a, b) => a - b);
  const names = new Float32Array(rows.length * NAME_TOKENS);
  const features = new Float32Array(rows.length * OBJECT_FEATURES);
  rows.forEach((r, j) => {
    names.set(all.names.subarray(r * NAME_TOKENS, (r + 1) * NAME_TOKENS), j * NAME_TOKENS);
    features.set(all.features.subarray(r * OBJECT_FEATURES, (r + 1) * OBJECT_FEATURES), j * OBJECT_FEATURES);
  });
  return { ids: rows.map((r) => all.ids[r]!), names, features };
}

export async function loadLayoutModel(path: string, tok: LayoutTokenizer, options: LoadLayoutModelOptions = {}): Promise<LayoutLanguageModel> {
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const bytes = await readModelFile(path, 'layout model');
  // A small model (about 1.4 MB, milliseconds per instruction): the CPU provider always; moving
  // tensors to a GPU would cost more than the run, and no provider probe is needed.
  let session: OrtSession;
  try {
    session = await OrtSession.create(bytes, ['cpu']);
  } catch (err) {
    throw new AppError('bad_file', `layout model ${path} is not a valid ONNX model (${err instanceof Error ? err.message : String(err)})`, { path });
  }
  const mismatch = layoutModelMismatch(session.inputs, session.outputs);
  if (mismatch) {
    await session.close();
    throw new AppError('bad_file', `layout model ${path}: ${mismatch}`, { path, inputs: session.inputs, outputs: session.outputs });
  }
  log(`layout model ${basename(path)}: running on ${session.provider}`);

  const run = async (tokens: readonly number[], names: Float32Array, objects: Float32Array, count: number): Promise<ModelOutputs> => {
    if (count < 1) throw new RangeError('layout model: a room needs at least one object');
    if (names.length !== count * NAME_TOKENS || objects.length !== count * OBJECT_FEATURES) throw new RangeError(`layout model: ${names.length} name ids and ${objects.length} features for ${count} objects`);
    const out = await session.run({
      tokens: { data: Float32Array.from(tokens), dims: [tokens.length] },
      names: { data: names, dims: [count, NAME_TOKENS] },
      objects: { data: objects, dims: [count, OBJECT_FEATURES] },
    });
    const result = {} as ModelOutputs;
    for (const head of HEAD_NAMES) {
      const o = out[head];
      const want = HEADS[head](tokens.length, count);
      if (!o || o.data.length !== want) throw new AppError('bad_file', `layout model ${path} answered ${head} with ${o?.data.length ?? 'nothing'} values; expected ${want}`, { path });
      result[head] = o.data;
    }
    return result;
  };

  const runText: LayoutLanguageModel['runText'] = async (doc, text, selection = []) => {
    const t0 = performance.now();
    const enc = encodeText(tok, text);
    const objs = objectRows(encodeObjects(tok, doc, selection), enc.ids, selection);
    const outputs = await run(enc.ids, objs.names, objs.features, objs.ids.length);
    return { outputs, objectIds: objs.ids, tokens: enc.tokens, ms: performance.now() - t0 };
  };

  return {
    path,
    provider: session.provider,
    run,
    runText,
    async read(doc, text, selection = []) {
      const r = await runText(doc, text, selection);
      return { reading: readOutputs(r.outputs, r.objectIds, r.tokens), tokens: r.tokens, ms: r.ms };
    },
    close: () => session.close(),
  };
}
