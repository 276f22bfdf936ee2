// The layout model's logits to a reading (intent, objects by id, relation, amount) and that reading
// to the solver's request, the same Grounding the grammar path reports. Heads are read under the
// intent's constraints (a move has a direction, "between" two distinct objects, a reference is never
// the target), so a reading is always well-formed; `confidence` is the lowest probability among the
// choices that reading used, which the caller compares with a threshold to fall back to the grammar.
import { nearestWall } from '../build';
import { A_BIT_DEGREES, A_BIT_METRES, UNITS } from '../instruction/amount';
import type { GroundResult, Grounding, InstructionContext } from '../instruction/ground';
import { editRequestOf, REFERENCE_OPTIONAL } from '../instruction/edit-request';
import type { Intent } from '../instruction/types';
import type { Frame, LayoutRelation, MoveDirection, Reference } from '../request';
import type { LayoutDocument } from '../types';
import { DIRECTION_CLASSES, FRAME_CLASSES, INTENTS, NO_EDIT, QUESTION_BASE, RELATION_CLASSES, REFERENCE_EXTRA, SENSE_CLASSES, UNIT_CLASSES, UNIT_METRES, type HeadName, type UnitClass } from './encode';
import { numberFromText, spanText } from './span-number';
import { pickAllowed, softmax } from './head-probabilities';

export type ModelOutputs = Record<HeadName, Float32Array>;

export type ModelReference = { kind: 'object'; id: number } | { kind: 'room' } | { kind: 'wall'; near?: number };

export interface ModelReading {
  intent: Intent;
  target: number;
  relation: LayoutRelation | null;
  reference: ModelReference | null;
  reference2: number | null;
  direction: MoveDirection | null;
  frame: Frame;
  unit: UnitClass;
  /** The number's words as the span head found them ("50", "half a"); null when none was needed. */
  numberText: string | null;
  amount: { metres: number; text: string; vague: boolean } | null;
  degrees: number | null;
  /** Probability of each choice the reading used. */
  probabilities: Record<string, number>;
  /** The smallest of `probabilities`. */
  confidence: number;
  /** Probability that the text is no layout edit at all (no edit, or a question). */
  noEdit: number;
}

/** Relations whose reference may be the room. */
const ROOM_OK = new Set<LayoutRelation>(['centred_on']);
const LENGTH_UNITS = new Set<UnitClass>(['none', 'mm', 'cm', 'm', 'ft', 'in', 'bit']);
const TURN_UNITS = new Set<UnitClass>(['deg', 'quarter_turn', 'half_turn', 'bit']);

/** First words (tokens) of a text that opens like a question. */
export const QUESTION_OPENERS: ReadonlySet<string> = new Set(['how', 'what', 'which', 'where', 'is', 'are', 'does', 'do', 'did', 'was', 'were', 'count', 'distance']);

/** The best index among those `allowed` admits, with its probability over the whole head. */
function pick(logits: ArrayLike<number>, allowed: (i: number) => boolean): { index: number; p: number } | null {
  return pickAllowed(softmax(logits), allowed);
}

export class ModelReadError extends Error {
  override name = 'ModelReadError';
}

/**
 * Reads the heads. `objectIds[i]` is the object of pointer index i; `tokens` the instruction's
 * tokens (for the amount span). Throws ModelReadError when the room leaves no valid choice (e.g. one object).
 */
