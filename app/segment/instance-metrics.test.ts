import { describe, expect, it } from 'vitest';
import { averagePrecision, iouOf, maskIou, overlaps, semanticIou } from './instance-metrics';

describe('instance metrics', () => {
  // Ten points: truth has instances 1 (points 0-3) and 2 (points 4-7); 8-9 are none (-1).
  const truth = Int32Array.from([1, 1, 1, 1, 2, 2, 2, 2, -1, -1]);
  // Prediction 10 covers 0-2 (IoU 3/4 with 1), 11 covers 4-9 (IoU 4/6 with 2), 12 covers point 3.
  const pred = Int32Array.from([10, 10, 10, 12, 11, 11, 11, 11, 11, 11]);
  const o = overlaps(pred, truth);

  it('computes IoU from the overlap table', () => {
    expect(iouOf(o, 10, 1)).toBe(0.75);
    expect(iouOf(o, 11, 2)).toBeCloseTo(4 / 6, 12);
    expect(iouOf(o, 12, 2)).toBe(0);
  });

  it('scores AP@50 by confidence order', () => {
    // Both true instances found by the two most confident predictions: AP 1.
    expect(averagePrecision(o, [{ id: 10, confidence: 0.9 }, { id: 11, confidence: 0.8 }, { id: 12, confidence: 0.1 }], [1, 2])).toBe(1);
    // A false positive ranked first: precision 1/2 at recall 1/2, 2/3 at recall 1 → AP = 0.5·(2/3) + 0.5·(2/3).
    expect(averagePrecision(o, [{ id: 12, confidence: 0.9 }, { id: 10, confidence: 0.8 }, { id: 11, confidence: 0.7 }], [1, 2])).toBeCloseTo(2 / 3, 12);
    // Above IoU 0.7 only prediction 10 matches: recall 1/2.
    expect(averagePrecision(o, [{ id: 10, confidence: 0.9 }, { id: 11, confidence: 0.8 }], [1, 2], 0.7)).toBe(0.5);
    expect(averagePrecision(o, [], [])).toBeNaN();
  });

  it('compares masks', () => {
    expect(maskIou(Uint8Array.from([1, 1, 0, 0]), Uint8Array.from([0, 1, 1, 0]))).toBeCloseTo(1 / 3, 12);
  });

  it('scores semantic IoU over the classes present, ignoring unlabelled points and counting no-class predictions as misses', () => {
    // Classes 0..2; truth -1 is ignored whatever is predicted there.
    const truthSem = Int32Array.from([0, 0, 0, 1, 1, -1, -1]);
    const predSem = Int32Array.from([0, 0, -1, 1, 0, 2, 0]);
    const r = semanticIou(predSem, truthSem, 3);
    // Class 0: tp 2, fn 1 (the no-class point), fp 1 (a class-1 point) → 2/4. Class 1: tp 1, fn 1 → 1/2.
    expect(r.perClass[0]).toBe(0.5);
    expect(r.perClass[1]).toBe(0.5);
    expect(r.perClass[2]).toBeNaN();
    expect(r.mIoU).toBe(0.5);
  });
});
