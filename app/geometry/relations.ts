// Support and contact relations between two objects, each given as an oriented box (and, when
// known, its exact closest-point distance to the other). Every verdict carries the measured
// numbers, the thresholds and how far each is from flipping (docs spec/spatial-qa.md, "Relations").
import type { Vec3 } from '../scene/types';
import { footprintOverlap, zRange } from './footprint';
import { obbLocal, obbPoint, type Obb } from './obb';
import { obbDistance } from './obb-distance';

export type SpatialRelation = 'on' | 'above' | 'below' | 'under' | 'next_to' | 'near' | 'far' | 'inside' | 'between';

export interface RelationObject {
  box: Obb;
  /** Point centroid when known; the box centre otherwise. */
  centroid?: Vec3;
}

export interface Criterion {
  name: string;
  value: number;
  op: '<' | '>' | '>=';
  threshold: number;
  unit: 'm' | 'm2' | 'ratio';
  pass: boolean;
  /** |value − threshold| in `unit`. */
  margin: number;
}

export interface RelationVerdict {
  relation: SpatialRelation;
  holds: boolean;
  criteria: Criterion[];
  /**
   * The criterion nearest its threshold relative to the threshold's size: when the relation holds,
   * the first to fail under a small change; when it fails, the failing criterion furthest from passing.
   */
  deciding: Criterion;
}

/** on: the gap between the upper bottom and the lower top is under this (either sign: scans interpenetrate). */
export const ON_MAX_GAP = 0.03;
/** on / under: the footprints share more than this of the smaller one. */
export const SUPPORT_MIN_OVERLAP = 0.3;
export const NEXT_TO_MAX_DISTANCE = 0.5;
/** near / far: closest distance against sqrt(room floor area). */
export const NEAR_MAX_FRACTION = 0.25;
export const FAR_MIN_FRACTION = 0.5;
export const INSIDE_MIN_SHARE = 0.9;
export const BETWEEN_CORRIDOR = 0.5;
/** Samples per box axis for the inside share (a k³ midpoint grid over the inner box). */
export const INSIDE_SAMPLES_PER_AXIS = 12;

function criterion(name: string, value: number, op: Criterion['op'], threshold: number, unit: Criterion['unit']): Criterion {
  const pass = op === '<' ? value < threshold : op === '>' ? value > threshold : value >= threshold;
  return { name, value, op, threshold, unit, pass, margin: Math.abs(value - threshold) };
}

const relative = (c: Criterion) => c.margin / (Math.abs(c.threshold) || 1);

function verdict(relation: SpatialRelation, criteria: Criterion[]): RelationVerdict {
  const holds = criteria.every((c) => c.pass);
  const pool = holds ? criteria : criteria.filter((c) => !c.pass);
  const deciding = pool.reduce((best, c) => (holds ? relative(c) < relative(best) : relative(c) > relative(best)) ? c : best);
  return { relation, holds, criteria, deciding };
}

/** Bottom of a minus top of b: positive when a floats above b. */
export function verticalGap(a: Obb, b: Obb): number {
  return zRange(a)[0] - zRange(b)[1];
}

/** a rests on b. */
export function isOn(a: RelationObject, b: RelationObject): RelationVerdict {
  const gap = verticalGap(a.box, b.box);
  const overlap = footprintOverlap(a.box, b.box);
  return verdict('on', [criterion('|vertical gap|', Math.abs(gap), '<', ON_MAX_GAP, 'm'), criterion('xy overlap / smaller footprint', overlap.ratio, '>', SUPPORT_MIN_OVERLAP, 'ratio')]);
}

/** a is above b: a clear vertical gap and footprints that overlap. */
export function isAbove(a: RelationObject, b: RelationObject): RelationVerdict {
  return verdict('above', [criterion('vertical gap', verticalGap(a.box, b.box), '>', 0, 'm'), criterion('xy overlap', footprintOverlap(a.box, b.box).area, '>', 0, 'm2')]);
}

export function isBelow(a: RelationObject, b: RelationObject): RelationVerdict {
  return { ...isAbove(b, a), relation: 'below' };
}

