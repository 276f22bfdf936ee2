// Each relation as a placement plan: the ideal pose, the candidate poses around it ordered by how far
// they stray from it (only poses that still satisfy the relation), the supports to try, and how to
// measure the relation on the pose finally chosen. The solver (solve.ts) walks the candidates.
import { obbDistance } from '../geometry/obb-distance';
import { isBetween } from '../geometry/relations';
import { inwardNormal, nearestWall } from './build';
import { angleDiff, boxAt, boxOf, deg, footprint, frontOf, halfExtent, rad, topOf, wrapAngle, xAxis, yawFacing } from './pose';
import type { Frame, LayoutRelation, MoveDirection, PlaceRequest, Viewer } from './request';
import { pointSegmentDistance, rayToBoundary, roomCentre } from './room-geometry';
import type { LayoutDocument, LayoutObject, Pose, Support, Vec2, Wall } from './types';

/** The success tolerance of the spec: within 5 cm and 5°. Candidates stay inside 4 cm / 4° so float noise cannot cross it. */
export const TOLERANCE_M = 0.05;
export const TOLERANCE_DEG = 5;
/** Candidates placed by their distance from a point keep within this of it (a 4 cm grid's corners are 5.7 cm out). */
const WITHIN = TOLERANCE_M - 0.005;
const SLACK_STEPS = [0, -0.01, 0.01, -0.02, 0.02, -0.03, 0.03, -0.04, 0.04];
/** Gaps when no amount is given. */
export const DEFAULT_GAP: Partial<Record<LayoutRelation, number>> = { left_of: 0.1, right_of: 0.1, in_front_of: 0.3, behind: 0.1, next_to: 0.05, against_wall: 0.01, in_corner: 0.01 };
/** A side relation without an amount still holds up to this gap. */
export const MAX_DEFAULT_GAP = 1.0;
/** "next to" is the spec's closest distance under 0.5 m. */
export const NEXT_TO_MAX = 0.5;
/** A move without an amount is "a bit". */
export const A_BIT = 0.2;

export interface Candidate {
  x: number;
  y: number;
  yaw: number;
  cost: number;
}

export interface RelationMeasure {
  relation: string;
  holds: boolean;
  /** What was measured, in words, with the number. */
  measured: string;
  value: number;
  wanted: number | null;
  tolerance: number;
  unit: 'm' | 'deg';
}

export interface Plan {
  /** "50 cm left of the sofa": used in reports and refusals. */
  describe: string;
  candidates: Candidate[];
  /** Objects the overlap rule ignores (the table something goes under, the desk something goes on). */
  exempt: number[];
  /** Supports to try at each candidate, first that holds wins. */
  supports: Support[];
  measure(pose: Pose): RelationMeasure;
  /** Why the ideal pose is outside the room, with numbers ("the wall is 20 cm away"). */
  roomHint?: string;
  /** Refused before searching (e.g. too tall to go under). */
  refuse?: string;
}

export const name = (doc: LayoutDocument, o: LayoutObject): string => (doc.objects.filter((x) => x.category === o.category).length > 1 ? `the ${o.category} #${o.id}` : `the ${o.category}`);
export const cmText = (m: number): string => `${Math.round(m * 100)} cm`;
const xy = (p: { center: readonly number[] }): Vec2 => [p.center[0]!, p.center[1]!];
const unit = (v: Vec2): Vec2 => {
  const l = Math.hypot(v[0], v[1]);
  return l > 0 ? [v[0] / l, v[1] / l] : [1, 0];
};
const perp = (v: Vec2): Vec2 => [-v[1], v[0]];
const dot2 = (a: Vec2, b: Vec2) => a[0] * b[0] + a[1] * b[1];

export function steps(lo: number, hi: number, step: number): number[] {
  const out = [0];
  for (let k = 1; k * step <= Math.max(-lo, hi) + 1e-9; k++) {
    if (k * step <= hi + 1e-9) out.push(k * step);
    if (-k * step >= lo - 1e-9) out.push(-k * step);
  }
  return out.filter((v) => v >= lo - 1e-9 && v <= hi + 1e-9);
}

/** Candidates on a grid origin + a·u + b·v, cost = distance from the origin (+ a fixed penalty). */
function grid(origin: Vec2, u: Vec2, v: Vec2, au: readonly number[], av: readonly number[], yaw: number | ((p: Vec2) => number), penalty = 0, along: (a: number) => number = Math.abs): Candidate[] {
  const out: Candidate[] = [];
  for (const a of au)
    for (const b of av) {
      const p: Vec2 = [origin[0] + a * u[0] + b * v[0], origin[1] + a * u[1] + b * v[1]];
      out.push({ x: p[0], y: p[1], yaw: typeof yaw === 'number' ? yaw : yaw(p), cost: Math.hypot(along(a), b) + penalty });
    }
  return out;
}

