// The naive search: every candidate of the plan checked against every rule with no broad phase and
// no early out, the relation measured and the walkway tested on every candidate that passes, the
// cheapest valid one kept. It finds a pose whenever one exists among the candidates, so it is the
// bench's peer and the eval's judge of whether a refusal was avoidable.
import { ConstraintContext, moversFor } from './constraints';
import { carriedBy } from './edits';
import type { Plan } from './plans';
import { supportAt } from './solve';
import type { LayoutDocument, LayoutObject, Pose } from './types';
import { WalkwayGrid } from './walkway';
import { bottomOf } from './pose';
import { OBSTACLE_BELOW } from './walkway';

export function exhaustiveSolve(doc: LayoutDocument, target: LayoutObject, plan: Plan): { pose: Pose; cost: number; valid: number } | null {
  if (plan.refuse) return null;
  const inDoc = doc.objects.some((o) => o.id === target.id);
  const riders = inDoc ? carriedBy(doc, target.id) : [];
  const moving = new Set([target.id, ...riders]);
  const ctx = new ConstraintContext(doc, new Set([...moving, ...plan.exempt]));
  const walk = new WalkwayGrid(doc, moving);
  const blocksWalking = bottomOf(target) - doc.room.floorZ < OBSTACLE_BELOW || target.support.kind === 'floor';
  let best: { pose: Pose; cost: number } | null = null;
  let valid = 0;
  for (const c of plan.candidates) {
    const s = supportAt(doc, target, c, plan.supports, moving);
    if (!s) continue;
    const pose: Pose = { center: [c.x, c.y, s.z], yaw: c.yaw };
    const movers = inDoc ? moversFor(doc, target, pose, riders) : [{ o: target, pose }];
    if (ctx.firstFailureNaive(movers) !== null) continue;
    if (!plan.measure(pose).holds) continue;
    if (blocksWalking && !walk.check(movers).pass) continue;
    valid++;
    if (!best || c.cost < best.cost) best = { pose, cost: c.cost };
  }
  return best ? { ...best, valid } : null;
}
