// Per-instance statistics and index lists, each computed in one pass over the points.
import type { InstanceInfo } from '../contract/schemas';
import type { PointScene, Vec3 } from './types';

/** Instance ids up to this value are looked up through a dense table instead of a Map. */
const DENSE_ID_LIMIT = 1 << 20;

/** Maps each point's instance id to a slot 0..k-1 for the scene's instance list, or -1. */
function slotLookup(scene: PointScene): (id: number) => number {
  const ids = scene.instances.map((i) => i.id);
  if (ids.every((id) => Number.isInteger(id) && id >= 0 && id < DENSE_ID_LIMIT)) {
    const table = new Int32Array(Math.max(0, ...ids) + 1).fill(-1);
    ids.forEach((id, slot) => {
      if (table[id] === -1) table[id] = slot;
    });
    return (id) => (id >= 0 && id < table.length ? table[id]! : -1);
  }
  const map = new Map<number, number>();
  ids.forEach((id, slot) => {
    if (!map.has(id)) map.set(id, slot);
  });
  return (id) => map.get(id) ?? -1;
}

/**
 * Point count, bounding box and centroid of every listed instance, in the order of
 * `scene.instances`. Points whose id is not listed are ignored. An instance with no points gets a
 * zero box and centroid.
 */
export function summarizeInstances(scene: PointScene): InstanceInfo[] {
  const k = scene.instances.length;
  const slotOf = slotLookup(scene);
  const count = new Float64Array(k);
  const sum = new Float64Array(k * 3);
  const min = new Float64Array(k * 3).fill(Infinity);
  const max = new Float64Array(k * 3).fill(-Infinity);
  const { positions, instanceIds } = scene;
  for (let i = 0; i < instanceIds.length; i++) {
    const s = slotOf(instanceIds[i]!);
    if (s < 0) continue;
    count[s]!++;
    for (let a = 0; a < 3; a++) {
      const v = positions[i * 3 + a]!;
      sum[s * 3 + a]! += v;
      if (v < min[s * 3 + a]!) min[s * 3 + a] = v;
      if (v > max[s * 3 + a]!) max[s * 3 + a] = v;
    }
  }
  return scene.instances.map((inst, s) => {
    const n = count[s]!;
    const vec = (arr: Float64Array, f: (v: number) => number): Vec3 => [f(arr[s * 3]!), f(arr[s * 3 + 1]!), f(arr[s * 3 + 2]!)];
    if (n === 0) return { id: inst.id, label: inst.label, pointCount: 0, bbox: { min: [0, 0, 0], max: [0, 0, 0] }, centroid: [0, 0, 0] };
    return { id: inst.id, label: inst.label, pointCount: n, bbox: { min: vec(min, (v) => v), max: vec(max, (v) => v) }, centroid: vec(sum, (v) => v / n) };
  });
}

/** Axis-aligned bounds of all points; a zero box for an empty scene. */
export function sceneBounds(scene: PointScene): { min: Vec3; max: Vec3 } {
  const p = scene.positions;
  const n = Math.floor(p.length / 3);
  if (n === 0) return { min: [0, 0, 0], max: [0, 0, 0] };
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < 3; a++) {
      const v = p[i * 3 + a]!;
      if (v < min[a]!) min[a] = v;
      if (v > max[a]!) max[a] = v;
    }
  }
  return { min, max };
}

/** Indices of the points that carry instance `id`, ascending. */
export function instancePointIndices(scene: PointScene, id: number): Uint32Array {
  const ids = scene.instanceIds;
  let n = 0;
  for (let i = 0; i < ids.length; i++) if (ids[i] === id) n++;
  const out = new Uint32Array(n);
  for (let i = 0, k = 0; i < ids.length; i++) if (ids[i] === id) out[k++] = i;
  return out;
}

/** Point indices of every instance id present in the scene, grouped in two passes (counting sort). */
export function groupPointsByInstance(scene: PointScene): Map<number, Uint32Array> {
  const ids = scene.instanceIds;
  const counts = new Map<number, number>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const groups = new Map<number, Uint32Array>();
  const fill = new Map<number, number>();
  for (const [id, n] of counts) {
    groups.set(id, new Uint32Array(n));
    fill.set(id, 0);
  }
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const k = fill.get(id)!;
    groups.get(id)![k] = i;
    fill.set(id, k + 1);
  }
  return groups;
}
