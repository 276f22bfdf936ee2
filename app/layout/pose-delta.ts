// The rigid motion that takes an object's box from one pose to another (turn about z around the old
// centre, then shift), as a 4×4 matrix. The host applies these to an instance's points in place (so
// a scene keeps its point count and order after a layout edit) and the renderer draws the preview
// ghost with them, so neither ever ships moved point arrays across the bridge.
import { wrapAngle } from './pose';
import type { LayoutDocument, LayoutObject, Pose } from './types';

/** Column-major 4×4 (three.js `Matrix4.fromArray` order). */
export type Matrix4 = number[];

export function poseDeltaMatrix(from: Pose, to: Pose): Matrix4 {
  const d = wrapAngle(to.yaw - from.yaw);
  const c = Math.cos(d);
  const s = Math.sin(d);
  const [bx, by, bz] = from.center;
  const [ax, ay, az] = to.center;
  return [c, s, 0, 0, -s, c, 0, 0, 0, 0, 1, 0, ax - (c * bx - s * by), ay - (s * bx + c * by), az - bz, 1];
}

const samePose = (a: Pose, b: Pose) => a.yaw === b.yaw && a.center[0] === b.center[0] && a.center[1] === b.center[1] && a.center[2] === b.center[2];

/**
 * Per instance id, the motion from `base` (the layout the points were measured in) to `current`, for
 * every object with points whose pose differs. Objects only one side has (removed, copies) have no
 * in-place motion and are left out, and so is an object whose category or point count differs (the
 * version was made on other instances).
 */
export function layoutDeltas(base: LayoutDocument, current: LayoutDocument): Map<number, Matrix4> {
  const before = new Map<number, LayoutObject>(base.objects.map((o) => [o.id, o]));
  const out = new Map<number, Matrix4>();
  for (const o of current.objects) {
    const b = before.get(o.id);
    if (!b || o.instanceId === undefined || b.instanceId !== o.instanceId || samePose(b.pose, o.pose)) continue;
    // A version made on another segmentation (ids reused for other objects) must not move these points.
    if (b.category !== o.category || b.pointCount !== o.pointCount) continue;
    out.set(o.instanceId, poseDeltaMatrix(b.pose, o.pose));
  }
  return out;
}

/** A copy of `positions` with each listed instance's points moved by its matrix; others unchanged. */
export function applyInstanceMotions(positions: Float32Array, instanceIds: Int32Array, motions: ReadonlyMap<number, Matrix4>): Float32Array {
  const out = Float32Array.from(positions);
  if (motions.size === 0) return out;
  for (let i = 0; i < instanceIds.length; i++) {
    const m = motions.get(instanceIds[i]!);
    if (!m) continue;
    const x = positions[i * 3]!;
    const y = positions[i * 3 + 1]!;
    const z = positions[i * 3 + 2]!;
    out[i * 3] = m[0]! * x + m[4]! * y + m[8]! * z + m[12]!;
    out[i * 3 + 1] = m[1]! * x + m[5]! * y + m[9]! * z + m[13]!;
    out[i * 3 + 2] = m[2]! * x + m[6]! * y + m[10]! * z + m[14]!;
  }
  return out;
}

/** Objects a layout changed against the scan's own: moved (with points), removed, or added (copies). */
export function layoutChangeCount(base: LayoutDocument, current: LayoutDocument): number {
  const ids = new Set(current.objects.map((o) => o.id));
  const baseIds = new Set(base.objects.map((o) => o.id));
  const removed = base.objects.filter((o) => !ids.has(o.id)).length;
  const added = current.objects.filter((o) => !baseIds.has(o.id)).length;
  return layoutDeltas(base, current).size + removed + added;
}
