// The grammar parser: intents, relations, amounts with units, typos, politeness, relative clauses
// and "it"/"this" as the selection.
import { describe, expect, it } from 'vitest';
import { A_BIT_METRES, findLength, findTurn } from './amount';
import { parseInstruction } from './parse';
import { correctTypos, editDistance } from './typos';
import type { ParsedInstruction } from './types';

const cats = ['sofa', 'coffee table', 'tv stand', 'desk', 'lamp', 'chair', 'bookshelf', 'door', 'window', 'table'];
function parsed(text: string): ParsedInstruction {
  const r = parseInstruction(text, { categories: cats });
  if (r.kind !== 'parsed') throw new Error(`unsupported: ${r.reason}`);
  return r.instruction;
}
const cat = (r: ParsedInstruction['target'] | undefined) => (r?.kind === 'category' ? r.category : r?.kind === 'selection' ? `selection ${r.index}` : null);
const refCat = (p: ParsedInstruction) => (p.reference?.kind === 'object' ? cat(p.reference.ref) : p.reference?.kind ?? null);

describe('amounts', () => {
  it.each([
    ['50 cm', 0.5],
    ['50cm', 0.5],
    ['0.5 m', 0.5],
    ['1,5 m', 1.5],
    ['half a metre', 0.5],
    ['half a meter', 0.5],
    ['a metre and a half', 1.5],
    ['one and a half meters', 1.5],
    ['2 ft', 0.6096],
    ['two feet', 0.6096],
    ['6 inches', 0.1524],
    ['300 mm', 0.3],
    ['a foot', 0.3048],
    ['a bit', A_BIT_METRES],
    ['slightly', A_BIT_METRES],
    ['3/4 m', 0.75],
    ['30 cm away', 0.3],
  ])('%s = %f m', (text, metres) => {
    const normalised = text.replace(/,/, '.');
    const f = findLength(`move it ${normalised} left`);
    expect(f?.value.metres).toBeCloseTo(metres, 9);
    expect(f?.rest).toBe('move it left');
  });

  it('reads turns with their sense; counter-clockwise is positive', () => {
    expect(findTurn('turn it 90 degrees')?.value.degrees).toBe(90);
    expect(findTurn('turn it 90 degrees clockwise')?.value.degrees).toBe(-90);
    expect(findTurn('rotate it a quarter turn to the right')?.value.degrees).toBe(-90);
    expect(findTurn('turn it around')?.value.degrees).toBe(180);
    expect(findTurn('move it left')).toBeNull();
  });
});

describe('typos', () => {
  it('edit distance counts a swap of neighbours as one edit', () => {
    expect(editDistance('chiar', 'chair')).toBe(1);
    expect(editDistance('bookshelf', 'bokshelf')).toBe(1);
    expect(editDistance('sofa', 'desk')).toBe(4);
  });
  it('corrects only unknown words within the allowed distance, never on a tie', () => {
    const known = new Set(['chair', 'stair', 'move', 'sofa']);
    expect(correctTypos('moev the chiar', known)).toEqual({ text: 'move the chair', corrections: [{ from: 'moev', to: 'move' }, { from: 'chiar', to: 'chair' }] });
    // "shair" is one edit from both chair and stair: left alone.
    expect(correctTypos('shair', known).corrections).toEqual([]);
  });
});

