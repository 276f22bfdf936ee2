import { describe, expect, it } from 'vitest';
import { partitionAgreement } from './partition-agreement';

const labels = (values: number[]) => Int32Array.from(values);

describe('partitionAgreement', () => {
  it('is 1 for the same partition under other ids', () => {
    const r = partitionAgreement(labels([4, 4, 9, 9, 9, 1]), labels([0, 0, 7, 7, 7, 2]));
    expect(r).toEqual({ vertexAgreement: 1, segmentsA: 3, segmentsB: 3, identicalSegments: 3 });
  });

  it('counts a segment split in two by its larger half only', () => {
    // A: one segment of 6 and one of 2; B splits the 6 into 4 + 2.
    const r = partitionAgreement(labels([0, 0, 0, 0, 0, 0, 1, 1]), labels([5, 5, 5, 5, 6, 6, 7, 7]));
    expect(r.vertexAgreement).toBe(6 / 8);
    expect(r).toMatchObject({ segmentsA: 2, segmentsB: 3, identicalSegments: 1 });
  });

  it('matches each segment of B at most once', () => {
    // Two A segments both lie inside one B segment: only the larger is matched.
    const r = partitionAgreement(labels([0, 0, 0, 1, 1]), labels([3, 3, 3, 3, 3]));
    expect(r.vertexAgreement).toBe(3 / 5);
    expect(r.identicalSegments).toBe(0);
  });

  it('moves one vertex: agreement drops by one vertex', () => {
    const r = partitionAgreement(labels([0, 0, 0, 0, 1, 1, 1, 1]), labels([0, 0, 0, 1, 1, 1, 1, 1]));
    expect(r.vertexAgreement).toBe(7 / 8);
    expect(r.identicalSegments).toBe(0);
  });

  it('rejects partitions of different lengths', () => {
    expect(() => partitionAgreement(labels([0]), labels([0, 1]))).toThrow(RangeError);
  });
});
