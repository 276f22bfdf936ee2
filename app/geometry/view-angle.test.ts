import { describe, expect, it } from 'vitest';
import { angleFrom, viewSide, viewSides } from './view-angle';

describe('view angles', () => {
  it('measures θ counter-clockwise from the facing direction, so left is [0, 180)', () => {
    expect(angleFrom([0, 0, 0], [0, 1, 0], [-1, 1, 0])).toBeCloseTo(45, 12);
    expect(angleFrom([0, 0, 0], [0, 1, 0], [1, 1, 0])).toBeCloseTo(315, 12);
    expect(angleFrom([0, 0, 0], [0, 0, 5], [1, 1, 0])).toBeNull();
  });

  it('bins left/right at 0 and 180, behind in [135, 225), front in [315, 45), with the margin to the nearest edge', () => {
    expect(viewSide('left', 170)).toMatchObject({ holds: true, margin: 10 });
    expect(viewSide('right', 181).holds).toBe(true);
    expect(viewSide('behind', 135).holds).toBe(true);
    expect(viewSide('behind', 134.9).holds).toBe(false);
    expect(viewSide('front', 350)).toMatchObject({ holds: true, margin: 35 });
    expect(viewSide('front', 320)).toMatchObject({ holds: true, margin: 5 });
    expect(viewSide('front', 44)).toMatchObject({ holds: true, margin: 1 });
    expect(viewSide('front', 46).holds).toBe(false);
    expect(viewSides(200).map((v) => v.side)).toEqual(['right', 'behind']);
    expect(viewSides(3).map((v) => v.side)).toEqual(['left', 'front']);
  });
});
