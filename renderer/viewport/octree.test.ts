import { describe, expect, it } from 'vitest';
import { buildLodScene } from './lod-buffers';
import { buildOctree, reorder, selectNodes, type LodCandidate } from './octree';
import { generateSyntheticScene } from './synthetic-scene';

describe('LOD octree', () => {
  const points = generateSyntheticScene(50_000);

  it('puts every point in exactly one node, each node a contiguous range', () => {
    const { nodes, order } = buildOctree(points.positions, { capacity: 1000 });
    expect(nodes.length).toBeGreaterThan(8);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 50_000 }, (_, i) => i));
    const covered = new Uint8Array(50_000);
    for (const n of nodes) for (let k = n.start; k < n.start + n.count; k++) covered[k]!++;
    expect(covered.every((c) => c === 1)).toBe(true);
    // A node's total is its own points plus its children's.
    for (const n of nodes) expect(n.total).toBe(n.count + n.children.reduce((s, c) => s + nodes[c]!.total, 0));
  });

  it('keeps each node\u2019s points inside its cube', () => {
    const scene = buildLodScene(points, { capacity: 1000 });
    const p = scene.points.positions;
    let outside = 0;
    for (const n of scene.nodes) {
      for (let k = n.start; k < n.start + n.count; k++) {
        for (let a = 0; a < 3; a++) if (p[k * 3 + a]! < n.min[a]! - 1e-5 || p[k * 3 + a]! > n.max[a]! + 1e-5) outside++;
      }
    }
    expect(outside).toBe(0);
  });

  it('carries colours, ids, superpoints and confidence along with positions', () => {
    const scene = buildLodScene(points, { capacity: 1000 });
    const { order } = scene;
    for (const k of [0, 1, 777, 49_999]) {
      const i = order[k]!;
      expect(scene.points.instanceIds[k]).toBe(points.instanceIds[i]);
      expect(scene.points.colors[k * 3 + 1]).toBe(points.colors[i * 3 + 1]);
      expect(scene.points.superpointIds![k]).toBe(points.superpointIds![i]);
      expect(scene.points.confidence![k]).toBe(points.confidence![i]);
      expect(scene.points.positions[k * 3 + 2]).toBe(points.positions[i * 3 + 2]);
    }
  });

  it('selects nodes largest first, parents before children, within the budget', () => {
    const { nodes } = buildOctree(points.positions, { capacity: 1000 });
    const measure = (node: number): LodCandidate => ({ node, priority: 1 / (1 + nodes[node]!.level), visible: true });
    const all = selectNodes(nodes, Infinity, measure);
    expect(all.points).toBe(50_000);
    const some = selectNodes(nodes, 10_000, measure);
    expect(some.points).toBeLessThanOrEqual(10_000);
    expect(some.points).toBeGreaterThan(5_000);
    const chosen = new Set(some.selected);
    for (const k of some.selected) {
      const parent = nodes.findIndex((n) => n.children.includes(k));
      if (parent >= 0) expect(chosen.has(parent)).toBe(true);
    }
    // An invisible root draws nothing.
    expect(selectNodes(nodes, Infinity, (node) => ({ node, priority: 1, visible: false })).points).toBe(0);
  });

  it('returns the positions in tree order, moved along with the order', () => {
    const { order, positions } = buildOctree(points.positions, { capacity: 1000 });
    let wrong = 0;
    for (let k = 0; k < order.length; k++) for (let a = 0; a < 3; a++) if (positions[k * 3 + a] !== points.positions[order[k]! * 3 + a]) wrong++;
    expect(wrong).toBe(0);
    // The input is left as it was.
    expect(points.positions).toEqual(generateSyntheticScene(50_000).positions);
    // In place (the worker's own arrays): the same tree, built in the given array.
    const own = points.positions.slice();
    const inPlace = buildOctree(own, { capacity: 1000, inPlace: true });
    expect(inPlace.positions.buffer).toBe(own.buffer);
    expect([...inPlace.order]).toEqual([...order]);
    expect(inPlace.positions).toEqual(positions);
  });

  it('reorders every element type bit for bit like a plain gather', () => {
    const { order } = buildOctree(points.positions, { capacity: 1000 });
    const plain = (src: ArrayLike<number>, stride: number) => Array.from({ length: order.length * stride }, (_, i) => src[order[Math.floor(i / stride)]! * stride + (i % stride)]!);
    expect([...reorder(points.positions, 3, order)]).toEqual(plain(points.positions, 3));
    expect([...reorder(points.colors, 3, order)]).toEqual(plain(points.colors, 3));
    expect([...reorder(points.instanceIds, 1, order)]).toEqual(plain(points.instanceIds, 1));
    expect([...reorder(points.confidence!, 1, order)]).toEqual(plain(points.confidence!, 1));
    // Float bits survive the 4-byte copy: NaN payloads and negative zero.
    const odd = new Float32Array(order.length);
    new Uint32Array(odd.buffer).forEach((_, i, u) => (u[i] = i % 3 === 0 ? 0x7fc01234 + i : i % 3 === 1 ? 0x80000000 : i));
    const got = new Uint32Array(reorder(odd, 1, order).buffer);
    expect([...got]).toEqual(plain(new Uint32Array(odd.buffer), 1));
    // Other strides and a view into a larger buffer.
    const wide = new Int32Array(order.length * 2 + 4).map((_, i) => i * 7 - 3).subarray(4);
    expect([...reorder(wide, 2, order)]).toEqual(plain(wide, 2));
  });
});
