// Workbench questions about clicked or named objects: distances (closest points and centres, with
// the points to draw), support/contact relations and directions from a viewpoint. Every answer
// carries the numbers that decided it and its margin to the nearest decision boundary.
import { isAbove, isBelow, isBetween, isFar, isInside, isNear, isNextTo, isOn, isUnder, type RelationVerdict, type SpatialRelation } from '../../geometry/relations';
import { angleFrom, viewSide, type ViewSide } from '../../geometry/view-angle';
import type { Vec3 } from '../../scene/types';
import type { ClosestPoints, QaObject, QaScene } from './objects';

export interface Margin {
  value: number;
  unit: 'm' | 'm2' | 'ratio' | 'deg';
  /** What the margin is measured to: a criterion of the rule, or the rounding of the answer. */
  boundary: string;
}

/** Distances are reported to the centimetre. */
export const DISTANCE_DECIMALS = 2;

export interface DistanceQuestion {
  kind: 'distance';
  question: string;
  /** Closest-point distance in metres, to DISTANCE_DECIMALS. */
  answer: number;
  unit: 'm';
  objects: [number, number];
  evidence: ClosestPoints & { centreDistance: number };
  margin: Margin;
}

export type ViewSpec = { kind: 'objects'; standBy: QaObject; facing: QaObject } | { kind: 'camera'; position: Vec3; forward: Vec3 };

export interface RelationQuestion {
  kind: 'relation';
  relation: SpatialRelation | ViewSide;
  question: string;
  answer: 'yes' | 'no';
  objects: number[];
  evidence: RelationVerdict | { theta: number; bin: readonly [number, number]; observer: Vec3; reference: Vec3; target: Vec3 };
  margin: Margin;
}

export type Direction4 = 'front' | 'left' | 'behind' | 'right';
/** Four 90° sectors centred on the facing direction; front wraps through 0. */
export const DIRECTION4_BINS: Record<Direction4, readonly [number, number]> = { front: [315, 45], left: [45, 135], behind: [135, 225], right: [225, 315] };

