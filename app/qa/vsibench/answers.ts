// The answer of each VSI-Bench question type computed from a box-only scene, with the numbers that
// decided it. Shared by the generator (which then applies the asking rules) and the audit.
import { obbCorners } from '../../geometry/obb';
import { obbDistance } from '../../geometry/obb-distance';
import type { Vec3 } from '../../scene/types';
import { directionAngle, directionBin, directionMargin } from './direction';
import type { SizeDimension } from '../workbench/object-size';
import type { BoxScene } from './meta';
import { DIRECTION_LABELS, type DirectionLevel } from './questions';

export interface CategoryDistance {
  /** Exact closest-point distance, minimum over all instance pairs of the two categories. */
  distance: number;
  pointA: Vec3;
  pointB: Vec3;
  instanceA: number;
  instanceB: number;
}

export interface OptionDistance extends CategoryDistance {
  category: string;
}

export type Evidence =
  | { kind: 'count'; count: number }
  | { kind: 'size'; sides: Vec3; longest: number }
  | { kind: 'room'; area: number }
  /** MultiSPA size: the axis-aligned box's extents and the dimension asked (height = dz, length = max(dx, dy), width = min(dx, dy)). */
  | { kind: 'axis_size'; dimension: SizeDimension; dx: number; dy: number; dz: number; metres: number }
  | ({ kind: 'distance' } & CategoryDistance)
  | {
      kind: 'rel_distance';
      /** One per option, in option order. */
      options: OptionDistance[];
      /** Second-smallest minus smallest option distance: how clearly the answer wins. */
      gap: number;
      /** Smallest difference between any two option distances (the ambiguity rule's input). */
      minPairGap: number;
    }
  | {
      kind: 'direction';
      level: DirectionLevel;
      theta: number;
      bin: string;
      /** Degrees to the nearest bin edge. */
      margin: number;
      /** Corners of the query box whose θ falls in another bin than its centroid's. */
      cornersOff: number;
    };

export type EvidenceOf<K extends Evidence['kind']> = Extract<Evidence, { kind: K }>;

export interface Answer<E extends Evidence = Evidence> {
  /** Numbers as VSI-Bench rounds them; option texts for multiple choice. */
  value: number | string;
  evidence: E;
}

/** Rounds half up to one decimal, the precision of VSI-Bench distances and areas. */
export const round1 = (x: number) => Math.round(x * 10) / 10;

const distanceCache = new WeakMap<BoxScene, Map<string, CategoryDistance>>();

export function categoryDistance(scene: BoxScene, a: string, b: string): CategoryDistance {
  let cache = distanceCache.get(scene);
  if (!cache) distanceCache.set(scene, (cache = new Map()));
  const key = `${a}\u0000${b}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let best: CategoryDistance | null = null;
  for (const oa of instancesOf(scene, a))
    for (const ob of instancesOf(scene, b)) {
      const d = scene.measure ? scene.measure(oa, ob) : obbDistance(oa.box, ob.box);
      if (!best || d.distance < best.distance) best = { distance: d.distance, pointA: d.pointA, pointB: d.pointB, instanceA: oa.instance, instanceB: ob.instance };
    }
  cache.set(key, best!);
  return best!;
}

export function instancesOf(scene: BoxScene, category: string) {
  const list = scene.instances[category];
  if (!list) throw new RangeError(`scene ${scene.id} has no ${category}`);
  return list;
}

export const countAnswer = (scene: BoxScene, category: string): Answer<EvidenceOf<'count'>> => {
  const count = instancesOf(scene, category).length;
  return { value: count, evidence: { kind: 'count', count } };
};

/** The longest side of the category's only instance, in whole centimetres. */
export const sizeAnswer = (scene: BoxScene, category: string): Answer<EvidenceOf<'size'>> => {
  const sides = instancesOf(scene, category)[0]!.box.size;
  const longest = Math.max(...sides);
  return { value: Math.round(100 * longest), evidence: { kind: 'size', sides, longest } };
};

/** MultiSPA: one dimension of the category's only instance from its axis-aligned box, in whole millimetres. */
export const axisSizeAnswer = (scene: BoxScene, category: string, dimension: SizeDimension): Answer<EvidenceOf<'axis_size'>> => {
  const { min, max } = instancesOf(scene, category)[0]!;
  const [dx, dy, dz] = [0, 1, 2].map((k) => max[k]! - min[k]!) as [number, number, number];
  const metres = dimension === 'height' ? dz : dimension === 'length' ? Math.max(dx, dy) : Math.min(dx, dy);
  return { value: Math.round(1000 * metres), evidence: { kind: 'axis_size', dimension, dx, dy, dz, metres } };
};
export const roomSizeAnswer = (scene: BoxScene): Answer<EvidenceOf<'room'>> => ({ value: round1(scene.roomSize), evidence: { kind: 'room', area: scene.roomSize } });

export const absDistanceAnswer = (scene: BoxScene, a: string, b: string): Answer<EvidenceOf<'distance'>> => {
  const d = categoryDistance(scene, a, b);
  return { value: round1(d.distance), evidence: { kind: 'distance', ...d } };
};

/** The option closest to the primary category; each option's distance is the minimum over its instances. */
export const relDistanceAnswer = (scene: BoxScene, primary: string, options: readonly string[]): Answer<EvidenceOf<'rel_distance'>> => {
  const measured = options.map((category) => {
    const d = categoryDistance(scene, category, primary);
    return { category, ...d };
  });
  const sorted = measured.map((m) => m.distance).sort((x, y) => x - y);
  let minPairGap = Infinity;
  for (let i = 1; i < sorted.length; i++) minPairGap = Math.min(minPairGap, sorted[i]! - sorted[i - 1]!);
  const best = measured.reduce((b, m) => (m.distance < b.distance ? m : b));
  return { value: best.category, evidence: { kind: 'rel_distance', options: measured, gap: sorted[1]! - sorted[0]!, minPairGap } };
};

/** null when the direction is undefined (ori or qry straight above/below pos in xy). */
export const relDirectionAnswer = (scene: BoxScene, level: DirectionLevel, pos: string, ori: string, qry: string): Answer<EvidenceOf<'direction'>> | null => {
  const p = instancesOf(scene, pos)[0]!.box.center;
  const o = instancesOf(scene, ori)[0]!.box.center;
  const q = instancesOf(scene, qry)[0]!.box;
  const theta = directionAngle(p, o, q.center);
  if (theta === null) return null;
  const bin = directionBin(level, theta);
  let cornersOff = 0;
  for (const corner of obbCorners(q)) {
    const t = directionAngle(p, o, corner);
    if (t === null || directionBin(level, t) !== bin) cornersOff++;
  }
  const label = DIRECTION_LABELS[level][bin]!;
  return { value: label, evidence: { kind: 'direction', level, theta, bin: label, margin: directionMargin(level, theta), cornersOff } };
};
