import { describe, expect, it } from 'vitest';
import { adjacencyFromKnn, FEATURE_COUNT, featureColumn, superpointFeatures } from './features';
import { knnGraph } from './knn';
import { superpointNeighbours } from './superpoint-neighbours';
import { trainingSample } from './training-sample';

/** Three superpoints of 4 points each on a line: x = 0, 1, 2.5 (plus tiny offsets). */
function threeClusters() {
  const positions: number[] = [];
  for (let s = 0; s < 3; s++) for (let i = 0; i < 4; i++) positions.push([0, 1, 2.5][s]! + i * 0.01, i * 0.02, (i % 2) * 0.01);
  const pos = Float32Array.from(positions);
  const ids = Int32Array.from({ length: 12 }, (_, i) => Math.floor(i / 4));
  const features = superpointFeatures({ positions: pos, superpoints: ids, count: 3, neighbours: adjacencyFromKnn(ids, 3, knnGraph(pos, 3), 2) });
  return { pos, ids, features };
}

describe('superpointNeighbours', () => {
  it('lists self first, then the nearest centroids, and repeats self when the scene is small', () => {
    const { features } = threeClusters();
    expect([...superpointNeighbours(features, 3)]).toEqual([0, 1, 2, 1, 0, 2, 2, 1, 0]);
    const n5 = superpointNeighbours(features, 5);
    expect([...n5.subarray(0, 5)]).toEqual([0, 1, 2, 0, 0]);
    expect(features.features[1 * FEATURE_COUNT + featureColumn('centroid_x')]).toBeCloseTo(1.015, 5);
  });
});

describe('trainingSample', () => {
  it('takes each superpoint’s majority class and instance, and ignores classes without a majority', () => {
    const { ids, features } = threeClusters();
    // Superpoint 0: class 4 ×3, class 6 ×1 → 4. Superpoint 1: 4, 4, 6, 6 → tie below half? 2/4 = 0.5 keeps the smaller value.
    // Superpoint 2: -1 ×3 (unannotated) → ignored.
    const semantic = Int32Array.from([4, 4, 4, 6, 4, 4, 6, 6, -1, -1, -1, 3]);
    const instance = Int32Array.from([7, 7, 7, 7, 8, 8, 9, 9, -1, -1, -1, 10]);
    const t = trainingSample(features, ids, semantic, instance, 3);
    expect([...t.semantic]).toEqual([4, 4, -1]);
    expect([...t.instance]).toEqual([7, 8, -1]);
    expect([...t.purity]).toEqual([1, 0.5, 0.75]);
    expect(t.neighbourCount).toBe(3);
    expect(t.neighbours.length).toBe(9);
    const semanticOnly = trainingSample(features, ids, semantic, null, 3);
    expect([...semanticOnly.instance]).toEqual([-1, -1, -1]);
  });

  it('refuses labels that do not match the points', () => {
    const { ids, features } = threeClusters();
    expect(() => trainingSample(features, ids, new Int32Array(5), null)).toThrow(/5 labels for 12 points/);
  });
});
