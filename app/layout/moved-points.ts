// The scan after a layout edit: every object's points moved by the rigid motion (turn about z, then
// shift) that took its box from the original pose to the edited one; removed objects' points (and
// their instances) dropped; each copy made of its source's scanned points, moved to the copy's pose,
// under the copy's own instance id. Kept points stay in scan order and copies follow them. Used for
// the scene the host shows (main/host/layout-scene.ts), the ghost preview (only the changed objects)
// and the PLY export (the whole scene).
import type { PointScene, SceneInstance } from '../scene/types';
import { samePose, wrapAngle } from './pose';
import type { LayoutDocument, LayoutObject, Pose } from './types';

export interface MovedPoints {
  positions: Float32Array;
  colors: Uint8Array;
  instanceIds: Int32Array;
  /** The scene's instances after the edit: removed ones gone, one per copy (same label) added. */
  instances: SceneInstance[];
  /** Points per changed object id (moved, carried or copied). */
  changed: Map<number, number>;
  /** Object id of each copy → the instance id its points carry (its own id unless a scan instance has it). */
  copyInstances: Map<number, number>;
  /** Object ids whose points were dropped. */
  removed: number[];
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

/** Same object on both sides: a version made on another segmentation (ids reused for other objects) must not move or drop these points. */
const sameObject = (a: LayoutObject, b: LayoutObject) => a.category === b.category && a.pointCount === b.pointCount && a.instanceId === b.instanceId;

/** What an edited layout does to a scan's instances: per instance its edited object (or null: removed), and the copies. */
export function layoutPlan(scene: PointScene, original: LayoutDocument, edited: LayoutDocument) {
  const scanned = new Map<number, LayoutObject>();
  for (const o of original.objects) if (o.instanceId !== undefined) scanned.set(o.instanceId, o);
  const byId = new Map(edited.objects.map((o) => [o.id, o]));
  const inScan = new Set<number>();
  for (let i = 0; i < scene.instanceIds.length; i++) inScan.add(scene.instanceIds[i]!);
  for (const inst of scene.instances) inScan.add(inst.id);
  /** Per scan instance: its pose now, or null when the edit removed it; absent: untouched. */
  const fate = new Map<number, LayoutObject | null>();
  for (const [inst, o] of scanned) {
    const e = byId.get(o.id);
    if (!e) fate.set(inst, null);
    else if (sameObject(o, e) && !samePose(o.pose, e.pose, 0)) fate.set(inst, e);
  }
  const copies: Array<{ o: LayoutObject; src: LayoutObject; instance: number }> = [];
  let next = Math.max(-1, ...inScan, ...edited.objects.map((o) => o.id)) + 1;
  for (const o of edited.objects) {
    if (o.instanceId === undefined || o.instanceId === o.id || scanned.get(o.id)?.instanceId === o.instanceId) continue;
    const src = scanned.get(o.instanceId);
    if (!src) continue;
    copies.push({ o, src, instance: inScan.has(o.id) ? next++ : o.id });
  }
  return { fate, copies };
}

/**
 * Points of `scene` as laid out by `edited`, where `original` is the layout the scene's points match.
 * With `only`, just the points of those object ids (the ghost of a preview).
 */
export function movedPoints(scene: PointScene, original: LayoutDocument, edited: LayoutDocument, only?: ReadonlySet<number>): MovedPoints {
  const { fate, copies } = layoutPlan(scene, original, edited);
  const scanned = new Map<number, LayoutObject>();
  for (const o of original.objects) if (o.instanceId !== undefined) scanned.set(o.instanceId, o);
  const n = scene.positions.length / 3;
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) counts.set(scene.instanceIds[i]!, (counts.get(scene.instanceIds[i]!) ?? 0) + 1);
  const keep = (inst: number): boolean => {
    if (fate.get(inst) === null) return false;
    if (!only) return true;
    const o = scanned.get(inst);
    return !!o && only.has(o.id);
  };
  const wanted = copies.filter((c) => !only || only.has(c.o.id));
  let total = 0;
  for (const [inst, k] of counts) if (keep(inst)) total += k;
  for (const c of wanted) total += counts.get(c.src.instanceId!) ?? 0;
  const positions = new Float32Array(total * 3);
  const colors = new Uint8Array(total * 3);
  const instanceIds = new Int32Array(total);
  const changed = new Map<number, number>();
  let at = 0;
  for (let i = 0; i < n; i++) {
    const inst = scene.instanceIds[i]!;
    if (!keep(inst)) continue;
    const e = fate.get(inst);
    if (e) {
      transform(positions, at, scene.positions, i, scanned.get(inst)!.pose, e.pose);
      changed.set(e.id, (changed.get(e.id) ?? 0) + 1);
    } else positions.set(scene.positions.subarray(i * 3, i * 3 + 3), at * 3);
    colors.set(scene.colors.subarray(i * 3, i * 3 + 3), at * 3);
    instanceIds[at] = inst;
    at++;
  }
  for (const c of wanted) {
    for (let i = 0; i < n; i++) {
      if (scene.instanceIds[i] !== c.src.instanceId) continue;
      transform(positions, at, scene.positions, i, c.src.pose, c.o.pose);
      colors.set(scene.colors.subarray(i * 3, i * 3 + 3), at * 3);
      instanceIds[at] = c.instance;
      at++;
    }
    changed.set(c.o.id, counts.get(c.src.instanceId!) ?? 0);
  }
  const removed = [...fate.entries()].filter(([, e]) => e === null).map(([inst]) => scanned.get(inst)!.id);
  const instances = scene.instances.filter((inst) => fate.get(inst.id) !== null);
  for (const c of copies) instances.push({ id: c.instance, label: c.o.category });
  return { positions, colors, instanceIds, instances, changed, copyInstances: new Map(copies.map((c) => [c.o.id, c.instance])), removed };
}

/** True when the edited layout drops or adds points (the shown scene changes its point count). */
export function changesPointSet(scene: PointScene, original: LayoutDocument, edited: LayoutDocument): boolean {
  const { fate, copies } = layoutPlan(scene, original, edited);
  return copies.length > 0 || [...fate.values()].some((e) => e === null);
}