/** Direction of a side relation around a reference, in the chosen frame. */
export function sideDirection(relation: 'left_of' | 'right_of' | 'in_front_of' | 'behind', ref: LayoutObject, frame: Frame, viewer: Viewer | undefined): Vec2 {
  if (frame === 'viewer' && viewer) {
    const f = unit([viewer.forward[0], viewer.forward[1]]);
    const left = perp(f);
    const toViewer = unit([viewer.position[0] - ref.pose.center[0], viewer.position[1] - ref.pose.center[1]]);
    return relation === 'left_of' ? left : relation === 'right_of' ? [-left[0], -left[1]] : relation === 'in_front_of' ? toViewer : [-toViewer[0], -toViewer[1]];
  }
  // Object frame: as seen by someone standing in front of the reference, looking at it; its left is the reference's local +x.
  const x = xAxis(ref.pose.yaw);
  const f = frontOf(ref.pose.yaw);
  return relation === 'left_of' ? x : relation === 'right_of' ? [-x[0], -x[1]] : relation === 'in_front_of' ? f : [-f[0], -f[1]];
}

export function moveDirection(direction: MoveDirection, target: LayoutObject, frame: Frame, viewer: Viewer | undefined): Vec2 {
  if (frame === 'viewer' && viewer) {
    const f = unit([viewer.forward[0], viewer.forward[1]]);
    const left = perp(f);
    return direction === 'left' ? left : direction === 'right' ? [-left[0], -left[1]] : direction === 'forward' ? f : [-f[0], -f[1]];
  }
  const x = xAxis(target.pose.yaw);
  const f = frontOf(target.pose.yaw);
  return direction === 'left' ? x : direction === 'right' ? [-x[0], -x[1]] : direction === 'forward' ? f : [-f[0], -f[1]];
}

/** Supports for a target placed beside a reference: the reference's own supporter first (a lamp next to a monitor stays on the desk). */
function besideSupports(target: LayoutObject, ref: LayoutObject | null): Support[] {
  if (target.support.kind === 'mounted') return [{ kind: 'mounted' }];
  const out: Support[] = [];
  if (ref && ref.support.kind === 'object') out.push(ref.support);
  if (target.support.kind === 'object' && !out.some((s) => s.kind === 'object' && s.id === (target.support as { id: number }).id)) out.push(target.support);
  out.push({ kind: 'floor' });
  return out;
}

/** Gap between two footprints along d (face to face), and their lateral overlap across d. */
function sideGap(ref: LayoutObject, target: LayoutObject, pose: Pose, d: Vec2): { gap: number; lateral: number; lateralLimit: number } {
  const delta: Vec2 = [pose.center[0] - ref.pose.center[0], pose.center[1] - ref.pose.center[1]];
  const v = perp(d);
  return {
    gap: dot2(delta, d) - halfExtent(ref.size, ref.pose.yaw, d) - halfExtent(target.size, pose.yaw, d),
    lateral: Math.abs(dot2(delta, v)),
    lateralLimit: halfExtent(ref.size, ref.pose.yaw, v) + halfExtent(target.size, pose.yaw, v),
  };
}

const RELATION_WORDS: Record<LayoutRelation, string> = {
  left_of: 'left of',
  right_of: 'right of',
  in_front_of: 'in front of',
  behind: 'behind',
  next_to: 'next to',
  against_wall: 'against',
  in_corner: 'in the corner',
  on_top_of: 'on top of',
  under: 'under',
  between: 'between',
  facing: 'facing',
  facing_away: 'facing away from',
  centred_on: 'centred on',
  aligned_with: 'aligned with',
  toward: 'closer to',
  away_from: 'away from',
};
export const relationWords = (r: LayoutRelation): string => RELATION_WORDS[r];

