// The layout model's logits read as a typed question (encode.ts QUESTION_TYPES): the question type, the
// objects by id (target, reference, between's third) and the relation, under each type's constraints
// (distinct objects, a side may have no reference, "between" takes three). The reading becomes the QA
// engine's own ParsedQuery with selection references to the pointed objects, so grounding checks them
// and the answer comes from the exact QA computations (app/qa/ask/respond.ts), as for the parser.
import { canonicalCategory } from '../../qa/ask/lexicon';
import type { ObjectRef, ParsedQuery } from '../../qa/ask/types';
import type { SpatialRelation } from '../../geometry/relations';
import type { ViewSide } from '../../geometry/view-angle';
import type { ModelOutputs } from './decode';
import { QUESTION_BASE, QUESTION_RELATION_CLASS, QUESTION_TYPES, REFERENCE_EXTRA, RELATION_HEAD, type QuestionType } from './encode';
import { pickAllowed, softmax } from './head-probabilities';

export interface QuestionReading {
  type: QuestionType;
  target: number;
  reference: number | null;
  reference2: number | null;
  /** The QA relation ("on", "left", "between" …) of relation and find questions. */
  relation: string | null;
  /** Probability of each choice the reading used. */
  probabilities: Record<string, number>;
  /** The smallest of `probabilities`. */
  confidence: number;
  /** Probability mass of all question classes (against edits and no-edit). */
  question: number;
}

const SIDES = new Set(['left', 'right', 'front', 'behind']);
/** Relation-head class index → QA relation. */
const QA_RELATION_OF = new Map(Object.entries(QUESTION_RELATION_CLASS).map(([qa, head]) => [RELATION_HEAD.indexOf(head), qa]));

/**
 * Reads the heads as a question; null when the room leaves no valid reading (fewer objects than the type
 * needs). With `categoryOf`, a count points at a category: the target head's probability summed over the
 * objects of each category (training labels one of several same-category objects, so the mass spreads).
 */
export function readQuestion(out: ModelOutputs, objectIds: readonly number[], categoryOf?: (id: number) => string): QuestionReading | null {
  const m = objectIds.length;
  const intent = softmax(out.intent);
  const question = intent.slice(QUESTION_BASE).reduce((a, b) => a + b, 0);
  const t = pickAllowed(intent, (i) => i >= QUESTION_BASE);
  if (!t || m === 0) return null;
  const type = QUESTION_TYPES[t.index - QUESTION_BASE]!;
  // The type's probability among the question classes: the reading is a question by the caller's rule.
  const probabilities: Record<string, number> = { type: t.p / Math.max(question, 1e-9) };
  const targetP = softmax(out.target);
  let target = pickAllowed(targetP, (i) => i < m)!;
  if (type === 'count' && categoryOf) {
    const mass = new Map<string, { p: number; first: number }>();
    for (let i = 0; i < m; i++) {
      const c = canonicalCategory(categoryOf(objectIds[i]!));
      const g = mass.get(c) ?? { p: 0, first: i };
      g.p += targetP[i]!;
      mass.set(c, g);
    }
    const best = [...mass.values()].reduce((a, b) => (b.p > a.p ? b : a));
    target = { index: best.first, p: best.p };
  }
  probabilities.target = target.p;
  let relation: string | null = null;
  if (type === 'relation' || type === 'find') {
    const r = pickAllowed(softmax(out.relation), (i) => QA_RELATION_OF.has(i) && !(type === 'find' && QA_RELATION_OF.get(i) === 'between'));
    if (!r) return null;
    relation = QA_RELATION_OF.get(r.index)!;
    probabilities.relation = r.p;
  }
  let reference: number | null = null;
  let refIndex = -1;
  if (type === 'distance' || type === 'centre_distance' || type === 'relation') {
    const none = m + REFERENCE_EXTRA.indexOf('none');
    const sideAlone = relation !== null && SIDES.has(relation);
    const r = pickAllowed(softmax(out.reference), (i) => (i < m ? i !== target.index : sideAlone && i === none));
    if (!r) return null;
    probabilities.reference = r.p;
    if (r.index < m) {
      refIndex = r.index;
      reference = objectIds[r.index]!;
    }
  }
  let reference2: number | null = null;
  if (relation === 'between') {
    const r = pickAllowed(softmax(out.reference2), (i) => i < m && i !== target.index && i !== refIndex);
    if (!r || refIndex < 0) return null;
    probabilities.reference2 = r.p;
    reference2 = objectIds[r.index]!;
  }
  const confidence = Math.min(...Object.values(probabilities));
  return { type, target: objectIds[target.index]!, reference, reference2, relation, probabilities, confidence, question };
}

/** What respond.ts answers beyond a ParsedQuery (centre distance, "where is"). */
export type QuestionExtra = 'centre' | 'direction' | null;

/**
 * The reading as the QA engine's query. Objects are selection references into `selection` (the
 * pointed ids in role order), each with its category, so grounding checks each id like a click.
 */
export function queryOfReading(r: QuestionReading, categoryOf: (id: number) => string): { query: ParsedQuery; extra: QuestionExtra; selection: number[] } {
  const selection: number[] = [];
  const ref = (id: number): ObjectRef => {
    selection.push(id);
    const category = canonicalCategory(categoryOf(id));
    return { kind: 'selection', phrase: `the ${categoryOf(id)}`, index: selection.length - 1, category };
  };
  const a = ref(r.target);
  const done = (query: ParsedQuery, extra: QuestionExtra = null) => ({ query, extra, selection });
  switch (r.type) {
    case 'count': {
      const category = canonicalCategory(categoryOf(r.target));
      selection.length = 0;
      return done({ kind: 'count', category, phrase: category });
    }
    case 'distance':
    case 'centre_distance':
      return done({ kind: 'distance', a, b: ref(r.reference!) }, r.type === 'centre_distance' ? 'centre' : null);
    case 'size':
      return done({ kind: 'size', target: a, dimension: 'all' });
    case 'height':
    case 'length':
    case 'width':
      return done({ kind: 'size', target: a, dimension: r.type });
    case 'direction':
      return done({ kind: 'size', target: a, dimension: 'all' }, 'direction');
    case 'find':
      return done({ kind: 'find', relation: r.relation as SpatialRelation | ViewSide, reference: a });
    case 'relation': {
      const rel = r.relation!;
      if (SIDES.has(rel)) return done(r.reference === null ? { kind: 'side', side: rel as ViewSide, target: a, view: { kind: 'camera' } } : { kind: 'side', side: rel as ViewSide, target: a, reference: ref(r.reference) });
      const b = ref(r.reference!);
      if (rel === 'between') return done({ kind: 'relation', relation: 'between', a, b, c: ref(r.reference2!) });
      return done({ kind: 'relation', relation: rel as SpatialRelation, a, b });
    }
  }
}
