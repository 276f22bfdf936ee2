// Which reader answers an instruction: the language model or the grammar parser. The rule, in order:
//  1. no model (missing, or failed to load): the grammar answers, and the reason says why;
//  2. the model's reading grounds (an edit: "no edit" below 0.5; every object it names singled out),
//     the instruction names its target (category, synonym, a word within a typo, or "it" for the
//     selection), and its confidence (the least probable choice it made) is at least
//     MODEL_CONFIDENCE: the model answers;
//  3. the grammar grounds it (an edit, applied or refused): the grammar answers;
//  4. the grammar does not (not understood, ambiguous, not found) but the model's reading grounds,
//     names its target and is at least MODEL_FALLBACK_CONFIDENCE: the model answers, since a grammar
//     non-answer is never the better of the two;
//  5. otherwise the grammar's non-answer stands: a model below MODEL_FALLBACK_CONFIDENCE never acts, so
//     "make the room nicer" stays not understood instead of becoming some guessed edit.
// Both thresholds come from the model's own calibration on the dev paraphrase set (grounded, named
// readings of the stage-4 file: at 0.5 and above 145 of 149 right, from 0.3 to 0.5 one of two, under
// 0.3 none of six; stage 5: 145 of 151, 4 of 5, 1 of 2), not from comparing it with the grammar there (the grammar was fixed against that set, so it
// scores 100% on it and any rule tuned by comparison would just pick the grammar). The held-out test
// set was not looked at to choose the rule.
// Every answer carries `parser` and a reason in words, which the UI and the CLI show.
import { solveEdit } from '../solve';
import type { LayoutDocument } from '../types';
import { editByInstruction, type InstructionEdit } from '../instruction/edit';
import type { InstructionContext } from '../instruction/ground';
import type { ObjectRef } from '../../qa/ask/types';
import type { InstructionParse, ParsedInstruction, ReferencePhrase } from '../instruction/types';
import { readingAmbiguity, textNames } from './ambiguity';
import { groundReading, type ModelReading } from './decode';

/** Below this the model's reading is checked against the grammar (see the rule above). */
export const MODEL_CONFIDENCE = 0.5;
/** Below this the model never answers, even where the grammar has no answer (rule 4). */
export const MODEL_FALLBACK_CONFIDENCE = 0.3;

export interface AnsweredEdit {
  edit: InstructionEdit;
  reason: string;
  /** The model's reading when the model ran (whichever reader answered). */
  reading: ModelReading | null;
}

const ref = (doc: LayoutDocument, id: number): ObjectRef => {
  const o = doc.objects.find((x) => x.id === id)!;
  return { kind: 'category', phrase: `the ${o.category} (#${id})`, category: o.category, attributes: [] };
};

/** The reading in the parse shape the grammar reports (objects named by category and id). */
export function readingAsParse(doc: LayoutDocument, r: ModelReading, text: string): InstructionParse {
  const reference: ReferencePhrase | undefined =
    r.reference?.kind === 'object' ? { kind: 'object', ref: ref(doc, r.reference.id) } : r.reference?.kind === 'room' ? { kind: 'room' } : r.reference?.kind === 'wall' ? (r.reference.near !== undefined ? { kind: 'wall', near: ref(doc, r.reference.near) } : { kind: 'wall' }) : undefined;
  const instruction: ParsedInstruction = {
    intent: r.intent,
    target: ref(doc, r.target),
    ...(r.relation ? { relation: r.relation } : {}),
    ...(reference ? { reference } : {}),
    ...(r.reference2 !== null ? { reference2: ref(doc, r.reference2) } : {}),
    ...(r.direction ? { direction: r.direction } : {}),
    ...(r.amount ? { amount: { metres: r.amount.metres, text: r.amount.text, unit: r.unit, vague: r.amount.vague } } : {}),
    ...(r.degrees !== null ? { turn: { degrees: r.degrees, text: r.numberText ?? r.unit, senseGiven: true } } : {}),
    frame: r.frame,
    corrections: [],
    normalised: text,
  };
  return { kind: 'parsed', instruction };
}

/** The model's reading as an edit (grounded and solved), or null when it does not ground. */
export function editFromReading(doc: LayoutDocument, text: string, ctx: InstructionContext, reading: ModelReading, ms = 0): InstructionEdit {
  const t0 = performance.now();
  const parse = readingAsParse(doc, reading, text);
  const g = groundReading(doc, reading, ctx);
  const took = () => ms + performance.now() - t0;
  const vague = g.kind === 'grounded' ? readingAmbiguity(doc, text, reading, ctx.selection) : null;
  if (vague) return { status: 'ambiguous', parser: 'model', parse, reason: `${vague.candidates.length} objects are a ${vague.category} here and the instruction does not say which`, phrase: vague.category, candidates: vague.candidates, ms: took() };
  if (g.kind !== 'grounded') return { status: g.kind === 'unsupported' ? 'not_understood' : g.kind, parser: 'model', parse, reason: g.reason, phrase: g.phrase, candidates: g.candidates, ms: took() };
  const result = solveEdit(doc, g.request, ctx.viewer);
  return { status: result.ok ? 'edited' : 'refused', parser: 'model', parse, grounding: g.grounding, request: g.request, result, ms: took() };
}

const grounded = (e: InstructionEdit) => 'grounding' in e;

/**
 * Applies the rule above. `model` is the model's reading (null when no model ran) with the time it
 * took; `noModel` says why there is none.
 */
export function answerInstruction(doc: LayoutDocument, text: string, ctx: InstructionContext, model: { reading: ModelReading; ms: number } | null, noModel = 'no layout language model loaded'): AnsweredEdit {
  if (!model) return { edit: editByInstruction(doc, text, ctx), reason: `${noModel}; the grammar parser answered`, reading: null };
  const byModel = editFromReading(doc, text, ctx, model.reading, model.ms);
  const c = model.reading.confidence.toFixed(2);
  const named = textNames(doc, text, model.reading.target, ctx.selection);
  if (grounded(byModel) && model.reading.confidence >= MODEL_CONFIDENCE && named) return { edit: byModel, reason: `the language model answered (confidence ${c})`, reading: model.reading };
  const byGrammar = editByInstruction(doc, text, ctx);
  if (!grounded(byGrammar) && grounded(byModel) && named && model.reading.confidence >= MODEL_FALLBACK_CONFIDENCE)
    return { edit: byModel, reason: `the grammar parser could not ground it (${byGrammar.status}); the language model answered (confidence ${c})`, reading: model.reading };
  const why = !grounded(byModel)
    ? `the language model's reading did not ground (${'reason' in byModel ? byModel.reason : 'no grounding'})`
    : !named
      ? `the language model picked an object the instruction does not name`
      : `the language model was unsure (confidence ${c} < ${grounded(byGrammar) ? MODEL_CONFIDENCE : MODEL_FALLBACK_CONFIDENCE})`;
  return { edit: byGrammar, reason: `${why}; the grammar parser answered`, reading: model.reading };
}
