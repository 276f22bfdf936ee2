import { describe, expect, it } from 'vitest';
import { boxCorners, orientedBox } from './oriented-box';

describe('gravity-aligned oriented box', () => {
  it('recovers the yaw and size of a rotated 4 m × 1 m × 2 m slab', () => {
    const yaw = 0.6;
    const pts: number[] = [];
    for (let i = 0; i <= 40; i++) for (let j = 0; j <= 10; j++) for (const z of [0, 2]) {
      const u = -2 + i * 0.1;
      const v = -0.5 + j * 0.1;
      pts.push(5 + u * Math.cos(yaw) - v * Math.sin(yaw), 1 + u * Math.sin(yaw) + v * Math.cos(yaw), z);
    }
    const positions = new Float32Array(pts);
    const box = orientedBox(positions, Array.from({ length: pts.length / 3 }, (_, i) => i))!;
    expect(Math.abs(Math.sin(box.yaw - yaw))).toBeLessThan(1e-4);
    const sizes = [box.halfSize[0] * 2, box.halfSize[1] * 2].sort((a, b) => a - b);
    expect(sizes[0]).toBeCloseTo(1, 4);
    expect(sizes[1]).toBeCloseTo(4, 4);
    expect(box.halfSize[2] * 2).toBeCloseTo(2, 6);
    expect(box.center[0]).toBeCloseTo(5, 4);
    expect(boxCorners(box)).toHaveLength(8);
  });
});