describe('instructions', () => {
  it.each<[string, Partial<Record<'intent' | 'relation' | 'target' | 'reference' | 'amount' | 'direction' | 'degrees' | 'frame', unknown>>]>([
    ['Move the chair 50 cm to the left of the sofa.', { intent: 'place', relation: 'left_of', target: 'chair', reference: 'sofa', amount: 0.5 }],
    ['Could you please put the chair right of the couch, 30cm away?', { intent: 'place', relation: 'right_of', target: 'chair', reference: 'sofa', amount: 0.3 }],
    ['would you mind moving the small table that is by the sofa 20 cm to the right', { intent: 'move', direction: 'right', target: 'table', amount: 0.2 }],
    ['pls moev the chiar next to the bookshelf', { intent: 'place', relation: 'next_to', target: 'chair', reference: 'bookshelf' }],
    ['turn it 90 degrees clockwise', { intent: 'rotate', target: 'selection 0', degrees: -90 }],
    ['rotate the chair to face the window', { intent: 'place', relation: 'facing', target: 'chair', reference: 'window' }],
    ['make the sofa face away from the tv stand', { intent: 'place', relation: 'facing_away', target: 'sofa', reference: 'tv stand' }],
    ['swap the chair and the coffee table', { intent: 'swap', target: 'chair' }],
    ['get rid of the lamp', { intent: 'remove', target: 'lamp' }],
    ['duplicate the chair and put it next to the desk', { intent: 'duplicate', relation: 'next_to', target: 'chair', reference: 'desk' }],
    ['place another chair by the door', { intent: 'duplicate', relation: 'next_to', target: 'chair', reference: 'door' }],
    ['push the sofa back a bit', { intent: 'move', direction: 'backward', target: 'sofa', amount: A_BIT_METRES }],
    ['put the chair in the corner', { intent: 'place', relation: 'in_corner', target: 'chair' }],
    ['push the bookshelf against the wall by the window', { intent: 'place', relation: 'against_wall', target: 'bookshelf', reference: 'wall' }],
    ['centre the coffee table in the room', { intent: 'place', relation: 'centred_on', target: 'coffee table', reference: 'room' }],
    ['align the chair with the desk', { intent: 'place', relation: 'aligned_with', target: 'chair', reference: 'desk' }],
    ['move the chair 2 ft closer to the tv stand', { intent: 'place', relation: 'toward', target: 'chair', reference: 'tv stand', amount: 0.6096 }],
    ['put the chair between the sofa and the tv stand', { intent: 'place', relation: 'between', target: 'chair', reference: 'sofa' }],
    ['put the lamp on the desk', { intent: 'place', relation: 'on_top_of', target: 'lamp', reference: 'desk' }],
    ['slide the chair under the desk', { intent: 'place', relation: 'under', target: 'chair', reference: 'desk' }],
    ['move this behind that', { intent: 'place', relation: 'behind', target: 'selection 0', reference: 'selection 1' }],
    ['move the chair to my left', { intent: 'move', direction: 'left', target: 'chair', frame: 'viewer' }],
    ['from my point of view, put the lamp left of the sofa', { intent: 'place', relation: 'left_of', target: 'lamp', reference: 'sofa', frame: 'viewer' }],
    ['move the lamp on the desk to the right of the sofa', { intent: 'place', relation: 'right_of', target: 'lamp', reference: 'sofa' }],
  ])('%s', (text, want) => {
    const p = parsed(text);
    const got: Record<string, unknown> = { intent: p.intent, relation: p.relation, target: cat(p.target), reference: refCat(p), amount: p.amount?.metres, direction: p.direction, degrees: p.turn?.degrees, frame: p.frame };
    for (const [k, v] of Object.entries(want)) {
      if (typeof v === 'number' && typeof got[k] === 'number') expect(got[k] as number, k).toBeCloseTo(v, 9);
      else expect(got[k], k).toEqual(v);
    }
  });

  it('keeps a relative clause and attributes on the object they describe', () => {
    const p = parsed('move the small table that is by the sofa 20 cm to the right');
    expect(p.target).toMatchObject({ kind: 'category', category: 'table' });
    expect(p.target.kind === 'category' && p.target.attributes.map((a) => a.kind)).toEqual(['size', 'near']);
  });

  it('says why when it cannot read an instruction', () => {
    expect(parseInstruction('what a lovely room')).toMatchObject({ kind: 'unsupported' });
    expect(parseInstruction('turn the chair')).toMatchObject({ kind: 'unsupported', reason: expect.stringMatching(/how far should it turn/) });
    expect(parseInstruction('')).toEqual({ kind: 'unsupported', text: '', reason: 'empty instruction' });
  });
});