function sidePlan(doc: LayoutDocument, target: LayoutObject, ref: LayoutObject, d: Vec2, relation: string, amount: number | undefined, label: string, penalty = 0): { candidates: Candidate[]; measure: (pose: Pose) => RelationMeasure; roomHint: string } {
  const yaw = target.pose.yaw;
  const gap = amount ?? DEFAULT_GAP[relation as LayoutRelation] ?? 0.1;
  const hr = halfExtent(ref.size, ref.pose.yaw, d);
  const ht = halfExtent(target.size, yaw, d);
  const origin: Vec2 = [ref.pose.center[0] + d[0] * (hr + gap + ht), ref.pose.center[1] + d[1] * (hr + gap + ht)];
  const v = perp(d);
  const band = Math.max(0, halfExtent(ref.size, ref.pose.yaw, v) + halfExtent(target.size, yaw, v) - 0.05);
  // Without an amount: 2 cm steps near the default gap, 5 cm beyond 30 cm; across: at most 81 offsets.
  const au = amount === undefined ? [...steps(-Math.min(gap, 0.08), 0.3 - gap, 0.02), ...steps(0.3 - gap + 0.05, MAX_DEFAULT_GAP - gap, 0.05).filter((a) => a > 0.3 - gap)] : SLACK_STEPS;
  // Nearest first (the solver takes the first valid one), whichever way the slack goes.
  const candidates = grid(origin, d, v, au, steps(-band, band, Math.max(0.025, band / 40)), yaw, penalty).sort((a, b) => a.cost - b.cost);
  // Where the wall is, measured from the reference's side along d.
  const face: Vec2 = [ref.pose.center[0] + d[0] * hr, ref.pose.center[1] + d[1] * hr];
  const room = rayToBoundary(face, d, doc.room.polygon);
  const depth = 2 * ht;
  const roomHint = room < gap + depth ? `the wall is ${cmText(room)} away (${label} needs ${cmText(gap)} + ${cmText(depth)})` : `${label} would stick out of the room`;
  const measure = (pose: Pose): RelationMeasure => {
    const g = sideGap(ref, target, pose, d);
    const lateralOk = g.lateral < g.lateralLimit;
    const holds = lateralOk && (amount === undefined ? g.gap >= -0.005 && g.gap <= MAX_DEFAULT_GAP + 1e-9 : Math.abs(g.gap - amount) <= TOLERANCE_M);
    return { relation, holds, measured: `gap ${cmText(g.gap)}${lateralOk ? '' : `, but off to the side (${cmText(g.lateral)} across, limit ${cmText(g.lateralLimit)})`}`, value: g.gap, wanted: amount ?? null, tolerance: TOLERANCE_M, unit: 'm' };
  };
  return { candidates, measure, roomHint };
}

function wallFrame(wall: Wall): { along: Vec2; n: Vec2; length: number } {
  const along = unit([wall.b[0] - wall.a[0], wall.b[1] - wall.a[1]]);
  return { along, n: inwardNormal(wall), length: Math.hypot(wall.b[0] - wall.a[0], wall.b[1] - wall.a[1]) };
}

/** Distance from the footprint's nearest corner to a wall's line segment. */
const wallGap = (size: LayoutObject['size'], pose: Pose, wall: Wall) => Math.min(...footprint(size, pose).map((c) => pointSegmentDistance(c, wall.a, wall.b)));

export interface PlanContext {
  doc: LayoutDocument;
  target: LayoutObject;
  viewer?: Viewer;
  objectOf(id: number): LayoutObject;
}

