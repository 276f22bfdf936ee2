import { describe, expect, it } from 'vitest';
import { nextSelection } from './selection-cycle';

describe('nextSelection', () => {
  it('picks A, then B, then starts over with a new A', () => {
    const a = nextSelection([], 12);
    const ab = nextSelection(a, 7);
    expect(a).toEqual([12]);
    expect(ab).toEqual([12, 7]);
    expect(nextSelection(ab, 3)).toEqual([3]);
  });

  it('keeps A when A is clicked again instead of pairing it with itself', () => {
    expect(nextSelection([12], 12)).toEqual([12]);
  });
});
