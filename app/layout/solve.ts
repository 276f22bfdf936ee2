// The solver: a grounded edit request to the nearest valid pose. Candidates come from the relation's
// plan in order of distance from the ideal pose; each is checked against the constraints (cheap ones
// first, with an early out), then the relation itself is measured on the pose (no answer may miss it
// by more than 5 cm / 5°), the walkway last. The first that passes is the answer; when none does, the
// refusal says why at the ideal pose, with the numbers. Every candidate that gets that far gets the
// walkway test (the grid memoises it), so the search never gives up before the exhaustive one would.
import { ConstraintContext, moversFor, type ConstraintCheck, type ConstraintName, type Mover } from './constraints';
import { carriedBy, duplicateObject, nextObjectId, objectById, removeObject, setPoses, type PatchedOutcome } from './edits';
import { A_BIT, cmText, moveDirection, movePlan, name, noMeasure, placePlan, posePlan, rotatePlan, type Candidate, type Plan, type PlanContext, type RelationMeasure } from './plans';
import { bottomOf, footprint, topOf } from './pose';
import type { EditRequest, PlaceRequest, Viewer } from './request';
import { signedDistance } from './room-geometry';
import type { LayoutDocument, LayoutObject, Pose, Support } from './types';
import { OBSTACLE_BELOW, WalkwayGrid } from './walkway';

/** A resting object's centre must be this far inside its supporter's top. */
export const SUPPORT_EDGE = 0.02;

export interface MoveReport {
  id: number;
  category: string;
  before: Pose | null;
  after: Pose;
  support: Support;
  relation: RelationMeasure;
  constraints: ConstraintCheck[];
  /** Metres (plus a yaw penalty) between the chosen pose and the ideal one. */
  distanceFromIdeal: number;
  candidatesTried: number;
}

export type EditResult =
  | { ok: true; op: EditRequest['op']; describe: string; moves: MoveReport[]; outcome: PatchedOutcome }
  | { ok: false; op: EditRequest['op']; describe: string; reason: string; constraints: ConstraintCheck[] };

interface SolvedOne {
  ok: boolean;
  pose: Pose;
  support: Support;
  tried: number;
  checks: ConstraintCheck[];
  cost: number;
  reason: string;
}

export function supportAt(doc: LayoutDocument, target: LayoutObject, c: Candidate, supports: readonly Support[], movingIds: ReadonlySet<number>): { z: number; support: Support } | null {
  const h = target.size[2];
  for (const s of supports) {
    if (s.kind === 'floor') return { z: doc.room.floorZ + h / 2, support: s };
    if (s.kind === 'mounted') return { z: target.pose.center[2], support: s };
    if (movingIds.has(s.id)) continue;
    const under = doc.objects.find((o) => o.id === s.id);
    if (!under) continue;
    if (signedDistance([c.x, c.y], footprint(under.size, under.pose)) < SUPPORT_EDGE) continue;
    return { z: topOf(under) + h / 2, support: s };
  }
  return null;
}

/** A rule a candidate broke: one of the constraints, or the relation itself (the pose misses it). */
type FailureName = ConstraintName | 'relation';
const FAILURE_WORDS: Record<FailureName, string> = { inside_room: 'the room', no_overlap: 'another object', support: 'support', door_swing: 'a door swing', walkway: 'the walkway', relation: 'the 5 cm / 5° limit of the relation' };

