// The relation an applied edit was asked for, measured again on the document it produced. One
// definition: the measure is the plan's own (plans.ts, the spec's 5 cm / 5°), the same function the
// solver filters its candidates with and reports; here it is applied to each moved object's pose as it
// stands in the new document, so a report that disagrees with what was written cannot hide. The
// relation is the edit's own request (what the reader grounded), not what the instruction meant: a
// wrong reference is a grounding error, counted by the accuracy figures, not here.
import { objectById } from './edits';
import { posePlan, type RelationMeasure } from './plans';
import type { Viewer } from './request';
import { planFor, swapPose, type EditResult } from './solve';
import type { EditRequest } from './request';
import type { LayoutDocument } from './types';

export interface AppliedRelation {
  id: number;
  measure: RelationMeasure;
}

/** Each moved object's relation, measured where the new document has it; empty for a removal. */
export function measureApplied(before: LayoutDocument, req: EditRequest, result: Extract<EditResult, { ok: true }>, viewer?: Viewer): AppliedRelation[] {
  const after = result.outcome.document;
  if (req.op === 'remove') return [];
  if (req.op === 'swap') {
    const a = objectById(before, req.target);
    const b = objectById(before, req.other);
    const ctx = { doc: before, target: a, objectOf: (id: number) => objectById(before, id) };
    return [
      { id: a.id, measure: posePlan(ctx, swapPose(a, b), 'swap', [], []).measure(objectById(after, a.id).pose) },
      { id: b.id, measure: posePlan({ ...ctx, target: b }, swapPose(b, a), 'swap', [], []).measure(objectById(after, b.id).pose) },
    ];
  }
  const p = planFor(before, req, viewer);
  if (!p) throw new Error(`measureApplied: no plan for a ${req.op}`);
  // A duplicate's copy is the one object the edit added.
  const id = req.op === 'duplicate' ? result.moves[0]!.id : req.target;
  return [{ id, measure: p.plan.measure(objectById(after, id).pose) }];
}
