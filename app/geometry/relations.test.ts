import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../scene/types';
import { clipConvex, footprintOverlap, obbFootprint, zRange } from './footprint';
import { polygonArea } from './hull2d';
import type { Obb } from './obb';
import { containedShare, isAbove, isBelow, isBetween, isFar, isInside, isNear, isNextTo, isOn, isUnder, verticalGap, type RelationObject } from './relations';

const I: Obb['axes'] = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
];
const S = Math.SQRT1_2;
const obj = (center: Vec3, size: Vec3, axes = I): RelationObject => ({ box: { center, size, axes } });
/** A box standing on z = base with its bottom there. */
const standing = (x: number, y: number, base: number, size: Vec3): RelationObject => obj([x, y, base + size[2] / 2], size);

describe('footprints', () => {
  it('projects a yawed box to its rotated rectangle and a tilted one to a hexagon-free hull', () => {
    const yawed = obbFootprint({ center: [0, 0, 0], size: [2, 1, 1], axes: [[S, S, 0], [-S, S, 0], [0, 0, 1]] });
    expect(polygonArea(yawed)).toBeCloseTo(2, 12);
    expect(zRange({ center: [0, 0, 1], size: [2, 1, 1], axes: [[S, 0, S], [0, 1, 0], [-S, 0, S]] })).toEqual([expect.closeTo(1 - 1.5 * S, 12), expect.closeTo(1 + 1.5 * S, 12)]);
  });

  it('clips convex polygons and measures the overlap against the smaller footprint', () => {
    const sq = (x: number, y: number, s: number): Array<[number, number]> => [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
    ];
    expect(polygonArea(clipConvex(sq(0, 0, 2), sq(1, 1, 2)))).toBeCloseTo(1, 12);
    expect(clipConvex(sq(0, 0, 1), sq(5, 5, 1))).toEqual([]);
    const o = footprintOverlap(obj([0, 0, 0], [4, 4, 1]).box, obj([1.5, 0, 0], [2, 2, 1]).box);
    expect(o).toEqual({ area: expect.closeTo(3, 12), areaA: 16, areaB: 4, ratio: expect.closeTo(0.75, 12) });
  });
});

describe('on / above / below / under', () => {
  const table = standing(0, 0, 0, [1.2, 0.8, 0.75]);

  it('on: vertical gap under 3 cm either way and more than 30% of the smaller footprint shared', () => {
    const lamp = standing(0.2, 0, 0.76, [0.2, 0.2, 0.4]);
    const v = isOn(lamp, table);
    expect(v.holds).toBe(true);
    expect(v.criteria[0]).toMatchObject({ value: expect.closeTo(0.01, 9), threshold: 0.03, pass: true, margin: expect.closeTo(0.02, 9) });
    expect(isOn(standing(0.2, 0, 0.73, [0.2, 0.2, 0.4]), table).holds).toBe(true); // sunk 2 cm into the scan of the top
    const floating = isOn(standing(0.2, 0, 0.79, [0.2, 0.2, 0.4]), table);
    expect(floating.holds).toBe(false);
    expect(floating.deciding.name).toBe('|vertical gap|');
    // Hanging over the edge: 0.05 of 0.2 m width on the table → 25% shared, not supported.
    const edge = isOn(standing(0.6 + 0.05, 0, 0.76, [0.2, 0.2, 0.4]), table);
    expect(edge.criteria[1]!.value).toBeCloseTo(0.25, 9);
    expect(edge.holds).toBe(false);
    expect(isOn(standing(0.6 + 0.03, 0, 0.76, [0.2, 0.2, 0.4]), table).holds).toBe(true); // 0.07 of 0.2 m: 35%
  });

  it('above needs a positive gap and any footprint overlap; below is its converse', () => {
    const shelf = standing(0, 0, 1.5, [1, 0.3, 0.05]);
    expect(verticalGap(shelf.box, table.box)).toBeCloseTo(0.75, 12);
    expect(isAbove(shelf, table).holds).toBe(true);
    expect(isBelow(table, shelf)).toMatchObject({ relation: 'below', holds: true });
    expect(isAbove(standing(3, 0, 1.5, [1, 0.3, 0.05]), table).holds).toBe(false); // no overlap
    const touching = isAbove(standing(0, 0, 0.75, [1, 0.3, 0.05]), table);
    expect(touching.holds).toBe(false); // gap exactly 0 is not > 0
    expect(touching.deciding.name).toBe('vertical gap');
  });

  it('under: lower top and covered footprint, even with interpenetrating boxes', () => {
    const chair = standing(0.3, 0.2, 0, [0.45, 0.45, 0.9]);
    const tucked = standing(0.3, 0.2, 0, [0.45, 0.45, 0.5]);
    expect(isUnder(tucked, table).holds).toBe(true);
    expect(isUnder(chair, table).holds).toBe(false); // back rises above the table top
    expect(isUnder(standing(2, 0, 0, [0.45, 0.45, 0.5]), table).holds).toBe(false);
  });
});