/**
 * a is under b: a's top is lower than b's top and b covers a's footprint as "on" requires. Unlike
 * below, the boxes may interpenetrate: a chair pushed under a table shares the table's box.
 */
export function isUnder(a: RelationObject, b: RelationObject): RelationVerdict {
  const topGap = zRange(b.box)[1] - zRange(a.box)[1];
  return verdict('under', [criterion('top of b − top of a', topGap, '>', 0, 'm'), criterion('xy overlap / smaller footprint', footprintOverlap(a.box, b.box).ratio, '>', SUPPORT_MIN_OVERLAP, 'ratio')]);
}

/** Closest-point distance of the pair: the caller's exact point-set value, else box to box. */
const closest = (a: RelationObject, b: RelationObject, known?: number) => known ?? obbDistance(a.box, b.box).distance;

export function isNextTo(a: RelationObject, b: RelationObject, closestDistance?: number): RelationVerdict {
  return verdict('next_to', [criterion('closest distance', closest(a, b, closestDistance), '<', NEXT_TO_MAX_DISTANCE, 'm')]);
}

/** Room scale is sqrt(floor area): 4.5 m for a 20 m² room, so near < 1.1 m and far > 2.2 m there. */
export function isNear(a: RelationObject, b: RelationObject, roomArea: number, closestDistance?: number): RelationVerdict {
  return verdict('near', [criterion('closest distance', closest(a, b, closestDistance), '<', NEAR_MAX_FRACTION * Math.sqrt(roomArea), 'm')]);
}

export function isFar(a: RelationObject, b: RelationObject, roomArea: number, closestDistance?: number): RelationVerdict {
  return verdict('far', [criterion('closest distance', closest(a, b, closestDistance), '>', FAR_MIN_FRACTION * Math.sqrt(roomArea), 'm')]);
}

/** Share of a's box volume inside b's box, on a fixed midpoint grid (deterministic). */
export function containedShare(a: Obb, b: Obb, perAxis = INSIDE_SAMPLES_PER_AXIS): number {
  let inside = 0;
  const k = perAxis;
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++)
      for (let l = 0; l < k; l++) {
        const u: Vec3 = [((i + 0.5) / k - 0.5) * a.size[0], ((j + 0.5) / k - 0.5) * a.size[1], ((l + 0.5) / k - 0.5) * a.size[2]];
        const local = obbLocal(b, obbPoint(a, u));
        if (local.every((x, m) => Math.abs(x) <= b.size[m]! / 2 + 1e-12)) inside++;
      }
  return inside / (k * k * k);
}

export function isInside(a: RelationObject, b: RelationObject): RelationVerdict {
  return verdict('inside', [criterion('share of a inside b', containedShare(a.box, b.box), '>=', INSIDE_MIN_SHARE, 'ratio')]);
}

/**
 * c is between a and b: in xy, c's centroid projects inside the segment between a's and b's
 * centroids and lies within the corridor's half-width of it.
 */
export function isBetween(c: RelationObject, a: RelationObject, b: RelationObject): RelationVerdict {
  const pa = a.centroid ?? a.box.center;
  const pb = b.centroid ?? b.box.center;
  const pc = c.centroid ?? c.box.center;
  const dx = pb[0] - pa[0];
  const dy = pb[1] - pa[1];
  const len = Math.hypot(dx, dy);
  const t = len > 0 ? ((pc[0] - pa[0]) * dx + (pc[1] - pa[1]) * dy) / (len * len) : 0;
  const off = len > 0 ? Math.abs((pc[0] - pa[0]) * dy - (pc[1] - pa[1]) * dx) / len : Math.hypot(pc[0] - pa[0], pc[1] - pa[1]);
  // Distance along the segment to its nearer end (negative outside the segment).
  const along = len > 0 ? Math.min(t, 1 - t) * len : -Infinity;
  return verdict('between', [criterion('distance inside the segment from its nearer end', along, '>', 0, 'm'), criterion('distance from the a–b line', off, '<', BETWEEN_CORRIDOR, 'm')]);
}
