import { describe, expect, it } from 'vitest';
import { buildLodScene } from './lod-buffers';
import { buildOctree } from './octree';
import { CHUNK_POINTS, sortNodesIntoChunks } from './pick-chunks';
import { referenceChunks } from './pick-chunks.fixture';
import { generateSyntheticScene } from './synthetic-scene';

function cloud(n: number) {
  let s = 3;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const positions = new Float32Array(n * 3);
  for (let i = 0; i < n * 3; i++) positions[i] = rnd() * (i % 3 === 2 ? 3 : 10);
  const ids = Int32Array.from({ length: n }, (_, i) => i);
  return { positions, colors: new Uint8Array(n * 3), instanceIds: ids };
}

describe('pick chunks', () => {
  it('every point lies in its chunk bounds and the chunks are compact', () => {
    const n = 60_000;
    const scene = buildLodScene(cloud(n), { capacity: 8000 });
    const { boxes, first, start, count } = scene.chunks;
    const p = scene.points.positions;
    let volume = 0;
    let outside = 0;
    scene.nodes.forEach((node, k) => {
      // The node's chunks tile its range in order, each at most CHUNK_POINTS.
      let at = node.start;
      for (let j = first[k]!; j < first[k + 1]!; j++) {
        expect(start[j]).toBe(at);
        expect(count[j]!).toBeGreaterThan(0);
        expect(count[j]!).toBeLessThanOrEqual(CHUNK_POINTS);
        at += count[j]!;
        for (let i = start[j]!; i < start[j]! + count[j]!; i++) {
          for (let a = 0; a < 3; a++) if (p[i * 3 + a]! < boxes[j * 6 + a]! || p[i * 3 + a]! > boxes[j * 6 + 3 + a]!) outside++;
        }
        const cube = (node.max[0] - node.min[0]) ** 3;
        volume += (count[j]! * (boxes[j * 6 + 3]! - boxes[j * 6]!) * (boxes[j * 6 + 4]! - boxes[j * 6 + 1]!) * (boxes[j * 6 + 5]! - boxes[j * 6 + 2]!)) / cube;
      }
      expect(at).toBe(node.start + node.count);
    });
    expect(outside).toBe(0);
    // Point-weighted share of its node's cube that a point's chunk spans; unsorted runs (random subsets) span ~0.3 here.
    // Unsorted random subsets would give chunks spanning nearly their whole node (volume share ~0.3 here, data is flat).
    expect(volume / n).toBeLessThan(0.1);
  });

  it('sorting inside nodes keeps each node the same set of points', () => {
    const points = cloud(30_000);
    const scene = buildLodScene(points, { capacity: 4000 });
    // order still maps every reordered point to its original (ids are the original indices).
    const seen = new Uint8Array(30_000);
    let mismatched = 0;
    for (let k = 0; k < scene.order.length; k++) {
      if (scene.points.instanceIds[k] !== scene.order[k]) mismatched++;
      seen[scene.order[k]!]!++;
    }
    expect(mismatched).toBe(0);
    expect(seen.every((c) => c === 1)).toBe(true);
    // Each point lies inside its node's cube.
    let outside = 0;
    for (const node of scene.nodes) {
      for (let i = node.start; i < node.start + node.count; i++) {
        for (let a = 0; a < 3; a++) {
          const v = scene.points.positions[i * 3 + a]!;
          if (v < node.min[a]! - 1e-6 || v > node.max[a]! + 1e-6) outside++;
        }
      }
    }
    expect(outside).toBe(0);
  });

  it('sorts and cuts exactly like the straightforward reference', () => {
    // Two rooms of the generated scene plus a stack of duplicates (one cell holding more than a chunk).
    const scene = generateSyntheticScene(120_000);
    const dup = new Float32Array(3000 * 3).fill(2.5);
    const positions = new Float32Array([...scene.positions, ...dup]);
    const tree = buildOctree(positions, { capacity: 6000 });
    const expected = referenceChunks(tree.nodes, tree.order, tree.positions);
    const chunks = sortNodesIntoChunks(tree.nodes, tree.order, tree.positions);
    expect(chunks.start.length).toBeGreaterThan(tree.nodes.length);
    expect([...chunks.first]).toEqual(expected.first);
    expect([...chunks.start]).toEqual(expected.start);
    expect([...chunks.count]).toEqual(expected.count);
    expect([...chunks.boxes]).toEqual(expected.boxes.map(Math.fround));
    expect([...tree.order]).toEqual(expected.order);
    expect([...tree.positions]).toEqual(expected.positions);
    // The duplicates share one cell, so some chunk is a slice of a single over-full cell.
    expect(chunks.boxes.some((_, j) => j % 6 === 0 && chunks.boxes[j] === 2.5 && chunks.boxes[j + 3] === 2.5 && chunks.count[j / 6] === CHUNK_POINTS)).toBe(true);
  });
});