/** Searches one object's plan; `doc` holds every other object where it stands during this move. */
export function solveOne(doc: LayoutDocument, target: LayoutObject, plan: Plan): SolvedOne {
  const inDoc = doc.objects.some((o) => o.id === target.id);
  const riders = inDoc ? carriedBy(doc, target.id) : [];
  const moving = new Set([target.id, ...riders]);
  const ctx = new ConstraintContext(doc, new Set([...moving, ...plan.exempt]));
  const blocksWalking = bottomOf(target) - doc.room.floorZ < OBSTACLE_BELOW || target.support.kind === 'floor';
  let walk: WalkwayGrid | null = null;
  const failures = new Map<FailureName, number>();
  const blockers = new Map<string, number>();
  let first: { name: FailureName; detail: string } | null = null;
  const fail = (name: FailureName, detail: string) => {
    failures.set(name, (failures.get(name) ?? 0) + 1);
    first ??= { name, detail };
  };
  let tried = 0;
  const base = plan.supports[0] ?? target.support;
  const idealPose: Pose | null = plan.candidates[0] ? { center: [plan.candidates[0].x, plan.candidates[0].y, supportAt(doc, target, plan.candidates[0], plan.supports, moving)?.z ?? target.pose.center[2]], yaw: plan.candidates[0].yaw } : null;
  for (const c of plan.candidates) {
    tried++;
    const s = supportAt(doc, target, c, plan.supports, moving);
    if (!s) {
      fail('support', 'nothing there can hold it');
      continue;
    }
    const pose: Pose = { center: [c.x, c.y, s.z], yaw: c.yaw };
    const movers = inDoc ? moversFor(doc, target, pose, riders) : [{ o: target, pose }];
    const f = ctx.firstFailure(movers);
    if (f) {
      if (f.blocker) blockers.set(`${f.blocker.category}|${f.blocker.id}`, (blockers.get(`${f.blocker.category}|${f.blocker.id}`) ?? 0) + 1);
      fail(f.name, f.blocker ? blockerName(doc, f.blocker) : '');
      continue;
    }
    const measured = plan.measure(pose);
    if (!measured.holds) {
      fail('relation', `${measured.measured} (tolerance ${measured.unit === 'deg' ? `${measured.tolerance}°` : cmText(measured.tolerance)})`);
      continue;
    }
    let walkCheck: ConstraintCheck | null = null;
    if (blocksWalking) {
      walk ??= new WalkwayGrid(doc, moving);
      const w = walk.check(movers);
      walkCheck = { name: 'walkway', pass: w.pass, margin: 0.5 - w.cutOff, active: false, detail: `${w.cutOff.toFixed(2)} m² cut off from ${w.seeds} (limit 0.50 m²; ${w.reachableAfter.toFixed(1)} m² walkable)` };
      if (!w.pass) {
        fail('walkway', `${w.cutOff.toFixed(1)} m²`);
        continue;
      }
    }
    const checks = ctx.report(movers, s.support);
    for (const ch of checks) if (failures.has(ch.name)) ch.active = true;
    checks.push(walkCheck ?? { name: 'walkway', pass: true, margin: null, active: false, detail: 'hangs high enough to walk under' });
    if (walkCheck && failures.has('walkway')) walkCheck.active = true;
    return { ok: true, pose, support: s.support, tried, checks, cost: c.cost, reason: '' };
  }
  // Refused: the numbers at the ideal pose, and why.
  const idealMovers: Mover[] = idealPose ? (inDoc ? moversFor(doc, target, idealPose, riders) : [{ o: target, pose: idealPose }]) : [];
  const checks = idealPose ? ctx.report(idealMovers, base) : [];
  if (plan.refuse) return { ok: false, pose: target.pose, support: target.support, tried, checks, cost: Infinity, reason: plan.refuse };
  if (!first) return { ok: false, pose: target.pose, support: target.support, tried, checks, cost: Infinity, reason: 'no candidate position' };
  const primary = first as { name: FailureName; detail: string };
  const why = (n: FailureName, detail: string): string =>
    n === 'inside_room' ? plan.roomHint ?? 'it would stick out of the room' : n === 'no_overlap' ? `${detail} is in the way` : n === 'door_swing' ? `it would block the swing of ${detail}` : n === 'walkway' ? `it would cut off ${detail} of floor from the door` : n === 'relation' ? `the nearest free spot misses the relation: ${detail}` : detail;
  const parts = [why(primary.name, primary.detail)];
  const others = [...failures.entries()].filter(([n]) => n !== primary.name).sort((a, b) => b[1] - a[1]);
  if (others.length > 0) {
    const [n] = others[0]!;
    const top = n === 'no_overlap' ? [...blockers.entries()].sort((a, b) => b[1] - a[1])[0] : undefined;
    parts.push(`the ${tried - (failures.get(primary.name) ?? 0)} other spots tried hit ${n === 'no_overlap' && top ? blockerName(doc, { category: top[0].split('|')[0]!, id: Number(top[0].split('|')[1]) }) : FAILURE_WORDS[n]}`);
  }
  return { ok: false, pose: target.pose, support: target.support, tried, checks, cost: Infinity, reason: parts.join('; ') };
}

