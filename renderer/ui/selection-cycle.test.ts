import { describe, expect, it } from 'vitest';
import { nextSelection, toggleSelection } from './selection-cycle';

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

describe('toggleSelection', () => {
  it('adds beyond the A/B pair and takes any instance out again, keeping the order of the rest', () => {
    const three = toggleSelection(toggleSelection(toggleSelection([], 4), 9), 2);
    expect(three).toEqual([4, 9, 2]);
    expect(toggleSelection(three, 9)).toEqual([4, 2]);
    expect(toggleSelection(toggleSelection(three, 4), 4)).toEqual([9, 2, 4]);
  });
});
