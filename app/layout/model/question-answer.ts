// Who grounds a typed question: the layout language model's reading (question-decode.ts) or the QA
// parser (app/qa/ask/parse.ts). Either way the answer is computed by the QA engine (respond.ts), so
// only the grounding differs. The rule, fixed on native-models/layout/questions-dev.jsonl before the
// held-out questions-test.jsonl was scored:
//   the model answers when a model reading exists, the text is typed and carries no clarification
//   (a clarify names a role of the parser's reading), the model reads a question (question mass ≥ 0.5),
//   the parser finds no "if I stand by … facing …" clause (the model has no heads for it), every
//   object it points at is named in the text (category, synonym, typo, or a selection word), no
//   pointed object is one of several of its kind without a cue in the text (then the parser asks
//   which one), its answer grounds, and either its confidence is ≥ QUESTION_CONFIDENCE (0.5) or the
//   parser cannot read the question at all and it is ≥ QUESTION_BACKUP_CONFIDENCE (0.3: the model backs
//   the parser up). Otherwise the parser. Confidence is the lowest probability among the choices the
//   reading used; a count's target is its category's summed probability.
import type { AskInput, AskResult } from '../../contract/ask-schemas';
import { respond, respondPrepared, typedQuery, type AskSceneInfo } from '../../qa/ask/respond';
import type { LayoutDocument } from '../types';
import { readingAmbiguity, textNames } from './ambiguity';
import type { ModelReading } from './decode';
import { queryOfReading, type QuestionReading } from './question-decode';

/** Lowest confidence at which the model's reading wins over a parse the parser does have. */
export const QUESTION_CONFIDENCE = 0.5;
/** Lowest confidence at which the model backs up a parser that cannot read the question (as for edits). */
export const QUESTION_BACKUP_CONFIDENCE = 0.3;

export type GroundedBy = 'model' | 'grammar';

export interface AnsweredQuestion {
  result: AskResult;
  groundedBy: GroundedBy;
  /** Why that reader grounded the question. */
  reason: string;
  reading: QuestionReading | null;
}

/** Why the model's reading may not answer, or null when it may (the rule above, but confidence). */
function rejection(input: AskInput, doc: LayoutDocument, r: QuestionReading): string | null {
  const text = input.text!;
  if (r.question < 0.5) return `the language model reads no question here (p = ${r.question.toFixed(2)})`;
  const parsed = typedQuery(text);
  if (!('unsupported' in parsed)) {
    const q = parsed.query;
    if ((q.kind === 'side' || q.kind === 'find') && q.view?.kind === 'objects') return 'the question stands by one object facing another, which only the parser reads';
  }
  const named = [r.target, r.reference, r.reference2].filter((x): x is number => x !== null);
  for (const id of named) {
    if (!doc.objects.some((o) => o.id === id)) return `instance ${id} is not in the room`;
    if (!textNames(doc, text, id, input.selection)) return `the text does not name the ${doc.objects.find((o) => o.id === id)!.category} the model points at`;
  }
  if (r.type !== 'count') {
    // The edit rule's ambiguity check reads target / reference / reference2 only.
    const pseudo = { target: r.target, reference: r.reference === null ? null : { kind: 'object', id: r.reference }, reference2: r.reference2 } as unknown as ModelReading;
    const amb = readingAmbiguity(doc, text, pseudo, input.selection);
    if (amb) return `${amb.candidates.length} objects are a ${amb.category} and the text does not say which`;
  }
  return null;
}

/**
 * Answers a typed or click-built question, grounded by the model's reading (null: no model) or the
 * parser by the rule above. `doc` is the room the reading's ids point into (qa-room.ts).
 */
export function answerQuestion(input: AskInput, info: AskSceneInfo, doc: LayoutDocument, reading: QuestionReading | null, noModel = 'no layout language model loaded'): AnsweredQuestion {
  const grammar = (reason: string): AnsweredQuestion => ({ result: respond(input, info), groundedBy: 'grammar', reason, reading });
  if (input.text === undefined) return grammar('a question built by clicks');
  if (input.clarify && Object.keys(input.clarify).length > 0) return grammar('a clarified question: the parser reading it was made by continues');
  if (!reading) return grammar(noModel);
  const why = rejection(input, doc, reading);
  if (why) return grammar(why);
  const categoryOf = (id: number) => doc.objects.find((o) => o.id === id)!.category;
  const q = queryOfReading(reading, categoryOf);
  const byModel = respondPrepared({ query: q.query, extra: q.extra }, { selection: q.selection, ...(input.viewpoint ? { viewpoint: input.viewpoint } : {}) }, info);
  const conf = reading.confidence.toFixed(2);
  if (byModel.kind !== 'answer') return grammar(`the model's reading does not ground (${byModel.kind === 'unsupported' ? byModel.reason : byModel.kind})`);
  if (reading.confidence >= QUESTION_CONFIDENCE) return { result: byModel, groundedBy: 'model', reason: `the language model grounded it (confidence ${conf})`, reading };
  const parsed = typedQuery(input.text);
  if ('unsupported' in parsed && reading.confidence >= QUESTION_BACKUP_CONFIDENCE) return { result: byModel, groundedBy: 'model', reason: `the parser cannot read it (${parsed.unsupported}); the language model grounded it (confidence ${conf})`, reading };
  return grammar(`the language model is unsure (confidence ${conf} < ${'unsupported' in parsed ? QUESTION_BACKUP_CONFIDENCE : QUESTION_CONFIDENCE})`);
}