function blockerName(doc: LayoutDocument, b: { id: number | string; category: string }): string {
  if (typeof b.id === 'string' || Number.isNaN(b.id)) return String(b.id);
  const o = doc.objects.find((x) => x.id === Number(b.id));
  return o ? name(doc, o) : `the ${b.category}`;
}

function planContext(doc: LayoutDocument, target: LayoutObject, viewer: Viewer | undefined): PlanContext {
  return { doc, target, ...(viewer ? { viewer } : {}), objectOf: (id) => objectById(doc, id) };
}

function report(target: LayoutObject, s: SolvedOne, plan: Plan): MoveReport {
  return { id: target.id, category: target.category, before: target.pose, after: s.pose, support: s.support, relation: plan.measure(s.pose), constraints: s.checks, distanceFromIdeal: s.cost, candidatesTried: s.tried };
}

const refusal = (op: EditRequest['op'], describe: string, reason: string, constraints: ConstraintCheck[] = []): EditResult => ({ ok: false, op, describe, reason, constraints });

/** The one-object plan an edit searches (place, move, rotate, duplicate); null for swap and remove. */
export function planFor(doc: LayoutDocument, req: EditRequest, viewer?: Viewer): { target: LayoutObject; plan: Plan } | null {
  const target = objectById(doc, req.target);
  // What solveEdit refuses before any search, refused here too (the exhaustive judge must not search it).
  const pre = req.op === 'remove' || req.op === 'swap' ? null : !target.movable ? `${name(doc, target)} is part of the room and stays where it is` : req.op === 'place' ? placeRefusal(doc, target, req) : null;
  if (pre) return { target, plan: { describe: req.op, candidates: [], exempt: [], supports: [], measure: noMeasure(req.op), refuse: pre } };
  switch (req.op) {
    case 'place':
      return { target, plan: placePlan(planContext(doc, target, viewer), req) };
    case 'move':
      return { target, plan: movePlan(planContext(doc, target, viewer), moveDirection(req.direction, target, req.frame, viewer), req.amount ?? A_BIT, req.direction) };
    case 'rotate':
      return { target, plan: rotatePlan(planContext(doc, target, viewer), req.degrees) };
    case 'duplicate': {
      const copy: LayoutObject = { ...target, id: nextObjectId(doc) };
      const place = req.place ?? { relation: 'next_to' as const, reference: { kind: 'object' as const, id: target.id }, frame: 'object' as const };
      return { target: copy, plan: placePlan(planContext(doc, copy, viewer), place) };
    }
    default:
      return null;
  }
}

/** Why a placement cannot even be searched: relative to itself, or to something that rides on it. */
function placeRefusal(doc: LayoutDocument, target: LayoutObject, req: PlaceRequest): string | null {
  const tName = name(doc, target);
  if ((req.reference?.kind === 'object' && req.reference.id === target.id) || req.reference2 === target.id) return `${tName} cannot be placed relative to itself`;
  if (req.reference?.kind === 'object' && carriedBy(doc, target.id).includes(req.reference.id)) return `${name(doc, objectById(doc, req.reference.id))} rests on ${tName} and moves with it`;
  return null;
}