export function readOutputs(out: ModelOutputs, objectIds: readonly number[], tokens: readonly string[]): ModelReading {
  const m = objectIds.length;
  const probabilities: Record<string, number> = {};
  const need = <T>(v: T | null, what: string): T => {
    if (v === null) throw new ModelReadError(`no valid ${what} in this room`);
    return v;
  };
  // An instruction is read as a question only when it opens like one ("how far …", "is the …"): a
  // request such as "sofa next to the tv please" may look like a question to the model, but it is
  // not asked as one, so the question classes leave the intent head and the rest is renormalised.
  let intentP = softmax(out.intent);
  if (!QUESTION_OPENERS.has(tokens[1] ?? '')) {
    const kept = intentP.map((p, i) => (i < QUESTION_BASE ? p : 0));
    const sum = kept.reduce((a, b) => a + b, 0);
    intentP = kept.map((p) => p / sum);
  }
  const intentPick = need(pickAllowed(intentP, (i) => i < NO_EDIT), 'intent');
  // What is not an edit: no edit, or (for a text that opens like a question) a question.
  const noEdit = intentP.slice(NO_EDIT).reduce((a, b) => a + b, 0);
  const intent = INTENTS[intentPick.index]!;
  probabilities.intent = intentPick.p;
  const targetPick = need(pick(out.target, (i) => i < m), 'target');
  probabilities.target = targetPick.p;
  const targetIndex = targetPick.index;

  let relation: LayoutRelation | null = null;
  if (intent === 'place' || intent === 'duplicate') {
    const r = need(pick(out.relation, (i) => i < RELATION_CLASSES.length && (intent === 'duplicate' || RELATION_CLASSES[i] !== 'none')), 'relation');
    const name = RELATION_CLASSES[r.index]!;
    relation = name === 'none' ? null : name;
    probabilities.relation = r.p;
  }
  let direction: MoveDirection | null = null;
  if (intent === 'move') {
    const d = need(pick(out.direction, (i) => DIRECTION_CLASSES[i] !== 'none'), 'direction');
    direction = DIRECTION_CLASSES[d.index] as MoveDirection;
    probabilities.direction = d.p;
  }

  const room = m + REFERENCE_EXTRA.indexOf('room');
  const wall = m + REFERENCE_EXTRA.indexOf('wall');
  const none = m + REFERENCE_EXTRA.indexOf('none');
  let reference: ModelReference | null = null;
  let refIndex = -1;
  if (relation) {
    const rel = relation;
    const r = need(
      pick(out.reference, (i) => (i < m ? i !== targetIndex : i === room ? ROOM_OK.has(rel) : i === wall ? rel === 'against_wall' : REFERENCE_OPTIONAL.has(rel) && rel !== 'against_wall')),
      'reference',
    );
    probabilities.reference = r.p;
    if (r.index < m) {
      refIndex = r.index;
      reference = rel === 'against_wall' ? { kind: 'wall', near: objectIds[r.index]! } : { kind: 'object', id: objectIds[r.index]! };
    } else if (r.index === room) reference = { kind: 'room' };
    else if (r.index === wall) reference = { kind: 'wall' };
    else if (r.index !== none) throw new ModelReadError(`reference slot ${r.index} out of range`);
  }
  let reference2: number | null = null;
  if (intent === 'swap' || relation === 'between') {
    const r = need(pick(out.reference2, (i) => i < m && i !== targetIndex && i !== refIndex), 'second object');
    probabilities.reference2 = r.p;
    reference2 = objectIds[r.index]!;
  }

  let frame: Frame = 'object';
  if (intent === 'move' || (relation && ['left_of', 'right_of', 'in_front_of', 'behind'].includes(relation))) {
    const f = pick(out.frame, () => true)!;
    frame = FRAME_CLASSES[f.index]!;
    probabilities.frame = f.p;
  }

  // Amounts: a length for place / move / duplicate, an angle for rotate; the span's words give the number.
  let unit: UnitClass = 'none';
  let numberText: string | null = null;
  let amount: ModelReading['amount'] = null;
  let degrees: number | null = null;
  if (intent !== 'swap' && intent !== 'remove') {
    const units = intent === 'rotate' ? TURN_UNITS : LENGTH_UNITS;
    const u = need(pick(out.unit, (i) => units.has(UNIT_CLASSES[i]!)), 'unit');
    unit = UNIT_CLASSES[u.index]!;
    probabilities.unit = u.p;
    let n: number | null = null;
    if (unit in UNIT_METRES || unit === 'deg') {
      const span = bestSpan(out.span_start, out.span_end, tokens.length);
      probabilities.span = span.p;
      numberText = spanText(tokens.slice(span.start, span.end + 1));
      n = numberFromText(numberText);
      if (n === null) probabilities.span = 0;
      // The unit is the word right after the number when it is one ("50 cm", "2 feet"): the model
      // says that there is a length, the word says which; an unknown word keeps the model's unit.
      const said = unitAfter(tokens, span.end);
      if (said && unit in UNIT_METRES) unit = said;
    }
    if (intent === 'rotate') {
      const base = unit === 'deg' ? n : unit === 'quarter_turn' ? 90 : unit === 'half_turn' ? 180 : A_BIT_DEGREES;
      const s = pick(out.sense, () => true)!;
      probabilities.sense = s.p;
      degrees = base === null ? null : SENSE_CLASSES[s.index] === 'cw' ? -base : base;
    } else if (unit === 'bit') amount = { metres: A_BIT_METRES, text: 'a bit', vague: true };
    else if (unit !== 'none' && n !== null) amount = { metres: n * UNIT_METRES[unit]!, text: `${numberText} ${unit}`, vague: false };
  }
  const confidence = Math.min(...Object.values(probabilities));
  return { intent, target: objectIds[targetIndex]!, relation, reference, reference2, direction, frame, unit, numberText, amount, degrees, probabilities, confidence, noEdit };
}