describe('next to / near / far', () => {
  const a = standing(0, 0, 0, [1, 1, 1]);
  it('next to: closest distance under 0.5 m (box to box, or the exact value given)', () => {
    expect(isNextTo(a, standing(1.49, 0, 0, [1, 1, 1])).holds).toBe(true);
    const v = isNextTo(a, standing(1.51, 0, 0, [1, 1, 1]));
    expect(v.holds).toBe(false);
    expect(v.criteria[0]!.value).toBeCloseTo(0.51, 12);
    expect(isNextTo(a, standing(1.51, 0, 0, [1, 1, 1]), 0.3).holds).toBe(true);
  });

  it('near and far scale with sqrt(room area)', () => {
    const b = standing(2.5, 0, 0, [1, 1, 1]); // 1.5 m apart
    expect(isNear(a, b, 49).holds).toBe(true); // 0.25 · 7 = 1.75
    expect(isNear(a, b, 25).holds).toBe(false); // 1.25
    expect(isFar(a, b, 4).holds).toBe(true); // 0.5 · 2 = 1
    expect(isFar(a, b, 16).holds).toBe(false); // 2
    expect(isFar(a, b, 16).criteria[0]).toMatchObject({ threshold: 2, margin: expect.closeTo(0.5, 12) });
  });
});

describe('inside / between', () => {
  it('inside: at least 90% of the inner box volume within the outer box', () => {
    const cabinet = obj([0, 0, 0], [1, 1, 1]);
    expect(containedShare(obj([0, 0, 0], [0.5, 0.5, 0.5]).box, cabinet.box)).toBe(1);
    // Sticking out by 1/12 of its length: 11/12 = 91.7% inside.
    expect(isInside(obj([0.5 - 0.25 + 1 / 24, 0, 0], [0.5, 0.5, 0.5]), cabinet).holds).toBe(true);
    const out = isInside(obj([0.5 - 0.25 + 0.125, 0, 0], [0.5, 0.5, 0.5]), cabinet);
    expect(out.criteria[0]!.value).toBeCloseTo(0.75, 12);
    expect(out.holds).toBe(false);
  });

  it('between: projects inside segment a–b and within its 0.5 m corridor', () => {
    const a = obj([0, 0, 0], [0.5, 0.5, 0.5]);
    const b = obj([4, 0, 0], [0.5, 0.5, 0.5]);
    expect(isBetween(obj([2, 0.4, 1], [0.2, 0.2, 0.2]), a, b).holds).toBe(true);
    const wide = isBetween(obj([2, 0.6, 0], [0.2, 0.2, 0.2]), a, b);
    expect(wide.holds).toBe(false);
    expect(wide.deciding).toMatchObject({ name: 'distance from the a–b line', value: expect.closeTo(0.6, 12) });
    const beyond = isBetween(obj([4.3, 0, 0], [0.2, 0.2, 0.2]), a, b);
    expect(beyond.holds).toBe(false);
    expect(beyond.criteria[0]!.value).toBeCloseTo(-0.3, 12);
    // The point centroid wins over the box centre when given.
    expect(isBetween({ ...obj([9, 9, 0], [0.2, 0.2, 0.2]), centroid: [1, 0, 0] }, a, b).holds).toBe(true);
  });
});
