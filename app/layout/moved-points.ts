// The scan after a layout edit: every object's points moved by the rigid motion (turn about z, then
// shift) that took its box from the original pose to the edited one; removed objects' points dropped;
// duplicates get a copy of their original's points under a new instance id. Used for the ghost
// preview (only the changed objects) and the PLY export (the whole scene).
import type { PointScene } from '../scene/types';
import { wrapAngle } from './pose';
import type { LayoutDocument, Pose } from './types';

export interface MovedPoints {
  positions: Float32Array;
  colors: Uint8Array;
  instanceIds: Int32Array;
  /** Points per changed object id (moved, carried or copied); copies carry fresh instance ids in `instanceIds`. */
  changed: Map<number, number>;
}

function transform(out: Float32Array, at: number, src: Float32Array, i: number, from: Pose, to: Pose) {
  const d = wrapAngle(to.yaw - from.yaw);
  const c = Math.cos(d);
  const s = Math.sin(d);
  const x = src[i * 3]! - from.center[0];
  const y = src[i * 3 + 1]! - from.center[1];
  out[at * 3] = to.center[0] + c * x - s * y;
  out[at * 3 + 1] = to.center[1] + s * x + c * y;
  out[at * 3 + 2] = src[i * 3 + 2]! + (to.center[2] - from.center[2]);
}

/**
 * Points of `scene` as laid out by `edited`, where `original` is the layout the scene's points match.
 * With `only`, just the points of those object ids (the ghost of a preview).
 */
export function movedPoints(scene: PointScene, original: LayoutDocument, edited: LayoutDocument, only?: ReadonlySet<number>): MovedPoints {
  const before = new Map(original.objects.map((o) => [o.instanceId ?? -1, o]));
  const after = new Map(edited.objects.map((o) => [o.id, o]));
  const n = scene.positions.length / 3;
  // Copies: objects in the edit that were not in the original, borrowing the points of the one they copy (same category and size).
  const copies = edited.objects.filter((o) => !original.objects.some((x) => x.id === o.id) && o.instanceId !== undefined);
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) counts.set(scene.instanceIds[i]!, (counts.get(scene.instanceIds[i]!) ?? 0) + 1);
  let total = 0;
  const keep = (inst: number): boolean => {
    const o = before.get(inst);
    if (!o) return !only;
    if (!after.has(o.id)) return false;
    return !only || only.has(o.id);
  };
  for (const [inst, k] of counts) if (keep(inst)) total += k;
  for (const c of copies) if (!only || only.has(c.id)) total += counts.get(c.instanceId!) ?? 0;
  const positions = new Float32Array(total * 3);
  const colors = new Uint8Array(total * 3);
  const instanceIds = new Int32Array(total);
  const changed = new Map<number, number>();
  let at = 0;
  for (let i = 0; i < n; i++) {
    const inst = scene.instanceIds[i]!;
    if (!keep(inst)) continue;
    const o = before.get(inst);
    const e = o ? after.get(o.id)! : null;
    if (o && e && (e.pose !== o.pose || only)) {
      transform(positions, at, scene.positions, i, o.pose, e.pose);
      if (e.pose !== o.pose) changed.set(o.id, (changed.get(o.id) ?? 0) + 1);
    } else positions.set(scene.positions.subarray(i * 3, i * 3 + 3), at * 3);
    colors.set(scene.colors.subarray(i * 3, i * 3 + 3), at * 3);
    instanceIds[at] = inst;
    at++;
  }
  // Copies get instance ids above every id in the scan (walls and floor included), in document order.
  let nextInstance = Math.max(0, ...counts.keys(), ...edited.objects.map((o) => o.id)) + 1;
  for (const c of copies) {
    const instance = nextInstance++;
    if (only && !only.has(c.id)) continue;
    const src = before.get(c.instanceId!);
    if (!src) continue;
    for (let i = 0; i < n; i++) {
      if (scene.instanceIds[i] !== c.instanceId) continue;
      transform(positions, at, scene.positions, i, src.pose, c.pose);
      colors.set(scene.colors.subarray(i * 3, i * 3 + 3), at * 3);
      instanceIds[at] = instance;
      changed.set(c.id, (changed.get(c.id) ?? 0) + 1);
      at++;
    }
  }
  return { positions, colors, instanceIds, changed };
}
