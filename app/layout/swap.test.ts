// A swap puts each object within 5 cm of the other's place (centre and yaw, bottoms level) or is
// refused with what is in the way; it never reports a swap it placed farther off (hand-laid room).
import { describe, expect, it } from 'vitest';
import { measureApplied } from './relation-check';
import type { EditRequest } from './request';
import { solveEdit } from './solve';
import { syntheticRoom } from './testing/synthetic-room';

const doc = syntheticRoom();
const SOFA = 1, TABLE = 2, CHAIR = 6, SHELF = 7;

describe('swap', () => {
  it('two objects that fit each other\'s place land within 5 cm of it, measured on the result', () => {
    const req: EditRequest = { op: 'swap', target: CHAIR, other: TABLE };
    const r = solveEdit(doc, req);
    if (!r.ok) throw new Error(r.reason);
    const m = measureApplied(doc, req, r);
    expect(m.map((x) => x.id)).toEqual([CHAIR, TABLE]);
    for (const x of m) expect(x.measure.value).toBeLessThanOrEqual(0.05);
    expect(r.moves.map((x) => x.relation.holds)).toEqual([true, true]);
  });

  it('a 2 m sofa where the 1 m bookshelf stands against the wall is refused (it used to be placed 25 cm off and reported as a swap)', () => {
    const r = solveEdit(doc, { op: 'swap', target: SOFA, other: SHELF });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^the sofa does not fit where the bookshelf stands: /);
  });
});
