// Instances without a model: the fallback when no segmentation model is installed. Structure first
// (the floor: flat superpoints at floor height; walls: vertical planes with almost nothing behind
// them), then every connected group of what remains is one object. Objects that touch (a lamp on a
// nightstand) stay one instance: telling them apart is what the model is for.
import { featureColumn, FEATURE_COUNT, type SuperpointFeatures } from './features';

export type GeometricLabel = 'floor' | 'wall' | 'object';

export interface GeometricInstance {
  label: GeometricLabel;
  /** Superpoint ids, ascending. */
  superpoints: number[];
  pointCount: number;
  /** 0..1: how sure the rule that made it is (used to rank instances, as AP does). */
  confidence: number;
}

export interface GeometricSegmentation {
  instances: GeometricInstance[];
  /** Per superpoint: index into `instances`, or -1 (too small to be an object). */
  instanceOf: Int32Array;
  /** Per superpoint: 1 floor, 2 wall, 0 neither. */
  structure: Uint8Array;
}

export interface GeometricOptions {
  /** Floor superpoints lie within this of the floor height (metres). */
  floorTolerance?: number;
  /** Walls: at most this fraction of the scene's points may lie more than `wallDepth` behind the plane. */
  wallBehindFraction?: number;
  wallDepth?: number;
  /** A wall superpoint spans at least this much (metres), horizontally or vertically. */
  wallMinExtent?: number;
  /** Objects with fewer points are dropped as clutter. */
  objectMinPoints?: number;
}

export const GEOMETRIC_DEFAULTS: Required<GeometricOptions> = {
  floorTolerance: 0.06,
  wallBehindFraction: 0.01,
  wallDepth: 0.1,
  wallMinExtent: 0.5,
  objectMinPoints: 60,
};

export const FLOOR = 1;
export const WALL = 2;

const col = {
  cx: featureColumn('centroid_x'),
  ex: featureColumn('extent_x'),
  vert: featureColumn('verticality'),
  height: featureColumn('height'),
  zMax: featureColumn('z_max'),
  zMin: featureColumn('z_min'),
  nx: featureColumn('normal_x'),
};

export interface GeometricInput {
  positions: Float32Array;
  features: SuperpointFeatures;
}

export function geometricInstances(input: GeometricInput, options: GeometricOptions = {}): GeometricSegmentation {
  const o = { ...GEOMETRIC_DEFAULTS, ...options };
  const { features: f, positions } = input;
  const S = f.count;
  const F = FEATURE_COUNT;
  const row = (s: number, c: number) => f.features[s * F + c]!;
  const structure = new Uint8Array(S);

  for (let s = 0; s < S; s++) {
    if (f.pointCounts[s] === 0) continue;
    // By the centroid, not the top: a floor superpoint often climbs a little way up furniture legs.
    if (row(s, col.vert) < 0.2 && Math.abs(row(s, col.height)) < o.floorTolerance) structure[s] = FLOOR;
  }

  // Walls: a vertical superpoint whose plane has (almost) the whole scene in front of it.
  const sample = samplePoints(positions, 20_000);
  const wallPlanes: { n: [number, number]; d: number; superpoints: number[]; points: number }[] = [];
  for (let s = 0; s < S; s++) {
    if (structure[s] || f.pointCounts[s] === 0 || row(s, col.vert) < 0.85) continue;
    const span = Math.max(Math.hypot(row(s, col.ex), row(s, col.ex + 1)), row(s, col.ex + 2));
    if (span < o.wallMinExtent) continue;
    const len = Math.hypot(row(s, col.nx), row(s, col.nx + 1));
    if (len < 0.5) continue;
    const n: [number, number] = [row(s, col.nx) / len, row(s, col.nx + 1) / len];
    const d = n[0] * row(s, col.cx) + n[1] * row(s, col.cx + 1);
    let behind = 0;
    for (let i = 0; i < sample.length; i += 3) if (n[0] * sample[i]! + n[1] * sample[i + 1]! < d - o.wallDepth) behind++;
    if (behind > o.wallBehindFraction * (sample.length / 3)) continue;
    structure[s] = WALL;
    // One instance per plane: join a plane with the same facing and offset.
    const plane = wallPlanes.find((p) => p.n[0] * n[0] + p.n[1] * n[1] > 0.95 && Math.abs(p.d - d) < 2 * o.wallDepth);
    if (plane) {
      plane.superpoints.push(s);
      plane.points += f.pointCounts[s]!;
    } else wallPlanes.push({ n, d, superpoints: [s], points: f.pointCounts[s]! });
  }

  // Small vertical pieces between furniture lie on a wall plane found above: they are wall too.
  for (let s = 0; s < S; s++) {
    if (structure[s] || f.pointCounts[s] === 0 || row(s, col.vert) < 0.85) continue;
    const len = Math.hypot(row(s, col.nx), row(s, col.nx + 1));
    if (len < 0.5) continue;
    const n = [row(s, col.nx) / len, row(s, col.nx + 1) / len];
    const d = n[0]! * row(s, col.cx) + n[1]! * row(s, col.cx + 1);
    const plane = wallPlanes.find((p) => p.n[0] * n[0]! + p.n[1] * n[1]! > 0.95 && Math.abs(p.d - d) < o.wallDepth / 2);
    if (!plane) continue;
    structure[s] = WALL;
    plane.superpoints.push(s);
    plane.points += f.pointCounts[s]!;
  }

  const instances: GeometricInstance[] = [];
  const floor = [...structure.keys()].filter((s) => structure[s] === FLOOR);
  if (floor.length) instances.push({ label: 'floor', superpoints: floor, pointCount: sumCounts(f, floor), confidence: 0.95 });
  for (const p of wallPlanes) instances.push({ label: 'wall', superpoints: p.superpoints.sort((a, b) => a - b), pointCount: p.points, confidence: 0.9 });

  // Objects: connected components of the rest, larger (better-sampled) ones ranked first.
  const component = objectComponents(f, structure);
  const groups = new Map<number, number[]>();
  for (let s = 0; s < S; s++) if (component[s]! >= 0) groups.set(component[s]!, [...(groups.get(component[s]!) ?? []), s]);
  for (const superpoints of groups.values()) {
    const pointCount = sumCounts(f, superpoints);
    if (pointCount < o.objectMinPoints) continue;
    instances.push({ label: 'object', superpoints, pointCount, confidence: objectConfidence(pointCount) });
  }
  const instanceOf = new Int32Array(S).fill(-1);
  instances.forEach((inst, i) => {
    for (const s of inst.superpoints) instanceOf[s] = i;
  });
  return { instances, instanceOf, structure };
}

