import { describe, expect, it } from 'vitest';
import { generateSampleRoom } from '../sample';
import { adjacencyFromFaces, adjacencyFromKnn, featureColumn, FEATURE_COUNT, quantileZ, SUPERPOINT_FEATURES, superpointFeatures } from './features';
import { knnGraph } from './knn';
import { sceneSuperpointFeatures } from './scene-superpoints';

/** n×n grid on origin + s·u + t·v, s,t ∈ [0,1]. */
function grid(origin: number[], u: number[], v: number[], n: number): number[] {
  const p: number[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let a = 0; a < 3; a++) p.push(origin[a]! + (i / (n - 1)) * u[a]! + (j / (n - 1)) * v[a]!);
  return p;
}

describe('superpointFeatures', () => {
  // Superpoint 0: a 2 m × 2 m floor at z = 0; superpoint 1: a 2 m wide, 1 m tall wall along y = 1 at x ∈ [0, 2].
  const positions = Float32Array.from([...grid([-1, -1, 0], [2, 0, 0], [0, 2, 0], 21), ...grid([0, 1, 0], [2, 0, 0], [0, 0, 1], 21)]);
  const n = positions.length / 3;
  const superpoints = Int32Array.from({ length: n }, (_, i) => (i < 441 ? 0 : 1));
  const colors = Uint8Array.from({ length: 3 * n }, (_, i) => (Math.floor(i / 3) < 441 ? 255 : Math.floor(i / 3) % 2 ? 0 : 255));
  const neighbours = { offsets: Int32Array.from([0, 1, 2]), ids: Int32Array.from([1, 0]) };
  const f = superpointFeatures({ positions, colors, superpoints, count: 2, neighbours });
  const get = (s: number, name: (typeof SUPERPOINT_FEATURES)[number]) => f.features[s * FEATURE_COUNT + featureColumn(name)]!;

  it('lays out one row of FEATURE_COUNT columns per superpoint', () => {
    expect(FEATURE_COUNT).toBe(23);
    expect(f.features.length).toBe(2 * FEATURE_COUNT);
    expect([...f.pointCounts]).toEqual([441, 441]);
    expect(get(0, 'log_points')).toBeCloseTo(Math.log(442), 5);
  });

  it('measures centroid, extent and height above the floor', () => {
    expect(f.floorZ).toBe(0);
    expect([get(0, 'centroid_x'), get(0, 'centroid_y'), get(0, 'centroid_z')]).toEqual([expect.closeTo(0, 5), expect.closeTo(0, 5), 0]);
    expect([get(1, 'extent_x'), get(1, 'extent_y'), get(1, 'extent_z')]).toEqual([expect.closeTo(2, 5), 0, expect.closeTo(1, 5)]);
    expect(get(1, 'height')).toBeCloseTo(0.5, 5);
    expect(get(1, 'z_max')).toBeCloseTo(1, 5);
  });

  it('tells planes apart by planarity and verticality, with normals facing into the scene', () => {
    for (const s of [0, 1]) {
      // A square is all planarity; a 2:1 rectangle splits it with linearity ((λ1−λ2)/λ1 = 3/4).
      expect(get(s, 'linearity') + get(s, 'planarity')).toBeCloseTo(1, 5);
      expect(get(s, 'scattering')).toBeLessThan(1e-6);
    }
    expect(get(0, 'planarity')).toBeCloseTo(1, 5);
    expect(get(1, 'planarity')).toBeCloseTo(0.25, 2);
    expect(get(0, 'verticality')).toBeCloseTo(0, 6);
    expect(get(1, 'verticality')).toBeCloseTo(1, 6);
    expect(get(0, 'normal_z')).toBeCloseTo(1, 6);
    // The wall at y = 1 faces the scene centre (y < 1): its normal is −y.
    expect(get(1, 'normal_y')).toBeCloseTo(-1, 6);
  });

  it('summarises colour by mean and standard deviation', () => {
    expect(get(0, 'color_mean_r')).toBeCloseTo(1, 6);
    expect(get(0, 'color_std_r')).toBeCloseTo(0, 6);
    expect(get(1, 'color_mean_g')).toBeCloseTo(0.5, 2);
    expect(get(1, 'color_std_g')).toBeCloseTo(0.5, 2);
  });

  it('builds symmetric, sorted adjacency from mesh faces', () => {
    const adj = adjacencyFromFaces(Int32Array.from([0, 0, 1, 2, 2]), 3, Uint32Array.from([0, 1, 2, 2, 3, 4]));
    expect([...adj.offsets]).toEqual([0, 1, 3, 4]);
    expect([...adj.ids]).toEqual([1, 0, 2, 1]);
  });

  it('on the sample room, finds the floor flat and low and walls vertical', () => {
    const { scene } = generateSampleRoom({ targetPoints: 60_000 });
    const { superpoints, features } = sceneSuperpointFeatures(scene);
    expect(superpoints.method).toBe('points');
    expect(features.features.every(Number.isFinite)).toBe(true);
    // Superpoints of more than 200 points, nine tenths of them on instances with this label.
    const byInstance = (label: string) => {
      const ids = new Set(scene.instances.filter((i) => i.label === label).map((i) => i.id));
      const hits = new Int32Array(superpoints.count);
      for (let i = 0; i < superpoints.ids.length; i++) if (ids.has(scene.instanceIds[i]!)) hits[superpoints.ids[i]!]!++;
      const rows = [...hits.keys()].filter((s) => features.pointCounts[s]! > 200 && hits[s]! > 0.9 * features.pointCounts[s]!);
      expect(rows.length).toBeGreaterThan(0);
      return rows;
    };
    const col = (s: number, name: (typeof SUPERPOINT_FEATURES)[number]) => features.features[s * FEATURE_COUNT + featureColumn(name)]!;
    for (const s of byInstance('floor')) {
      expect(col(s, 'verticality')).toBeLessThan(0.1);
      expect(Math.abs(col(s, 'height'))).toBeLessThan(0.05);
    }
    for (const s of byInstance('wall')) expect(col(s, 'verticality')).toBeGreaterThan(0.9);
    // Adjacency is symmetric: s lists t exactly when t lists s.
    const { offsets, ids } = superpoints.neighbours;
    const row = (s: number) => [...ids.subarray(offsets[s]!, offsets[s + 1]!)];
    for (let s = 0; s < superpoints.count; s++) for (const t of row(s)) expect(row(t)).toContain(s);
    expect(ids.length).toBeGreaterThan(superpoints.count);
  });

  it('takes the floor quantile as the sorted z at that rank, ties and all', () => {
    let seed = 3;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let t = 0; t < 60; t++) {
      const n = 1 + Math.floor(rand() * 300);
      // Every third set on five levels only, so many z tie.
      const p = Float32Array.from({ length: 3 * n }, () => (t % 3 === 0 ? Math.floor(rand() * 5) : rand() * 10 - 5));
      const z = Float32Array.from({ length: n }, (_, i) => p[3 * i + 2]!).sort();
      for (const q of [0, 0.02, 0.5, 1]) expect(quantileZ(p, q)).toBe(z[Math.floor(q * (n - 1))]);
    }
  });

  it('builds k-NN adjacency only over edges within reach, symmetric and sorted', () => {
    // Two rows of points 1 apart, the rows 5 apart: superpoint = x position, so neighbours are x ± 1 only.
    const positions = Float32Array.from({ length: 2 * 6 * 3 }, (_, j) => {
      const i = Math.floor(j / 3);
      return j % 3 === 0 ? i % 6 : j % 3 === 1 ? 5 * Math.floor(i / 6) : 0;
    });
    const ids = Int32Array.from({ length: 12 }, (_, i) => i % 6);
    const adj = adjacencyFromKnn(ids, 6, knnGraph(positions, 3), 1.5);
    const rows = Array.from({ length: 6 }, (_, s) => [...adj.ids.subarray(adj.offsets[s]!, adj.offsets[s + 1]!)]);
    expect(rows).toEqual([[1], [0, 2], [1, 3], [2, 4], [3, 5], [4]]);
  });
});