const UNIT_BY_FACTOR = new Map<number, UnitClass>([
  [0.001, 'mm'],
  [0.01, 'cm'],
  [1, 'm'],
  [0.3048, 'ft'],
  [0.0254, 'in'],
]);

/** The length unit named by the word after token `end` (its word pieces joined), or null. */
export function unitAfter(tokens: readonly string[], end: number): UnitClass | null {
  let word = tokens[end + 1] ?? '';
  if (!/^[a-z]+$/.test(word)) return null;
  for (let i = end + 2; i < tokens.length && tokens[i]!.startsWith('##'); i++) word += tokens[i]!.slice(2);
  const k = UNITS[word];
  return k === undefined ? null : (UNIT_BY_FACTOR.get(k) ?? null);
}

/** The start ≤ end pair (at most 6 tokens, not [CLS]) with the largest start + end logit. */
function bestSpan(start: Float32Array, end: Float32Array, t: number): { start: number; end: number; p: number } {
  const ps = softmax(start.subarray(0, t));
  const pe = softmax(end.subarray(0, t));
  let best = { start: 1, end: 1, p: -1 };
  for (let i = 1; i < t; i++) for (let j = i; j < Math.min(t, i + 6); j++) if (ps[i]! * pe[j]! > best.p) best = { start: i, end: j, p: ps[i]! * pe[j]! };
  return { ...best, p: Math.sqrt(Math.max(0, best.p)) };
}


/** A reading to the solver's request and the Grounding the UI and CLI show (mirrors groundInstruction). */
export function groundReading(doc: LayoutDocument, reading: ModelReading, ctx: InstructionContext): GroundResult {
  const objectOf = (id: number) => doc.objects.find((o) => o.id === id)!;
  const phrase = (id: number) => ({ phrase: `the ${objectOf(id).category}`, id, category: objectOf(id).category });
  const refuse = (reason: string): GroundResult => ({ kind: 'unsupported', phrase: 'from my view', reason, candidates: [] });
  if (reading.noEdit >= 0.5) return { kind: 'unsupported', phrase: '', reason: `the language model reads no layout edit here (p = ${reading.noEdit.toFixed(2)}); try e.g. "move the chair 50 cm to the left of the bed"`, candidates: [] };
  if (reading.frame === 'viewer' && !ctx.viewer) return refuse('the instruction speaks from your viewpoint, but no viewer position is known');
  const target = phrase(reading.target);
  let ref: Reference | undefined;
  let refPhrase: Grounding['reference'] = null;
  const r = reading.reference;
  if (r?.kind === 'object') {
    ref = { kind: 'object', id: r.id };
    refPhrase = phrase(r.id);
  } else if (r?.kind === 'room') {
    ref = { kind: 'room' };
    refPhrase = { phrase: 'the room', id: 'room', category: 'room' };
  } else if (r?.kind === 'wall' && r.near !== undefined) {
    const o = objectOf(r.near);
    const wallId = doc.room.openings.find((x) => x.objectId === o.id)?.wallId ?? nearestWall(doc.room.walls, [o.pose.center[0], o.pose.center[1]])?.wall.id;
    if (!wallId) return { kind: 'unsupported', phrase: 'the wall', reason: 'the room has no walls', candidates: [] };
    ref = { kind: 'wall', id: wallId };
    refPhrase = { phrase: `the wall by the ${o.category}`, id: wallId, category: 'wall' };
  }
  const reference2 = reading.reference2 === null ? null : phrase(reading.reference2);
  const grounding: Grounding = {
    intent: reading.intent,
    target,
    relation: reading.relation ?? (reading.intent === 'place' ? 'next_to' : reading.intent),
    reference: refPhrase,
    reference2,
    amount: reading.amount,
    direction: reading.direction,
    degrees: reading.degrees,
    frame: reading.frame,
  };
  const made = editRequestOf({
    intent: reading.intent,
    target: target.id,
    relation: reading.relation,
    frame: reading.frame,
    reference: ref ?? null,
    reference2: reference2?.id ?? null,
    amount: reading.amount?.metres ?? null,
    direction: reading.direction,
    degrees: reading.degrees,
  });
  if (made.kind === 'refused') return { kind: 'unsupported', phrase: reading.intent === 'rotate' ? (reading.numberText ?? '') : '', reason: reading.intent === 'rotate' ? `cannot read the angle "${reading.numberText ?? ''}"` : made.reason, candidates: [] };
  const request = made.request;
  if (reading.intent === 'swap') {
    grounding.reference = reference2;
    grounding.reference2 = null;
  }
  return { kind: 'grounded', request, grounding };
}
