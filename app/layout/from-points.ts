// A layout from a scan with instances: each object is the tight upright box of its points (with
// their mean colour and count, so an edit can move exactly those points); the room outline is that of
// the wall and floor points (all points when none are labelled): concave for an L-shaped room (outline.ts).
import { tightObb } from '../geometry/tight-obb';
import { groupPointsByInstance } from '../scene/summary';
import type { PointScene, Vec3 } from '../scene/types';
import { AppError } from '../contract/errors';
import { buildDocument, type BoxItem } from './build';
import { floorOutline } from './outline';
import { uprightOf } from './pose';
import type { LayoutDocument, Vec2 } from './types';

const STRUCTURE = new Set(['wall', 'walls', 'floor', 'ceiling']);
/** Floor and ceiling heights are these percentiles of the point heights, so stray points do not move them. */
export const FLOOR_PERCENTILE = 0.02;
export const CEILING_PERCENTILE = 0.98;

export interface FromPointsOptions {
  /** Yaw (front on local +y) and size known from the data, by instance id (the sample room's ground truth). */
  knownPoses?: ReadonlyMap<number, { yaw: number; size: Vec3; center: Vec3 }>;
}

function percentile(values: Float64Array, q: number): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
}

function zOf(positions: Float32Array, subset: Uint32Array | null): Float64Array {
  const n = subset ? subset.length : positions.length / 3;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = positions[(subset ? subset[i]! : i) * 3 + 2]!;
  return out;
}

export function layoutFromPoints(scene: PointScene, options: FromPointsOptions = {}): LayoutDocument {
  if (scene.upAxis !== 'z') throw new AppError('invalid_input', `scene "${scene.id}" is ${scene.upAxis}-up; layout editing needs z-up coordinates`);
  const n = scene.positions.length / 3;
  if (n === 0) throw new AppError('invalid_input', `scene "${scene.id}" has no points`);
  const groups = groupPointsByInstance(scene);
  const items: BoxItem[] = [];
  const structure: number[] = [];
  let floorPoints: Uint32Array | null = null;
  for (const inst of scene.instances) {
    const set = groups.get(inst.id);
    if (!set || set.length === 0) continue;
    const label = inst.label.toLowerCase();
    if (STRUCTURE.has(label)) {
      for (const i of set) structure.push(i);
      if (label === 'floor') floorPoints = set;
      continue;
    }
    if (set.length < 4) continue;
    const known = options.knownPoses?.get(inst.id);
    const sum = [0, 0, 0];
    for (const i of set) for (let k = 0; k < 3; k++) sum[k]! += scene.colors[i * 3 + k] ?? 0;
    const color = sum.map((v) => v / set.length) as Vec3;
    if (known) {
      items.push({ id: inst.id, category: inst.label, center: known.center, yaw: known.yaw, size: known.size, frontKnown: true, color, instanceId: inst.id, pointCount: set.length });
      continue;
    }
    const u = uprightOf(tightObb(scene.positions, set, { mode: 'upright' }).box);
    items.push({ id: inst.id, category: inst.label, center: u.center, yaw: u.yaw, size: u.size, color, instanceId: inst.id, pointCount: set.length });
  }
  const outlineSet = structure.length >= 3 ? Uint32Array.from(structure) : null;
  const xy = new Float64Array((outlineSet ? outlineSet.length : n) * 2);
  for (let j = 0; j < xy.length / 2; j++) {
    const i = outlineSet ? outlineSet[j]! : j;
    xy[2 * j] = scene.positions[i * 3]!;
    xy[2 * j + 1] = scene.positions[i * 3 + 1]!;
  }
  // Concave where the room is (an L): see outline.ts; the convex hull otherwise.
  // Furniture hides the floor under it: its points fill the grid there, and its centre must stay inside.
  let objectPoints = 0;
  for (const it of items) objectPoints += groups.get(it.instanceId!)?.length ?? 0;
  const also = new Float64Array(outlineSet ? objectPoints * 2 : 0);
  if (outlineSet) {
    let at = 0;
    for (const it of items) for (const i of groups.get(it.instanceId!) ?? []) {
      also[at++] = scene.positions[i * 3]!;
      also[at++] = scene.positions[i * 3 + 1]!;
    }
  }
  const outline = floorOutline(xy, { also, mustContain: items.map((it) => [it.center[0], it.center[1]] as Vec2) });
  const polygon: Vec2[] = outline.polygon;
  const floorZ = percentile(zOf(scene.positions, floorPoints), FLOOR_PERCENTILE);
  const ceilingZ = percentile(zOf(scene.positions, null), CEILING_PERCENTILE);
  const doc = buildDocument(scene.id, 'points', items, { polygon, method: `${outline.concave ? `concave outline (${Math.round(outline.share * 100)}% of the hull)` : 'convex hull'} of ${outlineSet ? 'the wall and floor points' : 'all points'}`, floorZ, ceilingZ });
  // Copies must not take an id a wall or the floor already uses for its points.
  let maxId = -1;
  for (const inst of scene.instances) if (inst.id > maxId) maxId = inst.id;
  for (const k of groups.keys()) if (k > maxId) maxId = k;
  doc.firstFreeId = maxId + 1;
  return doc;
}
