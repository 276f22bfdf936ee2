// The rules a placed object must keep: inside the room, overlapping nothing (OBB separating axis
// test), resting on the floor or on a supporter's top, clear of door swings. `fits` answers yes/no
// with cheap tests first and an early out (the search calls it per candidate); `report` measures
// every rule with its margin for the final pose.
import type { Obb } from '../geometry/obb';
import { obbDistance } from '../geometry/obb-distance';
import { obbsOverlap } from '../geometry/obb-overlap';
import { footprintOverlap } from '../geometry/footprint';
import { inwardNormal } from './build';
import { carryPose } from './edits';
import { boxAt, boxOf, bottomOf, footprint, topOf } from './pose';
import { footprintMargin, signedDistance } from './room-geometry';
import type { LayoutDocument, LayoutObject, Pose, Support, Vec2 } from './types';

/** Boxes may touch: each side of a moving box is pulled in by this much before the overlap test (scans are noisy). */
export const CONTACT_SLACK = 0.002;
/** A door swings through a square of its width, at least this deep. */
export const MIN_SWING_DEPTH = 0.6;
/** A footprint may poke out of the scanned outline by this much (outlines are hulls of noisy points). */
export const ROOM_SLACK = 0.01;
/** A resting object's centre must be this far inside its supporter's top (so it does not tip). */
export const SUPPORT_INSET = 0.0;
/** Clearances are measured exactly only to objects within this of the moved box. */
export const REPORT_RADIUS = 1.0;

export type ConstraintName = 'inside_room' | 'no_overlap' | 'support' | 'door_swing' | 'walkway';

export interface ConstraintCheck {
  name: ConstraintName;
  pass: boolean;
  /** Metres of slack before the rule breaks (negative: how far it is broken); null when the rule has no length. */
  margin: number | null;
  /** True when the rule limited the placement: it failed somewhere nearer the ideal pose, or its margin is under 5 cm. */
  active: boolean;
  detail: string;
  /** The object (or door) that is in the way. */
  blocker?: { id: number | string; category: string };
}

interface Obstacle {
  o: LayoutObject;
  box: Obb;
  min: Vec2;
  max: Vec2;
  z0: number;
  z1: number;
}

interface Swing {
  doorId: string;
  objectId: number;
  box: Obb;
  min: Vec2;
  max: Vec2;
  top: number;
}

export interface Mover {
  o: LayoutObject;
  pose: Pose;
}

function aabbXy(box: Obb): { min: Vec2; max: Vec2 } {
  const ex = (box.size[0] / 2) * Math.abs(box.axes[0][0]) + (box.size[1] / 2) * Math.abs(box.axes[1][0]);
  const ey = (box.size[0] / 2) * Math.abs(box.axes[0][1]) + (box.size[1] / 2) * Math.abs(box.axes[1][1]);
  return { min: [box.center[0] - ex, box.center[1] - ey], max: [box.center[0] + ex, box.center[1] + ey] };
}

const shrink = (box: Obb): Obb => ({ ...box, size: [Math.max(0, box.size[0] - 2 * CONTACT_SLACK), Math.max(0, box.size[1] - 2 * CONTACT_SLACK), Math.max(0, box.size[2] - 2 * CONTACT_SLACK)] });

function swingsOf(doc: LayoutDocument): Swing[] {
  const out: Swing[] = [];
  for (const op of doc.room.openings) {
    if (op.kind !== 'door') continue;
    const wall = doc.room.walls.find((w) => w.id === op.wallId);
    if (!wall) continue;
    const n = inwardNormal(wall);
    const depth = Math.max(MIN_SWING_DEPTH, op.width);
    const along: Vec2 = [-n[1], n[0]];
    // The door's centre projected onto the wall line, then half the swing depth into the room.
    const t = (op.center[0] - wall.a[0]) * along[0] + (op.center[1] - wall.a[1]) * along[1];
    const base: Vec2 = [wall.a[0] + t * along[0], wall.a[1] + t * along[1]];
    const h = Math.max(op.height, 1.8);
    const box: Obb = {
      center: [base[0] + (n[0] * depth) / 2, base[1] + (n[1] * depth) / 2, doc.room.floorZ + h / 2],
      axes: [[along[0], along[1], 0], [n[0], n[1], 0], [0, 0, 1]],
      size: [op.width, depth, h],
    };
    out.push({ doorId: op.id, objectId: op.objectId, box, ...aabbXy(box), top: doc.room.floorZ + h });
  }
  return out;
}