/** 0.3 for a clutter-sized group rising to 0.85 for large ones: a log scale of the point count. */
function objectConfidence(points: number): number {
  return Math.min(0.85, 0.3 + 0.15 * Math.max(0, Math.log10(points) - 1.5));
}

/** Component id per superpoint over the adjacency, structure excluded (-1 there). Ids are the smallest member. */
export function objectComponents(f: SuperpointFeatures, structure: Uint8Array): Int32Array {
  const S = f.count;
  const { offsets, ids } = f.neighbours;
  const comp = new Int32Array(S).fill(-1);
  const stack: number[] = [];
  for (let s = 0; s < S; s++) {
    if (comp[s]! >= 0 || structure[s] || f.pointCounts[s] === 0) continue;
    comp[s] = s;
    stack.push(s);
    while (stack.length) {
      const a = stack.pop()!;
      for (let e = offsets[a]!; e < offsets[a + 1]!; e++) {
        const b = ids[e]!;
        if (comp[b]! < 0 && !structure[b] && f.pointCounts[b]! > 0) {
          comp[b] = s;
          stack.push(b);
        }
      }
    }
  }
  return comp;
}

/**
 * Click-to-object: the superpoints of the object under the clicked superpoints. A click on an object
 * gives the connected group of non-structural superpoints containing it; a click on the floor or a
 * wall gives that structural instance. Returns superpoint ids, ascending.
 */
export function promptMask(features: SuperpointFeatures, segmentation: GeometricSegmentation, clicked: readonly number[]): number[] {
  const comp = objectComponents(features, segmentation.structure);
  const out = new Set<number>();
  for (const c of clicked) {
    if (!(c >= 0 && c < features.count)) throw new RangeError(`promptMask: superpoint ${c} is not in 0..${features.count - 1}`);
    if (segmentation.structure[c]) {
      const inst = segmentation.instances[segmentation.instanceOf[c]!];
      for (const s of inst?.superpoints ?? [c]) out.add(s);
      continue;
    }
    for (let s = 0; s < features.count; s++) if (comp[s] === comp[c]) out.add(s);
  }
  return [...out].sort((a, b) => a - b);
}

function sumCounts(f: SuperpointFeatures, superpoints: readonly number[]): number {
  let n = 0;
  for (const s of superpoints) n += f.pointCounts[s]!;
  return n;
}

/** About `max` points, every k-th, so the wall test costs the same on any scene size. */
function samplePoints(positions: Float32Array, max: number): Float32Array {
  const n = positions.length / 3;
  const step = Math.max(1, Math.ceil(n / max));
  const out = new Float32Array(Math.ceil(n / step) * 3);
  for (let i = 0, j = 0; i < n; i += step, j++) out.set(positions.subarray(3 * i, 3 * i + 3), 3 * j);
  return out;
}

/** Instance index per point (-1 for none), from each point's superpoint. */
export function pointInstances(segmentation: GeometricSegmentation, superpointIds: Int32Array): Int32Array {
  return superpointIds.map((s) => segmentation.instanceOf[s]!);
}
