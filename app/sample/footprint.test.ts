import { describe, expect, it } from 'vitest';
import { rectContains, rectInside, rectsOverlap, type Rect } from './footprint';

const r = (cx: number, cy: number, hx: number, hy: number, yaw = 0): Rect => ({ cx, cy, hx, hy, yaw });

describe('footprint rectangles', () => {
  it('separates axis-aligned rectangles by their gap', () => {
    expect(rectsOverlap(r(0, 0, 1, 1), r(1.5, 0, 1, 1))).toBe(true);
    expect(rectsOverlap(r(0, 0, 1, 1), r(2.1, 0, 1, 1))).toBe(false);
    expect(rectsOverlap(r(0, 0, 1, 1), r(2.1, 0, 1, 1), 0.2)).toBe(true);
  });

  it('uses the rotated axes: a diamond clears a square its bounding box would hit', () => {
    const square = r(0, 0, 1, 1);
    // A unit square turned 45° has a corner at distance sqrt(2) from its centre along x.
    const diamond = r(1 + Math.SQRT2 + 0.05, 0, 1, 1, Math.PI / 4);
    expect(rectsOverlap(square, diamond)).toBe(false);
    expect(rectsOverlap(square, { ...diamond, cx: 1 + Math.SQRT2 - 0.05 })).toBe(true);
    // Diagonal placement: corners near each other but the edges are separated along a rotated axis.
    const tilted = r(1.9, 1.9, 1, 0.2, -Math.PI / 4);
    expect(rectsOverlap(square, tilted)).toBe(false);
    expect(rectsOverlap(r(0, 0, 1, 1, 0.3), r(0.5, 0.5, 0.1, 0.1, 1))).toBe(true);
  });

  it('tests containment in a box and in another rectangle', () => {
    expect(rectInside(r(0, 0, 0.99, 0.49, Math.PI / 2), -0.5, -1, 0.5, 1)).toBe(true);
    expect(rectInside(r(0, 0, 1, 0.5), -0.5, -1, 0.5, 1)).toBe(false);
    expect(rectContains(r(0, 0, 2, 1, 0.4), r(0.2, 0.1, 0.5, 0.3, 0.4))).toBe(true);
    expect(rectContains(r(0, 0, 2, 1, 0.4), r(0.2, 0.1, 0.5, 0.3, 1.4))).toBe(true);
    expect(rectContains(r(0, 0, 2, 1, 0.4), r(1.8, 0.1, 0.5, 0.3, 0.4))).toBe(false);
  });
});
