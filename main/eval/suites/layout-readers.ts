// The readers `npm run eval -- layout` scores: the grammar parser, the language model alone (its
// reading grounded and solved, never the grammar), and the two combined by the host's rule
// (app/layout/model/answer.ts). `--parser grammar|model|combined` picks one; by default all three run
// when the bundled model (native-models/layout/layout.onnx) is present, else the grammar alone.
import { existsSync } from 'node:fs';
import { editByInstruction, type InstructionEdit } from '../../../app/layout/instruction/edit';
import { answerInstruction, editFromReading } from '../../../app/layout/model/answer';
import type { LayoutDocument } from '../../../app/layout/types';
import { bundledLayoutModelPath, sharedLayoutModel } from '../../layout/layout-model-store';

export type LayoutReader = 'grammar' | 'model' | 'combined';
export const READER_LABEL: Record<LayoutReader, string> = { grammar: 'grammar parser', model: 'language model', combined: 'model + grammar fallback' };

export function readersFor(args: readonly string[]): LayoutReader[] {
  const i = args.indexOf('--parser');
  if (i >= 0) {
    const v = args[i + 1];
    if (v !== 'grammar' && v !== 'model' && v !== 'combined') throw new Error(`layout eval: --parser is grammar, model or combined, got ${JSON.stringify(v ?? null)}`);
    return [v];
  }
  return existsSync(bundledLayoutModelPath()) ? ['grammar', 'model', 'combined'] : ['grammar'];
}

/** The model's confidence behind each edit the model or combined reader produced (for --json). */
export const modelConfidence = new WeakMap<InstructionEdit, number>();

export async function readerEdit(reader: LayoutReader, doc: LayoutDocument, text: string, selection: readonly number[]): Promise<InstructionEdit> {
  const ctx = { selection };
  if (reader === 'grammar') return editByInstruction(doc, text, ctx);
  const model = await sharedLayoutModel(bundledLayoutModelPath());
  const run = await model.read(doc, text, selection);
  const edit = reader === 'model' ? editFromReading(doc, text, ctx, run.reading, run.ms) : answerInstruction(doc, text, ctx, { reading: run.reading, ms: run.ms }).edit;
  modelConfidence.set(edit, run.reading.confidence);
  return edit;
}
