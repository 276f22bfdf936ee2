import { describe, expect, it } from 'vitest';
import { meanRelativeAccuracy, MRA_THRESHOLDS } from './mra';

describe('meanRelativeAccuracy', () => {
  it('uses the ten thresholds 0.50, 0.55, …, 0.95', () => {
    expect(MRA_THRESHOLDS).toEqual([0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]);
  });

  it('is the share of thresholds t with |ŷ − y| / y ≤ 1 − t', () => {
    expect(meanRelativeAccuracy(2, 2)).toBe(1);
    // 10% off: passes t ≤ 0.90 (9 of 10).
    expect(meanRelativeAccuracy(2.2, 2)).toBe(0.9);
    expect(meanRelativeAccuracy(1.8, 2)).toBe(0.9);
    // 30% off: t ≤ 0.70 (5 of 10).
    expect(meanRelativeAccuracy(13, 10)).toBe(0.5);
    // 50% off passes only t = 0.50; more fails all.
    expect(meanRelativeAccuracy(1, 2)).toBe(0.1);
    expect(meanRelativeAccuracy(0.9, 2)).toBe(0);
  });

  it('counts exact decimal ties as within the bound, as the definition puts them', () => {
    // 1.1 vs 1 and 0.55 vs 0.5 are exactly 10% off, though in doubles the error exceeds 1 − 0.9.
    expect(Math.abs(1.1 - 1) / 1 > 1 - 0.9).toBe(true);
    expect(meanRelativeAccuracy(1.1, 1)).toBe(0.9);
    expect(meanRelativeAccuracy(0.55, 0.5)).toBe(0.9);
    expect(meanRelativeAccuracy(2.1, 2)).toBe(1);
    expect(meanRelativeAccuracy(0.7, 1.4)).toBe(0.1);
  });

  it('scores a zero truth only by an exact answer, and non-numbers as 0', () => {
    expect(meanRelativeAccuracy(0, 0)).toBe(1);
    expect(meanRelativeAccuracy(0.1, 0)).toBe(0);
    expect(meanRelativeAccuracy(Number.NaN, 3)).toBe(0);
  });
});
