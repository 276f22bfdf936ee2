import { describe, expect, it } from 'vitest';
import { boxCutAway, flipPlane, normalizeSectionPlanes, offsetPlane, planeVector, viewPlane } from './section-planes';

describe('section planes', () => {
  it('cuts the side the normal points to, and flipping swaps the sides', () => {
    const up = normalizeSectionPlanes([{ point: [0, 0, 2], normal: [0, 0, 5] }])[0]!;
    expect(up.normal).toEqual([0, 0, 1]);
    const [a, b, c, d] = planeVector(up);
    expect(a * 1 + b * 1 + c * 2.5 + d).toBeGreaterThan(0); // above: cut
    expect(a * 1 + b * 1 + c * 1.5 + d).toBeLessThan(0);
    expect(boxCutAway([up], [0, 0, 2.1], [1, 1, 3])).toBe(true);
    expect(boxCutAway([up], [0, 0, 1.9], [1, 1, 3])).toBe(false);
    expect(boxCutAway([flipPlane(up)], [0, 0, 0], [1, 1, 1.9])).toBe(true);
    expect(boxCutAway([offsetPlane(up, 1)], [0, 0, 2.1], [1, 1, 2.9])).toBe(false);
  });

  it('a view plane faces the camera through the centre', () => {
    const p = viewPlane([0, -10, 0], [0, 0, 0], [1, 2, 3]);
    expect(p.point).toEqual([1, 2, 3]);
    expect(p.normal[1]).toBeCloseTo(-1, 12);
    // A point between the camera and the centre is cut.
    const [a, b, c, d] = planeVector(p);
    expect(a * 1 + b * 0 + c * 3 + d).toBeGreaterThan(0);
  });

  it('rejects bad planes with the plane named', () => {
    expect(() => normalizeSectionPlanes([{ point: [0, 0, 0], normal: [0, 0, 0] }])).toThrow(/section plane 0: the normal is zero/);
    expect(() => normalizeSectionPlanes([{ point: [0, NaN, 0], normal: [0, 0, 1] }])).toThrow(/section plane 0/);
    expect(() => normalizeSectionPlanes(Array.from({ length: 7 }, () => ({ point: [0, 0, 0] as [number, number, number], normal: [0, 0, 1] as [number, number, number] })))).toThrow(/at most 6/);
  });
});
