// askQuestion in the host: a typed question is read by the layout language model when one is installed
// (the same file and choice as layout editing, main/layout/layout-model-store.ts) and by the QA parser
// otherwise or when the model's reading may not answer (app/layout/model/question-answer.ts has the
// rule). The answer always comes from the QA engine; the result says which reader grounded it.
import type { AskInput, AskResult } from '../../app/contract/ask-schemas';
import { layoutOfQaObjects } from '../../app/layout/model/qa-room';
import { answerQuestion, type AnsweredQuestion } from '../../app/layout/model/question-answer';
import { readQuestion, type QuestionReading } from '../../app/layout/model/question-decode';
import type { LayoutDocument } from '../../app/layout/types';
import { qaSceneOf } from '../../app/qa/ask/scene-ask';
import type { QaScene } from '../../app/qa/workbench/objects';
import type { PointScene } from '../../app/scene/types';
import { chooseLayoutModel, sharedLayoutModel } from '../layout/layout-model-store';

export interface AskModelOptions {
  /** 'auto' (default): the rule; 'grammar': never the model. */
  parser?: 'auto' | 'grammar';
  /** A model file instead of choosing one (tests, eval). */
  modelPath?: string;
}

const rooms = new WeakMap<QaScene, LayoutDocument>();
/** The room the model reads, built once per QA scene (the QA objects change only with the scene). */
export function questionRoom(qa: QaScene): LayoutDocument {
  let doc = rooms.get(qa);
  if (!doc) rooms.set(qa, (doc = layoutOfQaObjects(qa.id, qa.objects)));
  return doc;
}

/** The model's reading of a question in a room, or why there is none. */
export async function readQuestionWithModel(dataDir: string | null, doc: LayoutDocument, text: string, selection: readonly number[], modelPath?: string): Promise<{ reading: QuestionReading | null; reason: string }> {
  const choice = modelPath ? { path: modelPath, reason: '' } : chooseLayoutModel(dataDir);
  if (!choice.path) return { reading: null, reason: choice.reason };
  if (doc.objects.length === 0) return { reading: null, reason: 'the scene has no objects for the model to point at' };
  try {
    const model = await sharedLayoutModel(choice.path);
    const run = await model.runText(doc, text, selection);
    const reading = readQuestion(run.outputs, run.objectIds, (id) => doc.objects.find((o) => o.id === id)!.category);
    return { reading, reason: reading ? '' : 'the layout model has no valid question reading in this room' };
  } catch (err) {
    return { reading: null, reason: `the layout model could not be used (${err instanceof Error ? err.message : String(err)})` };
  }
}

/** Answers one question and reports the reader: the contract's result with groundedBy / groundedReason. */
export async function askSceneWithModel(scene: PointScene, input: AskInput, dataDir: string | null, options: AskModelOptions = {}): Promise<AskResult> {
  const a = await answerSceneQuestion(scene, input, dataDir, options);
  return { ...a.result, groundedBy: a.groundedBy, groundedReason: a.reason.slice(0, 500) };
}

export async function answerSceneQuestion(scene: PointScene, input: AskInput, dataDir: string | null, options: AskModelOptions = {}): Promise<AnsweredQuestion> {
  const qa = qaSceneOf(scene);
  const labels = new Map(scene.instances.map((i) => [i.id, i.label]));
  const info = { scene: qa, labelOf: (id: number) => labels.get(id) };
  const doc = questionRoom(qa);
  if (options.parser === 'grammar' || input.text === undefined) return answerQuestion(input, info, doc, null, options.parser === 'grammar' ? 'the parser was asked for' : 'a question built by clicks');
  const m = await readQuestionWithModel(dataDir, doc, input.text, input.selection, options.modelPath);
  return answerQuestion(input, info, doc, m.reading, m.reason);
}
