import { describe, expect, it } from 'vitest';
import { instancesFromAffinity } from './affinity-instances';
import type { SuperpointFeatures } from './features';
import { SCANNET20 } from './scannet20';

const C = SCANNET20.length;
function features(count: number): SuperpointFeatures {
  return { count, features: new Float32Array(count * 23), pointCounts: Int32Array.from({ length: count }, (_, i) => 10 + i), bounds: new Float32Array(count * 6), floorZ: 0, neighbours: { offsets: new Int32Array(count + 1), ids: new Int32Array(0) } };
}
function logitsFor(classes: number[]): Float32Array {
  const l = new Float32Array(classes.length * C);
  classes.forEach((c, s) => (l[s * C + c] = 5));
  return l;
}

describe('instancesFromAffinity', () => {
  // Superpoints: 0,1 floor (not linked), 2,3 chair linked, 4 chair not linked to 3, 5 table linked to 4 (class differs).
  const classes = [1, 1, 4, 4, 4, 6];
  const k = 2;
  const neighbours = Int32Array.from([0, 1, 1, 0, 2, 3, 3, 2, 4, 3, 5, 4]);
  const affinity = Float32Array.from([0, -5, 0, -5, 0, 4, 0, 4, 0, -3, 0, 6]);

  it('joins same-class superpoints the model links, keeps one floor, and splits where affinity is low', () => {
    const out = instancesFromAffinity({ features: features(6), logits: logitsFor(classes), classes: C, neighbours, k, affinity });
    const groups = out.map((i) => [i.label, i.superpoints]);
    expect(groups[0]).toEqual(['floor', [0, 1]]);
    expect(groups).toContainEqual(['chair', [2, 3]]);
    expect(groups).toContainEqual(['chair', [4]]);
    expect(groups).toContainEqual(['table', [5]]);
    expect(out).toHaveLength(4);
    const pair = out.find((i) => i.superpoints.length === 2 && i.label === 'chair')!;
    const lone = out.find((i) => i.superpoints.length === 1 && i.label === 'chair')!;
    expect(pair.confidence).toBeGreaterThan(lone.confidence);
    expect(pair.pointCount).toBe(12 + 13);
  });

  it('rejects outputs of the wrong size', () => {
    expect(() => instancesFromAffinity({ features: features(6), logits: logitsFor(classes), classes: C, neighbours: neighbours.subarray(2), k, affinity })).toThrow(RangeError);
  });
});