/** What the moving objects are checked against; built once per solve. */
export class ConstraintContext {
  readonly obstacles: Obstacle[];
  readonly swings: Swing[];
  readonly polygon: Vec2[];

  constructor(
    readonly doc: LayoutDocument,
    /** Objects that move (the target and what rests on it) and objects the rules ignore (its supporter, the reference of "under"). */
    readonly exempt: ReadonlySet<number>,
  ) {
    this.polygon = doc.room.polygon;
    this.obstacles = doc.objects
      .filter((o) => o.kind !== 'opening' && !exempt.has(o.id))
      .map((o) => {
        const box = boxOf(o);
        return { o, box, ...aabbXy(box), z0: bottomOf(o), z1: topOf(o) };
      });
    this.swings = swingsOf(doc);
  }

  /** The first rule a set of moving boxes breaks, or null; cheapest rules first, stopping at the first failure. */
  firstFailure(movers: readonly Mover[]): { name: ConstraintName; blocker?: { id: number | string; category: string } } | null {
    for (const m of movers) if (footprintMargin(footprint(m.o.size, m.pose), this.polygon) < -ROOM_SLACK) return { name: 'inside_room' };
    for (const m of movers) {
      const box = shrink(boxAt(m.o.size, m.pose));
      const { min, max } = aabbXy(box);
      const z0 = box.center[2] - box.size[2] / 2;
      const z1 = box.center[2] + box.size[2] / 2;
      for (const ob of this.obstacles) {
        if (ob.max[0] < min[0] || ob.min[0] > max[0] || ob.max[1] < min[1] || ob.min[1] > max[1] || ob.z1 < z0 || ob.z0 > z1) continue;
        if (obbsOverlap(box, ob.box)) return { name: 'no_overlap', blocker: { id: ob.o.id, category: ob.o.category } };
      }
    }
    for (const m of movers) {
      if (m.pose.center[2] - m.o.size[2] / 2 > this.doc.room.floorZ + 1.8) continue;
      const box = shrink(boxAt(m.o.size, m.pose));
      const { min, max } = aabbXy(box);
      for (const s of this.swings) {
        if (s.max[0] < min[0] || s.min[0] > max[0] || s.max[1] < min[1] || s.min[1] > max[1]) continue;
        if (obbsOverlap(box, s.box)) return { name: 'door_swing', blocker: { id: s.doorId, category: 'door' } };
      }
    }
    return null;
  }

  /** The same rules without broad phase or early out: every obstacle, every door (the naive peer of the bench). */
  firstFailureNaive(movers: readonly Mover[]): ConstraintName | null {
    let fail: ConstraintName | null = null;
    for (const m of movers) {
      if (footprintMargin(footprint(m.o.size, m.pose), this.polygon) < -ROOM_SLACK) fail ??= 'inside_room';
      const box = shrink(boxAt(m.o.size, m.pose));
      for (const ob of this.obstacles) if (obbsOverlap(box, ob.box)) fail ??= 'no_overlap';
      for (const s of this.swings) if (m.pose.center[2] - m.o.size[2] / 2 <= this.doc.room.floorZ + 1.8 && obbsOverlap(box, s.box)) fail ??= 'door_swing';
    }
    return fail;
  }

