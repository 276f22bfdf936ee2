import { describe, expect, it } from 'vitest';
import { Random } from '../sample/random';
import type { Vec3 } from '../scene/types';
import type { Obb } from './obb';
import { pointObbDistance } from './obb-distance';
import { pointSetObbDistance } from './point-set-obb-distance';

const S = Math.SQRT1_2;
const box: Obb = {
  center: [0, 0, 0],
  axes: [
    [S, S, 0],
    [-S, S, 0],
    [0, 0, 1],
  ],
  size: [2, 1, 1],
};

describe('pointSetObbDistance', () => {
  it('returns the nearest set point, the box point facing it and their distance', () => {
    const positions = Float32Array.from([5, 5, 0, 0, 0, 3, 0, -5, 0]);
    const r = pointSetObbDistance(positions, null, box);
    expect(r.index).toBe(1);
    expect(r.distance).toBeCloseTo(2.5, 6);
    expect(r.pointSet).toEqual([0, 0, 3]);
    expect(r.pointBox[2]).toBeCloseTo(0.5, 9);
    expect(r.inside).toBe(0);
  });

  it('equals the minimum of the point-to-box distances, over a subset, and is 0 with points inside', () => {
    const rng = new Random(2);
    const positions = Float32Array.from({ length: 300 }, () => rng.range(-4, 4));
    const subset = Uint32Array.from({ length: 50 }, (_, i) => i * 2);
    const r = pointSetObbDistance(positions, subset, box);
    let best = Infinity;
    for (const i of subset) best = Math.min(best, pointObbDistance([positions[3 * i]!, positions[3 * i + 1]!, positions[3 * i + 2]!] as Vec3, box).distance);
    expect(r.distance).toBe(best);
    const inside = pointSetObbDistance(Float32Array.from([0.1, 0.1, 0.1, 9, 9, 9]), null, box);
    expect([inside.distance, inside.inside]).toEqual([0, 1]);
    expect(() => pointSetObbDistance(positions, new Uint32Array(0), box)).toThrow(/empty/);
  });
});