/** Solves an edit and applies it to a new document (the input is never changed). */
export function solveEdit(doc: LayoutDocument, req: EditRequest, viewer?: Viewer): EditResult {
  const target = objectById(doc, req.target);
  const tName = name(doc, target);
  if (req.op === 'remove') {
    if (!target.movable) return refusal('remove', `remove ${tName}`, `${tName} is part of the room`);
    return { ok: true, op: 'remove', describe: `remove ${tName}`, moves: [], outcome: removeObject(doc, target.id) };
  }
  if (!target.movable) return refusal(req.op, `${req.op} ${tName}`, `${tName} is part of the room and stays where it is`);
  const ctx = planContext(doc, target, viewer);
  let plan: Plan;
  let verb: string;
  switch (req.op) {
    case 'place': {
      const pre = placeRefusal(doc, target, req);
      if (pre) return refusal('place', `place ${tName}`, pre);
      plan = placePlan(ctx, req);
      verb = `put ${tName} ${plan.describe}`;
      break;
    }
    case 'move': {
      const amount = req.amount ?? A_BIT;
      if (!(amount > 0)) return refusal('move', `move ${tName}`, `the amount must be positive, got ${amount} m`);
      plan = movePlan(ctx, moveDirection(req.direction, target, req.frame, viewer), amount, `${cmText(amount)} ${req.direction}`);
      verb = `move ${tName} ${plan.describe}`;
      break;
    }
    case 'rotate':
      plan = rotatePlan(ctx, req.degrees);
      verb = `turn ${tName} ${plan.describe}`;
      break;
    case 'swap': {
      const other = objectById(doc, req.other);
      if (other.id === target.id) return refusal('swap', `swap ${tName}`, 'an object cannot swap with itself');
      if (!other.movable) return refusal('swap', `swap ${tName}`, `${name(doc, other)} is part of the room`);
      return swap(doc, target, other);
    }
    case 'duplicate': {
      const copy: LayoutObject = { ...target, id: nextObjectId(doc) };
      const place = req.place ?? { relation: 'next_to' as const, reference: { kind: 'object' as const, id: target.id }, frame: 'object' as const };
      const cplan = placePlan(planContext(doc, copy, viewer), place);
      const describe = `copy ${tName} ${cplan.describe}`;
      if (cplan.refuse) return refusal('duplicate', describe, cplan.refuse);
      const s = solveOne(doc, copy, cplan);
      if (!s.ok) return refusal('duplicate', describe, `no room for a copy ${cplan.describe}: ${s.reason}`, s.checks);
      const outcome = duplicateObject(doc, target.id, s.pose, s.support);
      return { ok: true, op: 'duplicate', describe, moves: [{ ...report(copy, s, cplan), id: outcome.newId, before: null }], outcome };
    }
  }
  if (plan.refuse) return refusal(req.op, verb, plan.refuse);
  const s = solveOne(doc, target, plan);
  if (!s.ok) return refusal(req.op, verb, `${req.op === 'place' ? `no room ${plan.describe}` : `cannot ${verb}`}: ${s.reason}`, s.checks);
  const outcome = setPoses(doc, [{ id: target.id, pose: s.pose, support: s.support }]);
  return { ok: true, op: req.op, describe: verb, moves: [report(target, s, plan)], outcome };
}

/** Where `o` goes in a swap: `where`'s centre and yaw, its bottom at `where`'s bottom. */
export const swapPose = (o: LayoutObject, where: LayoutObject): Pose => ({ center: [where.pose.center[0], where.pose.center[1], bottomOf(where) + o.size[2] / 2], yaw: where.pose.yaw });

function swap(doc: LayoutDocument, a: LayoutObject, b: LayoutObject): EditResult {
  const describe = `swap ${name(doc, a)} and ${name(doc, b)}`;
  const at = swapPose;
  const supportFor = (where: LayoutObject): Support[] => [where.support.kind === 'object' && where.support.id !== a.id && where.support.id !== b.id ? where.support : where.support.kind === 'mounted' ? { kind: 'mounted' } : { kind: 'floor' }];
  // First a into b's place with b out of the way, then b into a's old place with a already moved.
  const planA = posePlan(planContext(doc, a, undefined), at(a, b), describe, [b.id], supportFor(b));
  const sa = solveOne(doc, a, planA);
  if (!sa.ok) return refusal('swap', describe, `${name(doc, a)} does not fit where ${name(doc, b)} stands: ${sa.reason}`, sa.checks);
  const mid = setPoses(doc, [{ id: a.id, pose: sa.pose, support: sa.support }]).document;
  const bNow = objectById(mid, b.id);
  const planB = posePlan(planContext(mid, bNow, undefined), at(b, a), describe, [], supportFor(a));
  const sb = solveOne(mid, bNow, planB);
  if (!sb.ok) return refusal('swap', describe, `${name(doc, b)} does not fit where ${name(doc, a)} stood: ${sb.reason}`, sb.checks);
  const outcome = setPoses(doc, [
    { id: a.id, pose: sa.pose, support: sa.support },
    { id: b.id, pose: sb.pose, support: sb.support },
  ]);
  return { ok: true, op: 'swap', describe, moves: [report(a, sa, planA), report(b, sb, planB)], outcome };
}