export function placePlan(ctx: PlanContext, req: Omit<PlaceRequest, 'op' | 'target'>): Plan {
  const { doc, target } = ctx;
  const tName = name(doc, target);
  const ref = req.reference?.kind === 'object' ? ctx.objectOf(req.reference.id) : null;
  const rName = ref ? name(doc, ref) : req.reference?.kind === 'room' ? 'the room' : 'the wall';
  const amountText = req.amount !== undefined ? `${cmText(req.amount)} ` : '';
  const describe = `${amountText}${relationWords(req.relation)} ${req.relation === 'in_corner' ? '' : rName}`.trim();
  const needRef = (): LayoutObject => {
    if (!ref) throw new Error(`${req.relation} needs a reference object`);
    return ref;
  };
  switch (req.relation) {
    case 'left_of':
    case 'right_of':
    case 'in_front_of':
    case 'behind': {
      const r = needRef();
      const d = sideDirection(req.relation, r, req.frame, ctx.viewer);
      const p = sidePlan(doc, target, r, d, req.relation, req.amount, tName);
      return { describe, ...p, exempt: [], supports: besideSupports(target, r) };
    }
    case 'next_to': {
      const r = needRef();
      const sides = ['left_of', 'right_of', 'in_front_of', 'behind'] as const;
      const candidates: Candidate[] = [];
      let roomHint = '';
      sides.forEach((side, k) => {
        const d = sideDirection(side, r, 'object', undefined);
        const p = sidePlan(doc, target, r, d, 'next_to', req.amount ?? DEFAULT_GAP.next_to, tName, k < 2 ? 0 : 0.3);
        for (const c of p.candidates) if (req.amount !== undefined || sideGap(r, target, { center: [c.x, c.y, 0], yaw: c.yaw }, d).gap < NEXT_TO_MAX - 0.05) candidates.push(c);
        if (k === 0) roomHint = p.roomHint;
      });
      candidates.sort((a, b) => a.cost - b.cost);
      const measure = (pose: Pose): RelationMeasure => {
        const dist = obbDistance(boxAt(target.size, pose), boxOf(r)).distance;
        const holds = dist < NEXT_TO_MAX && (req.amount === undefined || Math.abs(dist - req.amount) <= TOLERANCE_M);
        return { relation: 'next_to', holds, measured: `closest distance ${cmText(dist)}`, value: dist, wanted: req.amount ?? null, tolerance: TOLERANCE_M, unit: 'm' };
      };
      return { describe, candidates, measure, roomHint, exempt: [], supports: besideSupports(target, r) };
    }
    case 'against_wall': {
      const wall = pickWall(ctx, req);
      if (!wall) return { describe, candidates: [], measure: noMeasure('against_wall'), exempt: [], supports: [], refuse: 'the room has no walls' };
      const { along, n, length } = wallFrame(wall);
      const yaw = yawFacing(n);
      const depth = 2 * halfExtent(target.size, yaw, n);
      const gap = req.amount ?? DEFAULT_GAP.against_wall!;
      const anchor = ref && req.reference?.kind === 'object' ? xy(ref.pose) : xy(target.pose);
      const t = Math.max(0, Math.min(length, dot2([anchor[0] - wall.a[0], anchor[1] - wall.a[1]], along)));
      const origin: Vec2 = [wall.a[0] + along[0] * t + n[0] * (gap + depth / 2), wall.a[1] + along[1] * t + n[1] * (gap + depth / 2)];
      const candidates = grid(origin, along, n, steps(-t, length - t, 0.05), [0, 0.01, 0.02, 0.03], yaw, 0, Math.abs).sort((a, b) => a.cost - b.cost);
      const measure = (pose: Pose): RelationMeasure => {
        const g = wallGap(target.size, pose, wall);
        const turn = Math.abs(deg(angleDiff(pose.yaw, yaw)));
        return { relation: 'against_wall', holds: Math.abs(g - gap) <= TOLERANCE_M && turn <= TOLERANCE_DEG, measured: `${cmText(g)} from ${wall.id}, back turned ${turn.toFixed(1)}° from it`, value: g, wanted: gap, tolerance: TOLERANCE_M, unit: 'm' };
      };
      return { describe: `${amountText}against ${wall.id}`, candidates, measure, exempt: [], supports: [{ kind: 'floor' }], roomHint: `${tName} does not fit along ${wall.id}` };
    }
    case 'in_corner': {
      const corner = pickCorner(ctx, ref);
      if (!corner) return { describe, candidates: [], measure: noMeasure('in_corner'), exempt: [], supports: [], refuse: 'the room outline has no corner' };
      const { p, wa, wb } = corner;
      const fa = wallFrame(wa);
      const fb = wallFrame(wb);
      const gap = req.amount ?? DEFAULT_GAP.in_corner!;
      const candidates: Candidate[] = [];
      // Back to wall a (along it, pushed towards the corner), or back to wall b.
      for (const [back, side] of [
        [fa, fb],
        [fb, fa],
      ] as const) {
        const yaw = yawFacing(back.n);
        const hd = halfExtent(target.size, yaw, back.n);
        const hw = halfExtent(target.size, yaw, side.n);
        const origin: Vec2 = [p[0] + back.n[0] * (gap + hd) + side.n[0] * (gap + hw), p[1] + back.n[1] * (gap + hd) + side.n[1] * (gap + hw)];
        const turn = Math.abs(angleDiff(yaw, target.pose.yaw));
        for (const c of grid(origin, back.n, side.n, [0, 0.01, 0.02, 0.03], [0, 0.01, 0.02, 0.03], yaw, turn * 0.2)) candidates.push(c);
      }
      candidates.sort((a, b) => a.cost - b.cost);
      const measure = (pose: Pose): RelationMeasure => {
        const g = Math.max(wallGap(target.size, pose, wa), wallGap(target.size, pose, wb));
        return { relation: 'in_corner', holds: g <= gap + TOLERANCE_M, measured: `farther wall ${cmText(g)} away`, value: g, wanted: gap, tolerance: TOLERANCE_M, unit: 'm' };
      };
      return { describe: `in the corner of ${wa.id} and ${wb.id}`, candidates, measure, exempt: [], supports: [{ kind: 'floor' }], roomHint: `${tName} does not fit in that corner` };
    }
    case 'on_top_of':
    case 'centred_on': {
      if (req.relation === 'centred_on' && req.reference?.kind === 'room') return centreInRoom(ctx, describe);
      const r = needRef();
      // On top only for what can stand on it: small things, or things already resting on furniture; a
      // floor-standing chair or table "centred on the sofa" stands in front of its middle instead.
      const rests = target.sizeClass === 'small' || target.support.kind === 'object';
      if (req.relation === 'centred_on' && (!rests || topOf(r) - doc.room.floorZ > 1.3 || target.size[0] * target.size[1] > r.size[0] * r.size[1])) return centredBeside(ctx, r, describe);
      const yaw = target.pose.yaw;
      const rx = xAxis(r.pose.yaw);
      const ry = frontOf(r.pose.yaw);
      const lim = (k: 0 | 1) => Math.max(0, r.size[k] / 2 - 0.02);
      const centred = req.relation === 'centred_on';
      const candidates = grid(xy(r.pose), rx, ry, centred ? steps(-0.04, 0.04, 0.01) : steps(-lim(0), lim(0), 0.025), centred ? steps(-0.04, 0.04, 0.01) : steps(-lim(1), lim(1), 0.025), yaw)
        .filter((c) => !centred || c.cost <= WITHIN)
        .sort((a, b) => a.cost - b.cost);
      const measure = (pose: Pose): RelationMeasure => {
        const gap = pose.center[2] - target.size[2] / 2 - topOf(r);
        const off = Math.hypot(pose.center[0] - r.pose.center[0], pose.center[1] - r.pose.center[1]);
        const holds = Math.abs(gap) < 0.03 && (centred ? off <= TOLERANCE_M : true);
        return { relation: req.relation, holds, measured: centred ? `${cmText(off)} from its centre, ${cmText(gap)} above its top` : `${cmText(gap)} above its top`, value: centred ? off : gap, wanted: 0, tolerance: centred ? TOLERANCE_M : 0.03, unit: 'm' };
      };
      return { describe, candidates, measure, exempt: [r.id], supports: [{ kind: 'object', id: r.id }], roomHint: `${rName} is against the wall` };
    }
    case 'under': {
      const r = needRef();
      const room = r.pose.center[2] - r.size[2] / 2 + r.size[2] - doc.room.floorZ - 0.05;
      if (target.size[2] > room) return { describe, candidates: [], measure: noMeasure('under'), exempt: [r.id], supports: [{ kind: 'floor' }], refuse: `${tName} is ${cmText(target.size[2])} tall but ${rName} leaves ${cmText(room)} under its top` };
      const rx = xAxis(r.pose.yaw);
      const ry = frontOf(r.pose.yaw);
      const candidates = grid(xy(r.pose), rx, ry, steps(-r.size[0] / 2, r.size[0] / 2, 0.025), steps(-r.size[1] / 2, r.size[1] / 2, 0.025), target.pose.yaw).sort((a, b) => a.cost - b.cost);
      const measure = (pose: Pose): RelationMeasure => {
        const topGap = topOf(r) - (pose.center[2] + target.size[2] / 2);
        const ratio = footprintShare(target, pose, r);
        return { relation: 'under', holds: topGap > 0 && ratio > 0.3, measured: `top ${cmText(topGap)} below its top, ${(ratio * 100).toFixed(0)}% of the footprint covered`, value: ratio, wanted: null, tolerance: 0, unit: 'm' };
      };
      return { describe, candidates, measure, exempt: [r.id], supports: [{ kind: 'floor' }], roomHint: `${rName} is too close to the wall` };
    }
    case 'between': {
      const a = needRef();
      const b = ctx.objectOf(req.reference2!);
      const pa = xy(a.pose);
      const pb = xy(b.pose);
      const axis = unit([pb[0] - pa[0], pb[1] - pa[1]]);
      const len = Math.hypot(pb[0] - pa[0], pb[1] - pa[1]);
      const mid: Vec2 = [(pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2];
      const candidates = grid(mid, axis, perp(axis), steps(-len / 2 + 0.05, len / 2 - 0.05, 0.025), steps(-0.45, 0.45, 0.025), target.pose.yaw).sort((x, y) => x.cost - y.cost);
      const measure = (pose: Pose): RelationMeasure => {
        const v = isBetween({ box: boxAt(target.size, pose) }, { box: boxOf(a) }, { box: boxOf(b) });
        const off = v.criteria[1]!.value;
        return { relation: 'between', holds: v.holds, measured: `${cmText(off)} from the line between them`, value: off, wanted: 0, tolerance: 0.5, unit: 'm' };
      };
      return { describe: `between ${name(doc, a)} and ${name(doc, b)}`, candidates, measure, exempt: [], supports: besideSupports(target, a), roomHint: 'the space between them is outside the room' };
    }
    case 'facing':
    case 'facing_away': {
      const r = needRef();
      const away = req.relation === 'facing_away';
      const yawAt = (p: Vec2) => {
        const dir: Vec2 = [r.pose.center[0] - p[0], r.pose.center[1] - p[1]];
        return yawFacing(away ? [-dir[0], -dir[1]] : dir);
      };
      const candidates = grid(xy(target.pose), [1, 0], [0, 1], steps(-0.5, 0.5, 0.05), steps(-0.5, 0.5, 0.05), yawAt).sort((a, b) => a.cost - b.cost);
      const measure = (pose: Pose): RelationMeasure => {
        const off = Math.abs(deg(angleDiff(pose.yaw, yawAt(xy(pose)))));
        return { relation: req.relation, holds: off <= TOLERANCE_DEG, measured: `front ${off.toFixed(1)}° off the direction ${away ? 'away from' : 'to'} it`, value: off, wanted: 0, tolerance: TOLERANCE_DEG, unit: 'deg' };
      };
      return { describe, candidates, measure, exempt: [], supports: [target.support.kind === 'object' ? target.support : target.support.kind === 'mounted' ? { kind: 'mounted' } : { kind: 'floor' }], roomHint: `${tName} cannot turn where it stands` };
    }
    case 'aligned_with': {
      const r = needRef();
      // Parallel to the reference (the nearest quarter turn), then on one of its lines: front faces flush
      // (the usual meaning), else back faces flush (a deeper object against the same wall), else centres
      // on one line through the reference across its front. Each later line costs a little more.
      const k = Math.round(angleDiff(target.pose.yaw, r.pose.yaw) / (Math.PI / 2));
      const yaw = wrapAngle(r.pose.yaw + (k * Math.PI) / 2);
      const f = frontOf(r.pose.yaw);
      const x = xAxis(r.pose.yaw);
      const hr = halfExtent(r.size, r.pose.yaw, f);
      const ht = halfExtent(target.size, yaw, f);
      const lateral = dot2([target.pose.center[0] - r.pose.center[0], target.pose.center[1] - r.pose.center[1]], x);
      const lines = [
        { name: 'fronts', offset: hr - ht, penalty: 0 },
        { name: 'backs', offset: ht - hr, penalty: 0.5 },
        { name: 'centres', offset: 0, penalty: 1 },
      ];
      const candidates: Candidate[] = [];
      for (const line of lines) {
        const origin: Vec2 = [r.pose.center[0] + f[0] * line.offset + x[0] * lateral, r.pose.center[1] + f[1] * line.offset + x[1] * lateral];
        for (const c of grid(origin, f, x, SLACK_STEPS, steps(-1.5, 1.5, 0.025), yaw, line.penalty)) candidates.push(c);
      }
      candidates.sort((a, b) => a.cost - b.cost);
      const measure = (pose: Pose): RelationMeasure => {
        const turn = Math.abs(deg(angleDiff(pose.yaw, yaw)));
        const along = dot2([pose.center[0] - r.pose.center[0], pose.center[1] - r.pose.center[1]], f);
        const h = halfExtent(target.size, pose.yaw, f);
        const offs = lines.map((l) => ({ name: l.name, off: Math.abs(along - (l.name === 'fronts' ? hr - h : l.name === 'backs' ? h - hr : 0)) }));
        const best = offs.reduce((a, b) => (b.off < a.off - 1e-9 ? b : a));
        const words = best.name === 'centres' ? `centres ${cmText(best.off)} off one line` : `${best.name} ${cmText(best.off)} apart`;
        return { relation: 'aligned_with', holds: turn <= TOLERANCE_DEG && best.off <= TOLERANCE_M, measured: `${words}, ${turn.toFixed(1)}° off parallel`, value: best.off, wanted: 0, tolerance: TOLERANCE_M, unit: 'm' };
      };
      return { describe, candidates, measure, exempt: [], supports: besideSupports(target, r), roomHint: `${tName} would stick out of the room` };
    }
    case 'toward':
    case 'away_from': {
      const r = needRef();
      const from = xy(target.pose);
      const toRef = unit([r.pose.center[0] - from[0], r.pose.center[1] - from[1]]);
      const d: Vec2 = req.relation === 'toward' ? toRef : [-toRef[0], -toRef[1]];
      const gapNow = obbDistance(boxOf(target), boxOf(r)).distance;
      const amount = req.amount ?? Math.min(A_BIT, req.relation === 'toward' ? Math.max(0, gapNow - 0.05) : A_BIT);
      if (req.relation === 'toward' && amount > gapNow + 1e-9) return { describe, candidates: [], measure: noMeasure(req.relation), exempt: [], supports: [], refuse: `${tName} is only ${cmText(gapNow)} from ${rName}` };
      return movePlan(ctx, d, amount, `${cmText(amount)} ${relationWords(req.relation)} ${rName}`, req.relation);
    }
  }
}

function footprintShare(target: LayoutObject, pose: Pose, r: LayoutObject): number {
  const t = footprint(target.size, pose);
  const inside = t.filter((c) => {
    const l: Vec2 = [c[0] - r.pose.center[0], c[1] - r.pose.center[1]];
    return Math.abs(dot2(l, xAxis(r.pose.yaw))) <= r.size[0] / 2 + 1e-9 && Math.abs(dot2(l, frontOf(r.pose.yaw))) <= r.size[1] / 2 + 1e-9;
  }).length;
  const centre = Math.abs(dot2([pose.center[0] - r.pose.center[0], pose.center[1] - r.pose.center[1]], xAxis(r.pose.yaw))) <= r.size[0] / 2 && Math.abs(dot2([pose.center[0] - r.pose.center[0], pose.center[1] - r.pose.center[1]], frontOf(r.pose.yaw))) <= r.size[1] / 2;
  return (inside + (centre ? 4 : 0)) / 8;
}

export const noMeasure = (relation: string) => (): RelationMeasure => ({ relation, holds: false, measured: 'not placed', value: NaN, wanted: null, tolerance: 0, unit: 'm' });

function centreInRoom(ctx: PlanContext, describe: string): Plan {
  // The centroid of an L can fall in its missing part: then the point farthest from the walls.
  const c = roomCentre(ctx.doc.room.polygon);
  const candidates = grid(c, [1, 0], [0, 1], steps(-0.04, 0.04, 0.01), steps(-0.04, 0.04, 0.01), ctx.target.pose.yaw)
    .filter((p) => p.cost <= WITHIN)
    .sort((a, b) => a.cost - b.cost);
  const measure = (pose: Pose): RelationMeasure => {
    const off = Math.hypot(pose.center[0] - c[0], pose.center[1] - c[1]);
    return { relation: 'centred_on', holds: off <= TOLERANCE_M, measured: `${cmText(off)} from the room's centre`, value: off, wanted: 0, tolerance: TOLERANCE_M, unit: 'm' };
  };
  return { describe, candidates, measure, exempt: [], supports: [{ kind: 'floor' }] };
}

/** "Centre the chair on the desk" for something too big or too high to stand on it: in front of its middle. */
function centredBeside(ctx: PlanContext, r: LayoutObject, describe: string): Plan {
  const f = frontOf(r.pose.yaw);
  const d = halfExtent(r.size, r.pose.yaw, f) + halfExtent(ctx.target.size, ctx.target.pose.yaw, f) + 0.05;
  const origin: Vec2 = [r.pose.center[0] + f[0] * d, r.pose.center[1] + f[1] * d];
  const candidates = grid(origin, f, xAxis(r.pose.yaw), steps(0, 0.5, 0.02), steps(-0.04, 0.04, 0.01), ctx.target.pose.yaw).sort((a, b) => a.cost - b.cost);
  const measure = (pose: Pose): RelationMeasure => {
    const delta: Vec2 = [pose.center[0] - r.pose.center[0], pose.center[1] - r.pose.center[1]];
    const off = Math.abs(dot2(delta, xAxis(r.pose.yaw)));
    // In front of it (face to face gap), not somewhere else on its centre line.
    const gap = dot2(delta, f) - halfExtent(r.size, r.pose.yaw, f) - halfExtent(ctx.target.size, pose.yaw, f);
    const holds = off <= TOLERANCE_M && gap >= -0.005 && gap <= 0.6;
    return { relation: 'centred_on', holds, measured: `${cmText(off)} off its centre line, ${cmText(gap)} in front of it`, value: off, wanted: 0, tolerance: TOLERANCE_M, unit: 'm' };
  };
  return { describe, candidates, measure, exempt: [], supports: besideSupports(ctx.target, r), roomHint: `there is no room in front of ${name(ctx.doc, r)}` };
}

/** Move by an amount along d: displacement within 5 cm of the amount, lateral drift within 5 cm. */
export function movePlan(ctx: PlanContext, d: Vec2, amount: number, describe: string, relation = 'move'): Plan {
  const { target } = ctx;
  const from = xy(target.pose);
  const origin: Vec2 = [from[0] + d[0] * amount, from[1] + d[1] * amount];
  const v = perp(d);
  const candidates = grid(origin, d, v, SLACK_STEPS, steps(-0.04, 0.04, 0.01), target.pose.yaw).sort((a, b) => a.cost - b.cost);
  const measure = (pose: Pose): RelationMeasure => {
    const delta: Vec2 = [pose.center[0] - from[0], pose.center[1] - from[1]];
    const moved = dot2(delta, d);
    const drift = Math.abs(dot2(delta, v));
    return { relation, holds: Math.abs(moved - amount) <= TOLERANCE_M && drift <= TOLERANCE_M, measured: `moved ${cmText(moved)}, ${cmText(drift)} sideways`, value: moved, wanted: amount, tolerance: TOLERANCE_M, unit: 'm' };
  };
  const room = rayToBoundary(from, d, ctx.doc.room.polygon) - halfExtent(target.size, target.pose.yaw, d);
  const roomHint = `the wall is ${cmText(Math.max(0, room))} away`;
  return { describe, candidates, measure, exempt: [], supports: [target.support], roomHint };
}

export function rotatePlan(ctx: PlanContext, degrees: number): Plan {
  const { target } = ctx;
  const yaw = wrapAngle(target.pose.yaw + rad(degrees));
  const candidates = grid(xy(target.pose), [1, 0], [0, 1], steps(-0.3, 0.3, 0.025), steps(-0.3, 0.3, 0.025), yaw).sort((a, b) => a.cost - b.cost);
  const measure = (pose: Pose): RelationMeasure => {
    const turned = deg(angleDiff(pose.yaw, target.pose.yaw));
    const off = Math.abs(deg(angleDiff(pose.yaw, yaw)));
    return { relation: 'rotate', holds: off <= TOLERANCE_DEG, measured: `turned ${turned.toFixed(1)}°`, value: turned, wanted: degrees, tolerance: TOLERANCE_DEG, unit: 'deg' };
  };
  return { describe: `${Math.abs(degrees)}° ${degrees >= 0 ? 'counter-clockwise' : 'clockwise'}`, candidates, measure, exempt: [], supports: [target.support], roomHint: `${name(ctx.doc, target)} is too close to the wall to turn` };
}

/** Straight to a given pose (swap), searched on a 1 cm grid only within the 5 cm the relation allows. */
export function posePlan(ctx: PlanContext, pose: Pose, describe: string, exempt: number[], supports: Support[]): Plan {
  const candidates = grid(xy(pose), [1, 0], [0, 1], steps(-0.04, 0.04, 0.01), steps(-0.04, 0.04, 0.01), pose.yaw)
    .filter((c) => c.cost <= WITHIN)
    .sort((a, b) => a.cost - b.cost);
  const measure = (p: Pose): RelationMeasure => {
    const off = Math.hypot(p.center[0] - pose.center[0], p.center[1] - pose.center[1]);
    return { relation: 'swap', holds: off <= TOLERANCE_M, measured: `${cmText(off)} from the other's place`, value: off, wanted: 0, tolerance: TOLERANCE_M, unit: 'm' };
  };
  return { describe, candidates, measure, exempt, supports };
}

function pickWall(ctx: PlanContext, req: Omit<PlaceRequest, 'op' | 'target'>): Wall | null {
  const walls = ctx.doc.room.walls;
  if (req.reference?.kind === 'wall') return walls.find((w) => w.id === (req.reference as { id: string }).id) ?? null;
  if (req.reference?.kind === 'object') {
    const r = ctx.objectOf(req.reference.id);
    const opening = ctx.doc.room.openings.find((o) => o.objectId === r.id);
    if (opening) return walls.find((w) => w.id === opening.wallId) ?? null;
    return nearestWall(walls, xy(r.pose))?.wall ?? null;
  }
  return nearestWall(walls, xy(ctx.target.pose))?.wall ?? null;
}

/** The convex corner (interior angle under 135°) nearest the reference, else the target. */
function pickCorner(ctx: PlanContext, ref: LayoutObject | null): { p: Vec2; wa: Wall; wb: Wall } | null {
  const walls = ctx.doc.room.walls;
  const near = ref ? xy(ref.pose) : xy(ctx.target.pose);
  let best: { p: Vec2; wa: Wall; wb: Wall; d: number } | null = null;
  for (let i = 0; i < walls.length; i++) {
    const wa = walls[i]!;
    const wb = walls[(i + 1) % walls.length]!;
    if (Math.hypot(wa.b[0] - wb.a[0], wa.b[1] - wb.a[1]) > 0.05) continue;
    const da = unit([wa.b[0] - wa.a[0], wa.b[1] - wa.a[1]]);
    const db = unit([wb.b[0] - wb.a[0], wb.b[1] - wb.a[1]]);
    const turn = Math.atan2(da[0] * db[1] - da[1] * db[0], dot2(da, db));
    if (turn < rad(45)) continue;
    const d = Math.hypot(wa.b[0] - near[0], wa.b[1] - near[1]);
    if (!best || d < best.d) best = { p: wa.b, wa, wb, d };
  }
  return best;
}
