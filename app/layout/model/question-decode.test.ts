// The question classes of the layout model: the shared encoding's head sizes, reading hand-written
// logits as a question under each type's constraints, that reading as the QA engine's query (grounded
// and answered by the real QA code on the synthetic room), and the generator's question labels.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groundQuery } from '../../qa/ask/ground';
import { parseQuestion } from '../../qa/ask/parse';
import { qaObjectsOf } from '../instruction/ground';
import { Random } from '../../sample/random';
import { syntheticRoom } from '../testing/synthetic-room';
import { LayoutTokenizer } from '../tokenizer';
import { readOutputs, type ModelOutputs } from './decode';
import { HEAD_NAMES, HEADS, INTENTS, NO_EDIT, QUESTION_BASE, QUESTION_RELATION_CLASS, QUESTION_TYPES, questionClass, REFERENCE_EXTRA, RELATION_CLASSES, RELATION_HEAD } from './encode';
import { queryOfReading, readQuestion } from './question-decode';
import { Namer } from './synth';
import { plural, synthQuestion } from './synth-questions';

const doc = syntheticRoom();
const ids = doc.objects.map((o) => o.id);
const idx = (id: number) => ids.indexOf(id);
const categoryOf = (id: number) => doc.objects.find((o) => o.id === id)!.category;

function logits(pick: Partial<Record<(typeof HEAD_NAMES)[number], number>>, t = 10): ModelOutputs {
  const out = {} as ModelOutputs;
  for (const h of HEAD_NAMES) {
    out[h] = new Float32Array(HEADS[h](t, ids.length));
    const i = pick[h];
    if (i !== undefined) out[h][i] = 8;
  }
  return out;
}

describe('question classes in the shared encoding', () => {
  it('puts the question types after the edits and no-edit, and the question-only relations after the layout relations', () => {
    expect(NO_EDIT).toBe(INTENTS.length);
    expect(QUESTION_BASE).toBe(NO_EDIT + 1);
    expect(HEADS.intent()).toBe(INTENTS.length + 1 + QUESTION_TYPES.length);
    expect(RELATION_HEAD.slice(0, RELATION_CLASSES.length)).toEqual([...RELATION_CLASSES]);
    expect(HEADS.relation()).toBe(RELATION_HEAD.length);
    for (const [qa, head] of Object.entries(QUESTION_RELATION_CLASS)) expect(RELATION_HEAD.indexOf(head), qa).toBeGreaterThanOrEqual(0);
  });
});

describe('readQuestion', () => {
  it('reads a distance between two distinct objects even when both pointers favour one', () => {
    const r = readQuestion(logits({ intent: questionClass('distance'), target: idx(1), reference: idx(1) }), ids)!;
    expect(r.type).toBe('distance');
    expect(r.target).toBe(1);
    expect(r.reference).not.toBe(1);
    expect(r.question).toBeGreaterThan(0.9);
  });

  it('lets a side question have no reference, but not an "on" question', () => {
    const none = ids.length + REFERENCE_EXTRA.indexOf('none');
    const side = readQuestion(logits({ intent: questionClass('relation'), target: idx(6), reference: none, relation: RELATION_HEAD.indexOf('left_of') }), ids)!;
    expect(side).toMatchObject({ type: 'relation', relation: 'left', target: 6, reference: null });
    const on = readQuestion(logits({ intent: questionClass('relation'), target: idx(5), reference: none, relation: RELATION_HEAD.indexOf('on_top_of') }), ids)!;
    expect(on.relation).toBe('on');
    expect(on.reference).not.toBeNull();
  });

  it('never reads an edit-only relation for a question', () => {
    const r = readQuestion(logits({ intent: questionClass('find'), target: idx(4), relation: RELATION_HEAD.indexOf('facing') }), ids)!;
    expect(Object.keys(QUESTION_RELATION_CLASS)).toContain(r.relation);
    expect(r.relation).not.toBe('between');
  });

  it('reports little question mass for an edit', () => {
    const r = readQuestion(logits({ intent: INTENTS.indexOf('move'), target: idx(6) }), ids)!;
    expect(r.question).toBeLessThan(0.01);
  });
});

describe('question mass in the edit reader', () => {
  it('counts questions against an edit only when the text opens like a question', () => {
    // Intent logits: a question class well ahead of "place".
    const out = logits({ intent: questionClass('relation'), target: idx(6), reference: idx(1), relation: RELATION_HEAD.indexOf('next_to') });
    out.intent[INTENTS.indexOf('place')] = 6;
    const asked = readOutputs(out, ids, ['[CLS]', 'is', 'the', 'chair', 'next', 'to', 'the', 'sofa', '[SEP]']);
    expect(asked.noEdit).toBeGreaterThan(0.8);
    const told = readOutputs(out, ids, ['[CLS]', 'chair', 'next', 'to', 'the', 'sofa', 'please', '[SEP]']);
    expect(told.noEdit).toBeLessThan(0.05);
    expect(told.intent).toBe('place');
    expect(told.probabilities.intent).toBeGreaterThan(0.9);
  });
});

