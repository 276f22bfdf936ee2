// The solver on real rooms (../shared/data): an applied edit satisfies the relation it was asked for
// within 5 cm / 5°, measured again on the edited document (app/layout/relation-check.ts), or the edit
// is refused with the reason; and the solver never gives up where the exhaustive search finds a pose.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exhaustiveSolve } from '../../app/layout/exhaustive';
import { editByInstruction } from '../../app/layout/instruction/edit';
import { measureApplied } from '../../app/layout/relation-check';
import { planFor, solveEdit } from '../../app/layout/solve';
import type { EditRequest } from '../../app/layout/request';
import { readParaphrases } from '../eval/suites/layout';
import { installRoot } from '../launch/paths';
import { haveMeta, haveScanNet, metaLayouts, scannetLayout, SCANNET_ID } from './real-rooms';

describe.skipIf(!haveMeta())('solver relations on real rooms', () => {
  const docs = metaLayouts();

  it('a swap whose object cannot stand within 5 cm of the other\'s place is refused, not placed 15-23 cm off', () => {
    // ScanNet++ 5942004064: chair #10 and basket #13; f9f95681fd: microwave #5 and kettle #8. The solver
    // used to search 40 cm around the other's place and report the swap as done while missing it.
    for (const [scene, a, b, why] of [
      ['5942004064', 10, 13, /^the chair does not fit where the basket stands: /],
      ['f9f95681fd', 5, 8, /^the microwave does not fit where the kettle stands: /],
    ] as const) {
      const doc = docs.get(scene)!;
      const req: EditRequest = { op: 'swap', target: a, other: b };
      const r = solveEdit(doc, req);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.reason).toMatch(why);
    }
  });

  it('a swap that fits lands each object within 5 cm of the other\'s place, re-measured on the result', () => {
    // 09c1414f1b: the suitcase #16 and the trash can #18.
    const doc = docs.get('09c1414f1b')!;
    const req: EditRequest = { op: 'swap', target: 16, other: 18 };
    const r = solveEdit(doc, req);
    if (!r.ok) throw new Error(r.reason);
    const m = measureApplied(doc, req, r);
    expect(m.map((x) => x.id)).toEqual([16, 18]);
    for (const x of m) {
      expect(x.measure.holds).toBe(true);
      expect(x.measure.value).toBeLessThanOrEqual(0.05);
    }
  });

  it('placing relative to an object that rests on the target is refused before any search, by the exhaustive judge too', () => {
    // d755b3d9d8: the heater #18 rests on the shoes #19.
    const doc = docs.get('d755b3d9d8')!;
    const req: EditRequest = { op: 'place', target: 19, relation: 'behind', reference: { kind: 'object', id: 18 }, frame: 'object' };
    const r = solveEdit(doc, req);
    expect(!r.ok && r.reason).toBe('the heater rests on the shoes and moves with it');
    const p = planFor(doc, req)!;
    expect(p.plan.refuse).toBe('the heater rests on the shoes and moves with it');
    expect(exhaustiveSolve(doc, p.target, p.plan)).toBeNull();
  });

  it.skipIf(!haveScanNet())('every dev-set edit: the solver picks the exhaustive search\'s pose or both refuse, and what it applies keeps its relation', () => {
    docs.set(SCANNET_ID, scannetLayout().doc);
    const rows = readParaphrases(join(installRoot(), 'native-models', 'layout', 'paraphrases-dev.jsonl'));
    const wrong: string[] = [];
    let searched = 0;
    let applied = 0;
    for (const row of rows) {
      const doc = docs.get(row.scene)!;
      const e = editByInstruction(doc, row.instruction, { selection: row.selection ?? [] });
      if (!('grounding' in e)) continue;
      if (e.result.ok) {
        applied++;
        for (const m of measureApplied(doc, e.request, e.result)) if (!m.measure.holds) wrong.push(`${row.instruction}: #${m.id} ${m.measure.relation} ${m.measure.measured}`);
      }
      const p = planFor(doc, e.request);
      if (!p) continue;
      searched++;
      const naive = exhaustiveSolve(doc, p.target, p.plan);
      const mine = e.result.ok ? e.result.moves[0]!.after : null;
      if ((mine === null) !== (naive === null)) wrong.push(`${row.instruction}: solver ${mine ? 'placed' : `refused (${!e.result.ok ? e.result.reason : ''})`}, exhaustive ${naive ? 'placed' : 'refused'}`);
      else if (mine && naive && Math.hypot(mine.center[0] - naive.pose.center[0], mine.center[1] - naive.pose.center[1]) > 1e-9) wrong.push(`${row.instruction}: solver and exhaustive chose different poses`);
    }
    expect(wrong).toEqual([]);
    // Most of the set is searched and over half of it applied (the rest refused with a reason).
    expect(searched).toBeGreaterThan(120);
    expect(applied).toBeGreaterThan(90);
  });
});