  /** Every rule measured for the target at its final pose (riders included in room and overlap). */
  report(movers: readonly Mover[], support: Support): ConstraintCheck[] {
    const target = movers[0]!;
    let room = Infinity;
    for (const m of movers) room = Math.min(room, footprintMargin(footprint(m.o.size, m.pose), this.polygon));
    const checks: ConstraintCheck[] = [
      { name: 'inside_room', pass: room >= -ROOM_SLACK, margin: room, active: room < 0.05, detail: `footprint ${cm(room)} inside the room outline` },
    ];
    let nearest: { d: number; ob: Obstacle | null } = { d: Infinity, ob: null };
    for (const m of movers) {
      const box = boxAt(m.o.size, m.pose);
      const near = aabbXy(box);
      for (const ob of this.obstacles) {
        // Margins past REPORT_RADIUS do not limit anything: skip the exact distance there.
        if (ob.min[0] > near.max[0] + REPORT_RADIUS || ob.max[0] < near.min[0] - REPORT_RADIUS || ob.min[1] > near.max[1] + REPORT_RADIUS || ob.max[1] < near.min[1] - REPORT_RADIUS) continue;
        const d = obbDistance(shrink(box), ob.box).distance;
        if (d < nearest.d) nearest = { d, ob };
      }
    }
    const overlapPass = nearest.ob === null || !movers.some((m) => this.obstacles.some((ob) => obbsOverlap(shrink(boxAt(m.o.size, m.pose)), ob.box)));
    checks.push({
      name: 'no_overlap',
      pass: overlapPass,
      margin: nearest.ob ? (overlapPass ? nearest.d : 0) : null,
      active: nearest.d < 0.05,
      detail: nearest.ob ? `nearest object: ${nearest.ob.o.category} ${nearest.ob.o.id}, ${cm(nearest.d)} away` : `nothing within ${cm(REPORT_RADIUS)}`,
      ...(nearest.ob ? { blocker: { id: nearest.ob.o.id, category: nearest.ob.o.category } } : {}),
    });
    checks.push(this.supportCheck(target, support));
    let swing: { d: number; s: Swing | null } = { d: Infinity, s: null };
    for (const s of this.swings) {
      const d = obbDistance(shrink(boxAt(target.o.size, target.pose)), s.box).distance;
      if (d < swing.d) swing = { d, s };
    }
    const swingPass = this.firstFailure(movers)?.name !== 'door_swing';
    checks.push({
      name: 'door_swing',
      pass: swingPass,
      margin: swing.s ? (swingPass ? swing.d : 0) : null,
      active: swing.d < 0.05,
      detail: swing.s ? `${cm(swing.d)} from the swing of ${swing.s.doorId}` : 'no doors',
      ...(swing.s ? { blocker: { id: swing.s.doorId, category: 'door' } } : {}),
    });
    return checks;
  }

  supportCheck(m: Mover, support: Support): ConstraintCheck {
    const bottom = m.pose.center[2] - m.o.size[2] / 2;
    if (support.kind === 'floor') {
      const gap = bottom - this.doc.room.floorZ;
      return { name: 'support', pass: Math.abs(gap) < 0.01, margin: -Math.abs(gap), active: true, detail: `on the floor (gap ${cm(gap)})` };
    }
    if (support.kind === 'mounted') return { name: 'support', pass: true, margin: null, active: false, detail: 'wall- or ceiling-mounted: keeps its height' };
    const under = this.doc.objects.find((o) => o.id === support.id);
    if (!under) return { name: 'support', pass: false, margin: null, active: true, detail: `its supporter ${support.id} is gone` };
    const gap = bottom - topOf(under);
    const inset = signedDistance([m.pose.center[0], m.pose.center[1]], footprint(under.size, under.pose));
    const ratio = footprintOverlap(boxAt(m.o.size, m.pose), boxOf(under)).ratio;
    const pass = Math.abs(gap) < 0.01 && inset >= SUPPORT_INSET && ratio > 0.3;
    return { name: 'support', pass, margin: inset, active: inset < 0.05, detail: `on the ${under.category} ${under.id}: centre ${cm(inset)} inside its top, ${(ratio * 100).toFixed(0)}% of the footprint supported` };
  }
}

export const cm = (m: number): string => (Number.isFinite(m) ? `${Math.round(m * 100)} cm` : '∞');

/** The target at a pose plus everything resting on it, carried rigidly. */
export function moversFor(doc: LayoutDocument, target: LayoutObject, pose: Pose, riders: readonly number[]): Mover[] {
  const out: Mover[] = [{ o: target, pose }];
  for (const id of riders) {
    const r = doc.objects.find((o) => o.id === id);
    if (r) out.push({ o: r, pose: carryPose(r.pose, target.pose, pose) });
  }
  return out;
}
