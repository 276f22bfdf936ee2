import { describe, expect, it } from 'vitest';
import { floorHeight, measureResult, polygonArea } from './measure';

describe('measure tool maths', () => {
  it('gives the area of a 2 m × 3 m rectangle whichever way it winds', () => {
    const rect: Array<[number, number, number]> = [
      [0, 0, 0],
      [2, 0, 0],
      [2, 3, 0],
      [0, 3, 0],
    ];
    expect(polygonArea(rect)).toBeCloseTo(6, 12);
    expect(polygonArea([...rect].reverse())).toBeCloseTo(6, 12);
  });

  it('measures point to point, height above floor and floor area in metres', () => {
    expect(measureResult('distance', [[0, 0, 0], [3, 4, 0]], 0).text).toBe('5.00 m');
    expect(measureResult('height', [[1, 1, 2.5]], 0.5).value).toBeCloseTo(2, 12);
    const area = measureResult('area', [[0, 0, 1], [1, 0, 2], [1, 1, 0]], 0.1);
    expect(area.value).toBeCloseTo(0.5, 12);
    expect(area.points.every((p) => p[2] === 0.1)).toBe(true);
    expect(measureResult('area', [[0, 0, 0]], 0).value).toBeNull();
  });

  it('takes the floor as a low percentile, ignoring a few stray low points', () => {
    const zs = [...Array.from({ length: 1000 }, (_, i) => (i % 10) * 0.3), -5, -4];
    expect(floorHeight(zs)).toBe(0);
  });
});
