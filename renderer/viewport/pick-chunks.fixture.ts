// A straightforward reference for sortNodesIntoChunks, for tests: Morton keys by a bit loop, a
// stable comparison sort per node, chunk cuts found by searching the sorted keys, and bounds by a
// plain min/max over each chunk's points. Slow and obvious on purpose.
import type { OctreeNode } from './octree';
import { CHUNK_GRID_BITS, CHUNK_POINTS } from './pick-chunks';

export interface ReferenceChunks {
  order: number[];
  positions: number[];
  first: number[];
  start: number[];
  count: number[];
  boxes: number[];
}

function mortonKey(x: number, y: number, z: number): number {
  let key = 0;
  for (let b = 0; b < CHUNK_GRID_BITS; b++) key += (((x >> b) & 1) << (3 * b)) + (((y >> b) & 1) << (3 * b + 1)) + (((z >> b) & 1) << (3 * b + 2));
  return key;
}

/** `order` and `positions` in tree order, before the in-node sort (neither is changed). */
export function referenceChunks(nodes: readonly OctreeNode[], order: Uint32Array, positions: Float32Array): ReferenceChunks {
  const grid = 1 << CHUNK_GRID_BITS;
  const out: ReferenceChunks = { order: [...order], positions: [...positions], first: [], start: [], count: [], boxes: [] };
  const cut = (from: number, n: number) => {
    for (let s = 0; s < n; s += CHUNK_POINTS) {
      out.start.push(from + s);
      out.count.push(Math.min(CHUNK_POINTS, n - s));
    }
  };
  for (const node of nodes) {
    out.first.push(out.start.length);
    if (node.count <= CHUNK_POINTS) {
      if (node.count) cut(node.start, node.count);
      continue;
    }
    const scale = grid / Math.max(1e-12, node.max[0] - node.min[0]);
    const points = Array.from({ length: node.count }, (_, i) => {
      const k = node.start + i;
      const c = [0, 1, 2].map((a) => Math.min(grid - 1, Math.max(0, Math.floor((positions[k * 3 + a]! - node.min[a]!) * scale))));
      return { key: mortonKey(c[0]!, c[1]!, c[2]!), order: order[k]!, xyz: [...positions.subarray(k * 3, k * 3 + 3)] };
    });
    points.sort((a, b) => a.key - b.key);
    points.forEach((p, i) => {
      out.order[node.start + i] = p.order;
      for (let a = 0; a < 3; a++) out.positions[(node.start + i) * 3 + a] = p.xyz[a]!;
    });
    const keys = points.map((p) => p.key);
    // Points with keys in [lo, lo + span) are contiguous once sorted.
    const visit = (lo: number, span: number) => {
      const a = keys.findIndex((k) => k >= lo);
      const from = a < 0 ? keys.length : a;
      let to = from;
      while (to < keys.length && keys[to]! < lo + span) to++;
      if (to === from) return;
      if (to - from <= CHUNK_POINTS || span === 1) cut(node.start + from, to - from);
      else for (let o = 0; o < 8; o++) visit(lo + (o * span) / 8, span / 8);
    };
    visit(0, grid ** 3);
  }
  out.first.push(out.start.length);
  out.start.forEach((s, j) => {
    const xs = [0, 1, 2].map((a) => Array.from({ length: out.count[j]! }, (_, i) => out.positions[(s + i) * 3 + a]!));
    out.boxes.push(...xs.map((v) => Math.min(...v)), ...xs.map((v) => Math.max(...v)));
  });
  return out;
}