describe('queryOfReading', () => {
  const objects = qaObjectsOf(doc);
  it('grounds each pointed object as a checked selection reference', () => {
    const r = readQuestion(logits({ intent: questionClass('relation'), target: idx(5), reference: idx(4), relation: RELATION_HEAD.indexOf('on_top_of') }), ids)!;
    const q = queryOfReading(r, categoryOf);
    expect(q.selection).toEqual([5, 4]);
    const g = groundQuery(q.query, { objects, selection: q.selection });
    expect(g).toEqual({ kind: 'query', query: { kind: 'relation', relation: 'on', a: 5, b: 4 } });
  });

  it('counts the category of the pointed object and measures sizes by the dimension in the class', () => {
    const count = queryOfReading(readQuestion(logits({ intent: questionClass('count'), target: idx(2) }), ids)!, categoryOf);
    expect(count.query).toEqual({ kind: 'count', category: 'coffee table', phrase: 'coffee table' });
    const tall = queryOfReading(readQuestion(logits({ intent: questionClass('height'), target: idx(7) }), ids)!, categoryOf);
    expect(tall.query).toMatchObject({ kind: 'size', dimension: 'height' });
    const where = queryOfReading(readQuestion(logits({ intent: questionClass('direction'), target: idx(7) }), ids)!, categoryOf);
    expect(where.extra).toBe('direction');
  });
});

describe('question generator', () => {
  const tok = LayoutTokenizer.fromJson(JSON.parse(readFileSync(new URL('../../../native-models/layout/vocab.json', import.meta.url), 'utf8')) as unknown);
  const rng = new Random(11);
  const namer = new Namer(doc, rng);
  const examples = Array.from({ length: 400 }, () => synthQuestion(doc, tok, rng, namer)).filter((e) => e !== null);

  it('labels a question class, objects inside the room and a QA relation', () => {
    expect(examples.length).toBeGreaterThan(300);
    const m = doc.objects.length;
    for (const ex of examples) {
      expect(ex.labels.intent).toBeGreaterThanOrEqual(QUESTION_BASE);
      expect(ex.labels.target).toBeLessThan(m);
      if (ex.labels.reference >= 0) expect(ex.labels.reference).toBeLessThan(m + REFERENCE_EXTRA.length);
      if (ex.labels.relation >= 0) expect(Object.values(QUESTION_RELATION_CLASS)).toContain(RELATION_HEAD[ex.labels.relation]);
      expect(ex.tokens.length).toBeLessThan(64);
    }
    expect(new Set(examples.map((e) => e.labels.intent)).size).toBe(QUESTION_TYPES.length);
  });

  it('writes questions whose labels the QA parser agrees with where it reads them', () => {
    const objects = qaObjectsOf(doc);
    const typeOf = (q: { kind: string; dimension?: string }) => (q.kind === 'side' ? 'relation' : q.kind === 'size' ? (q.dimension === 'all' ? 'size' : q.dimension) : q.kind);
    let read = 0;
    let sameType = 0;
    for (const ex of examples) {
      const p = parseQuestion(ex.text);
      if (p.kind !== 'parsed' || ex.selection.length > 0) continue;
      const g = groundQuery(p.query, { objects, selection: [] });
      if (g.kind !== 'query') continue;
      read++;
      const target = doc.objects[ex.labels.target]!.id;
      const q = g.query;
      // The parser misreads some forms ("how many metres between …" as a count); compare objects where it read the type.
      if (typeOf(q) !== QUESTION_TYPES[ex.labels.intent - QUESTION_BASE] && !(q.kind === 'size' && /where|direction/i.test(ex.text))) continue;
      sameType++;
      const first = q.kind === 'distance' || q.kind === 'relation' ? q.a : q.kind === 'size' || q.kind === 'side' ? q.target : q.kind === 'find' ? q.reference : null;
      if (q.kind === 'count') {
        // A count the parser read with trailing words ("chairs thanks") names no category of the room.
        if (doc.objects.some((o) => o.category === q.category)) expect(q.category, ex.text).toBe(categoryOf(target));
      }
      else if (q.kind !== 'distance') expect(first, ex.text).toBe(target);
    }
    expect(read).toBeGreaterThan(50);
    expect(sameType / read).toBeGreaterThan(0.8);
  });

  it('makes plurals', () => {
    expect(['chair', 'bookshelf', 'coffee table', 'box', 'library', 'couch'].map(plural)).toEqual(['chairs', 'bookshelves', 'coffee tables', 'boxes', 'libraries', 'couches']);
  });
});
