// Reading the model's heads under the intent's constraints, and the reading to a solver request,
// on the hand-laid synthetic room with logits written out by hand.
import { describe, expect, it } from 'vitest';
import { syntheticRoom } from '../testing/synthetic-room';
import { groundReading, readOutputs, unitAfter, type ModelOutputs } from './decode';
import { DIRECTION_CLASSES, HEAD_NAMES, HEADS, INTENTS, NO_EDIT, RELATION_CLASSES, SENSE_CLASSES, UNIT_CLASSES } from './encode';

const doc = syntheticRoom();
const ids = doc.objects.map((o) => o.id);
const tokens = ['[CLS]', 'move', 'the', 'chair', '5', '0', 'cm', 'left', 'of', 'the', 'sofa', '[SEP]'];

/** Zero logits everywhere, then +8 on the named choices. */
function logits(pick: Partial<Record<(typeof HEAD_NAMES)[number], number>>): ModelOutputs {
  const out = {} as ModelOutputs;
  for (const h of HEAD_NAMES) {
    out[h] = new Float32Array(HEADS[h](tokens.length, ids.length));
    const i = pick[h];
    if (i !== undefined) out[h][i] = 8;
  }
  return out;
}
const idx = (id: number) => ids.indexOf(id);

describe('readOutputs', () => {
  it('reads a placement with an amount from the span and unit heads', () => {
    const r = readOutputs(
      logits({ intent: INTENTS.indexOf('place'), target: idx(6), reference: idx(1), relation: RELATION_CLASSES.indexOf('left_of'), unit: UNIT_CLASSES.indexOf('cm'), frame: 0, span_start: 4, span_end: 5 }),
      ids,
      tokens,
    );
    expect(r).toMatchObject({ intent: 'place', target: 6, relation: 'left_of', reference: { kind: 'object', id: 1 }, numberText: '50', unit: 'cm' });
    expect(r.amount!.metres).toBeCloseTo(0.5, 9);
    expect(r.confidence).toBeGreaterThan(0.9);
  });

  it('takes the length unit from the word after the number when the unit head is off', () => {
    const r = readOutputs(logits({ intent: INTENTS.indexOf('place'), target: idx(6), reference: idx(1), relation: RELATION_CLASSES.indexOf('left_of'), unit: UNIT_CLASSES.indexOf('mm'), frame: 0, span_start: 4, span_end: 5 }), ids, tokens);
    expect(r.unit).toBe('cm');
    expect(r.amount!.metres).toBeCloseTo(0.5, 9);
    expect(unitAfter(['[CLS]', '2', 'fe', '##et', '[SEP]'], 1)).toBe('ft');
    expect(unitAfter(['[CLS]', '2', 'sofa', '[SEP]'], 1)).toBeNull();
  });

  it('never makes the target its own reference, and takes a direction for a move', () => {
    const r = readOutputs(logits({ intent: INTENTS.indexOf('place'), target: idx(6), reference: idx(6), relation: RELATION_CLASSES.indexOf('next_to') }), ids, tokens);
    expect(r.reference).not.toEqual({ kind: 'object', id: 6 });
    expect(r.confidence).toBeLessThan(0.5);
    const m = readOutputs(logits({ intent: INTENTS.indexOf('move'), target: idx(2), direction: DIRECTION_CLASSES.indexOf('backward') }), ids, tokens);
    expect(m).toMatchObject({ intent: 'move', direction: 'backward', relation: null, reference: null });
  });

  it('reads a clockwise quarter turn as −90°', () => {
    const r = readOutputs(logits({ intent: INTENTS.indexOf('rotate'), target: idx(6), unit: UNIT_CLASSES.indexOf('quarter_turn'), sense: SENSE_CLASSES.indexOf('cw') }), ids, tokens);
    expect(r.degrees).toBe(-90);
  });

  it('reads "against the wall by an object" as the wall nearest that object', () => {
    const r = readOutputs(logits({ intent: INTENTS.indexOf('place'), target: idx(7), reference: idx(9), relation: RELATION_CLASSES.indexOf('against_wall') }), ids, tokens);
    expect(r.reference).toEqual({ kind: 'wall', near: 9 });
    const g = groundReading(doc, r, { selection: [] });
    expect(g.kind).toBe('grounded');
    if (g.kind === 'grounded') expect(g.request).toMatchObject({ op: 'place', target: 7, relation: 'against_wall', reference: { kind: 'wall' } });
  });

  it('grounds a swap and a "between" with two distinct objects', () => {
    const s = readOutputs(logits({ intent: INTENTS.indexOf('swap'), target: idx(6), reference2: idx(6) }), ids, tokens);
    expect(s.reference2).not.toBe(6);
    const b = readOutputs(logits({ intent: INTENTS.indexOf('place'), target: idx(6), reference: idx(1), reference2: idx(1), relation: RELATION_CLASSES.indexOf('between') }), ids, tokens);
    expect(b.reference2).not.toBe(1);
    expect(b.reference2).not.toBe(6);
  });

  it('reads the last intent class as no edit, and grounds nothing then', () => {
    const r = readOutputs(logits({ intent: NO_EDIT, target: idx(6) }), ids, tokens);
    expect(r.noEdit).toBeGreaterThan(0.9);
    expect(groundReading(doc, r, { selection: [] })).toMatchObject({ kind: 'unsupported', reason: expect.stringMatching(/no layout edit/) });
  });

  it('refuses a viewer-frame reading when no viewer is known', () => {
    const r = readOutputs(logits({ intent: INTENTS.indexOf('move'), target: idx(6), direction: DIRECTION_CLASSES.indexOf('left'), frame: 1 }), ids, tokens);
    expect(r.frame).toBe('viewer');
    expect(groundReading(doc, r, { selection: [] })).toMatchObject({ kind: 'unsupported' });
  });
});
