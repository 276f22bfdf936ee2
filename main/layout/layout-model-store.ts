// Where the layout language model comes from and one loaded session per file: the user's model
// (<data dir>/models/layout.onnx) wins, else the one shipped in native-models/layout/layout.onnx,
// else none (the grammar parser answers; app/layout/model/answer.ts has the whole rule). A file that
// fails to load is reported once in the answer's reason and not cached, so a fixed file is picked up.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { answerInstruction, editFromReading, type AnsweredEdit } from '../../app/layout/model/answer';
import { ModelReadError } from '../../app/layout/model/decode';
import type { InstructionContext } from '../../app/layout/instruction/ground';
import type { LayoutDocument } from '../../app/layout/types';
import { installRoot } from '../launch/paths';
import { loadLayoutModel, type LayoutLanguageModel } from '../models/layout-model';
import { loadLayoutTokenizer } from './synth-instructions';

export const LAYOUT_MODEL_FILE = 'layout.onnx';
export const BUNDLED_LAYOUT_MODEL = join('native-models', 'layout', LAYOUT_MODEL_FILE);

export const bundledLayoutModelPath = () => join(installRoot(), BUNDLED_LAYOUT_MODEL);

/** The data directory's model when present, else the bundled one when present, else null, with the reason. */
export function chooseLayoutModel(dataDir: string | null, bundled: string | null = bundledLayoutModelPath()): { path: string | null; reason: string } {
  const own = dataDir ? join(dataDir, 'models', LAYOUT_MODEL_FILE) : null;
  if (own && existsSync(own)) return { path: own, reason: `layout model ${own}` };
  if (bundled && existsSync(bundled)) return { path: bundled, reason: `bundled layout model ${bundled}` };
  return { path: null, reason: `no layout language model installed${own ? ` (${own})` : ''}` };
}

const loaded = new Map<string, Promise<LayoutLanguageModel>>();

export function sharedLayoutModel(path: string): Promise<LayoutLanguageModel> {
  const key = `${path}\u0000${existsSync(path) ? statSync(path).mtimeMs : 0}`;
  let p = loaded.get(key);
  if (!p) {
    p = loadLayoutModel(path, loadLayoutTokenizer(), { log: () => {} });
    loaded.set(key, p);
    p.catch(() => loaded.delete(key));
  }
  return p;
}

export async function closeSharedLayoutModels(): Promise<void> {
  const all = [...loaded.values()];
  loaded.clear();
  for (const p of all) await p.then((m) => m.close()).catch(() => {});
}

export interface AnswerOptions {
  /** 'auto' (default): the rule in answer.ts; 'grammar': never the model; 'model': the model only (an error when none loads). */
  parser?: 'auto' | 'grammar' | 'model';
  /** A model file to use instead of choosing one (tests, --model). */
  modelPath?: string;
}

/** Reads an instruction with the model when one loads, the grammar otherwise, by the rule in answer.ts. */
export async function answerLayoutInstruction(dataDir: string | null, doc: LayoutDocument, text: string, ctx: InstructionContext, options: AnswerOptions = {}): Promise<AnsweredEdit> {
  const mode = options.parser ?? 'auto';
  if (mode === 'grammar') return answerInstruction(doc, text, ctx, null, 'the grammar parser was asked for');
  const choice = options.modelPath ? { path: options.modelPath, reason: `layout model ${options.modelPath}` } : chooseLayoutModel(dataDir);
  if (!choice.path) {
    if (mode === 'model') throw new Error(choice.reason);
    return answerInstruction(doc, text, ctx, null, choice.reason);
  }
  let model: LayoutLanguageModel;
  try {
    model = await sharedLayoutModel(choice.path);
  } catch (err) {
    if (mode === 'model') throw err;
    return answerInstruction(doc, text, ctx, null, `the layout model could not be loaded (${err instanceof Error ? err.message : String(err)})`);
  }
  if (doc.objects.length === 0) return answerInstruction(doc, text, ctx, null, 'the room has no objects for the model to point at');
  let run: Awaited<ReturnType<LayoutLanguageModel['read']>>;
  try {
    run = await model.read(doc, text, ctx.selection);
  } catch (err) {
    if (!(err instanceof ModelReadError) || mode === 'model') throw err;
    return answerInstruction(doc, text, ctx, null, `the layout model has no valid reading in this room (${err.message})`);
  }
  if (mode === 'model') {
    return { edit: editFromReading(doc, text, ctx, run.reading, run.ms), reason: `the language model answered (confidence ${run.reading.confidence.toFixed(2)}); --parser model`, reading: run.reading };
  }
  return answerInstruction(doc, text, ctx, { reading: run.reading, ms: run.ms });
}