export interface DirectionQuestion {
  kind: 'direction';
  question: string;
  answer: Direction4;
  objects: number[];
  evidence: { theta: number; observer: Vec3; reference: Vec3; target: Vec3 };
  margin: Margin;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const dist = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

export function distanceQuestion(scene: QaScene, a: QaObject, b: QaObject): DistanceQuestion {
  const closest = scene.closest(a, b);
  const step = 10 ** -DISTANCE_DECIMALS;
  const answer = round(closest.distance, DISTANCE_DECIMALS);
  return {
    kind: 'distance',
    question: `How far is the ${a.category} from the ${b.category}?`,
    answer,
    unit: 'm',
    objects: [a.id, b.id],
    evidence: { ...closest, centreDistance: dist(a.centroid, b.centroid) },
    margin: { value: step / 2 - Math.abs(closest.distance - answer), unit: 'm', boundary: `rounding to ${step} m` },
  };
}

const RELATION_TEXT: Record<SpatialRelation, string> = {
  on: 'on',
  above: 'above',
  below: 'below',
  under: 'under',
  next_to: 'next to',
  near: 'near',
  far: 'far from',
  inside: 'inside',
  between: 'between',
};

const marginOf = (v: RelationVerdict): Margin => ({ value: v.deciding.margin, unit: v.deciding.unit, boundary: `${v.deciding.name} ${v.deciding.op} ${v.deciding.threshold}` });

/** a RELATION b (for between: a between b and c). */
export function relationQuestion(scene: QaScene, relation: SpatialRelation, a: QaObject, b: QaObject, c?: QaObject): RelationQuestion {
  const ra = { box: a.box, centroid: a.centroid };
  const rb = { box: b.box, centroid: b.centroid };
  const needsDistance = relation === 'next_to' || relation === 'near' || relation === 'far';
  const d = needsDistance ? scene.closest(a, b).distance : undefined;
  let verdict: RelationVerdict;
  switch (relation) {
    case 'on':
      verdict = isOn(ra, rb);
      break;
    case 'above':
      verdict = isAbove(ra, rb);
      break;
    case 'below':
      verdict = isBelow(ra, rb);
      break;
    case 'under':
      verdict = isUnder(ra, rb);
      break;
    case 'next_to':
      verdict = isNextTo(ra, rb, d);
      break;
    case 'near':
      verdict = isNear(ra, rb, scene.roomArea, d);
      break;
    case 'far':
      verdict = isFar(ra, rb, scene.roomArea, d);
      break;
    case 'inside':
      verdict = isInside(ra, rb);
      break;
    case 'between':
      if (!c) throw new RangeError('between needs a third object');
      verdict = isBetween(ra, rb, { box: c.box, centroid: c.centroid });
      break;
  }
  const question = relation === 'between' ? `Is the ${a.category} between the ${b.category} and the ${c!.category}?` : `Is the ${a.category} ${RELATION_TEXT[relation]} the ${b.category}?`;
  return { kind: 'relation', relation, question, answer: verdict.holds ? 'yes' : 'no', objects: relation === 'between' ? [a.id, b.id, c!.id] : [a.id, b.id], evidence: verdict, margin: marginOf(verdict) };
}

function observer(view: ViewSpec): { position: Vec3; facing: Vec3; text: string; ids: number[] } {
  if (view.kind === 'camera') {
    const f = view.forward;
    return { position: view.position, facing: [view.position[0] + f[0], view.position[1] + f[1], view.position[2] + f[2]], text: 'From the current view', ids: [] };
  }
  return { position: view.standBy.centroid, facing: view.facing.centroid, text: `If I am standing by the ${view.standBy.category} and facing the ${view.facing.category}`, ids: [view.standBy.id, view.facing.id] };
}

/**
 * Is `target` to the SIDE, seen from the viewpoint? Measured from the facing direction ("to my
 * left"), or from the direction to `reference` when given ("to the left of the bed").
 */
export function sideQuestion(side: ViewSide, target: QaObject, view: ViewSpec, reference?: QaObject): RelationQuestion | null {
  const o = observer(view);
  const ref = reference ? reference.centroid : o.facing;
  const theta = angleFrom(o.position, ref, target.centroid);
  if (theta === null) return null;
  const v = viewSide(side, theta);
  const what = side === 'front' ? 'in front of' : side === 'behind' ? 'behind' : `to the ${side} of`;
  const question = reference ? `${o.text}, is the ${target.category} ${what} the ${reference.category}?` : `${o.text}, is the ${target.category} ${side === 'front' ? 'in front of me' : side === 'behind' ? 'behind me' : `to my ${side}`}?`;
  return {
    kind: 'relation',
    relation: side,
    question,
    answer: v.holds ? 'yes' : 'no',
    objects: [target.id, ...(reference ? [reference.id] : []), ...o.ids],
    evidence: { theta, bin: v.bin, observer: o.position, reference: ref, target: target.centroid },
    margin: { value: v.margin, unit: 'deg', boundary: `edge of the ${side} bin [${v.bin[0]}°, ${v.bin[1]}°)` },
  };
}

/** Which of four 90° sectors the target is in, from the viewpoint. */
export function directionQuestion(target: QaObject, view: ViewSpec): DirectionQuestion | null {
  const o = observer(view);
  const theta = angleFrom(o.position, o.facing, target.centroid);
  if (theta === null) return null;
  const answer = (Object.keys(DIRECTION4_BINS) as Direction4[]).find((d) => viewSideIn(DIRECTION4_BINS[d], theta))!;
  const edge = Math.min(...[45, 135, 225, 315].map((e) => Math.abs(theta - e)), 360 - theta + 45);
  return {
    kind: 'direction',
    question: `${o.text}, is the ${target.category} in front of me, to my left, behind me, or to my right?`,
    answer,
    objects: [target.id, ...o.ids],
    evidence: { theta, observer: o.position, reference: o.facing, target: target.centroid },
    margin: { value: edge, unit: 'deg', boundary: 'nearest sector edge (45°, 135°, 225°, 315°)' },
  };
}

const viewSideIn = ([lo, hi]: readonly [number, number], t: number) => (lo < hi ? t >= lo && t < hi : t >= lo || t < hi);
