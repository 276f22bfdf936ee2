// Pick chunks: each octree node's points are sorted into Morton order of a 16³ grid over the node's
// cube, then cut into runs that are aligned sub-cubes of that grid (split until a run holds at most
// CHUNK_POINTS), each with tight bounds. A node keeps exactly the same set of points (only their
// order inside its range changes), so level of detail is untouched; a pick then draws only the runs
// whose bounds can reach the cursor (pick-region.ts) instead of whole nodes, whose random subsets
// are spread over the whole cube.
import type { OctreeNode } from './octree';

/** Most points per pick chunk: small enough that a pick draws few points, large enough to keep the list short. */
export const CHUNK_POINTS = 512;

export interface PickChunks {
  /** Chunks of node k are first[k] .. first[k + 1] - 1, in point order. */
  first: Uint32Array;
  /** Per chunk: first point (octree order) and point count. */
  start: Uint32Array;
  count: Uint32Array;
  /** Per chunk: min xyz, max xyz (data frame). */
  boxes: Float32Array;
}

/** Cells per axis of the in-node Morton order (16³ = 4096 cells, 4 levels of octants). */
const BITS = 4;
const GRID = 1 << BITS;
const CELLS = GRID * GRID * GRID;

function morton3(x: number, y: number, z: number): number {
  let code = 0;
  for (let b = 0; b < BITS; b++) code |= (((x >> b) & 1) << (3 * b)) | (((y >> b) & 1) << (3 * b + 1)) | (((z >> b) & 1) << (3 * b + 2));
  return code;
}

/**
 * Reorders `order` inside every node's range by Morton cell (a counting sort: linear, stable) and
 * cuts the ranges into chunks; `positions` are in the caller's (unsorted) order. Bounds are filled
 * in by chunkBoxes once the arrays are in octree order.
 */
export function sortIntoChunks(nodes: readonly OctreeNode[], order: Uint32Array, positions: Float32Array): PickChunks {
  const cellStart = new Uint32Array(CELLS + 1);
  const keys = new Uint16Array(nodes.reduce((m, n) => Math.max(m, n.count), 0));
  const scratch = new Uint32Array(keys.length);
  const first = new Uint32Array(nodes.length + 1);
  const starts: number[] = [];
  const counts: number[] = [];
  const emit = (from: number, n: number) => {
    for (let s = 0; s < n; s += CHUNK_POINTS) {
      starts.push(from + s);
      counts.push(Math.min(CHUNK_POINTS, n - s));
    }
  };
  // Cells lo .. lo + span - 1 form an aligned sub-cube: one chunk if small enough, else its 8 octants.
  const split = (base: number, lo: number, span: number) => {
    const n = cellStart[lo + span]! - cellStart[lo]!;
    if (!n) return;
    if (n <= CHUNK_POINTS || span === 1) emit(base + cellStart[lo]!, n);
    else for (let o = 0; o < 8; o++) split(base, lo + (o * span) / 8, span / 8);
  };
  nodes.forEach((node, k) => {
    first[k] = starts.length;
    const n = node.count;
    if (n <= CHUNK_POINTS) {
      if (n) emit(node.start, n);
      return;
    }
    const scale = GRID / Math.max(1e-12, node.max[0] - node.min[0]);
    const q = (v: number, lo: number) => Math.min(GRID - 1, Math.max(0, Math.floor((v - lo) * scale)));
    cellStart.fill(0);
    for (let i = 0; i < n; i++) {
      const p = order[node.start + i]! * 3;
      const key = morton3(q(positions[p]!, node.min[0]), q(positions[p + 1]!, node.min[1]), q(positions[p + 2]!, node.min[2]));
      keys[i] = key;
      cellStart[key + 1]!++;
    }
    for (let c = 0; c < CELLS; c++) cellStart[c + 1]! += cellStart[c]!;
    const cursor = cellStart.slice(0, CELLS);
    for (let i = 0; i < n; i++) scratch[cursor[keys[i]!]!++] = order[node.start + i]!;
    order.set(scratch.subarray(0, n), node.start);
    split(node.start, 0, CELLS);
  });
  first[nodes.length] = starts.length;
  return { first, start: Uint32Array.from(starts), count: Uint32Array.from(counts), boxes: new Float32Array(starts.length * 6) };
}

/** Fills the tight bounds of every chunk; `positions` are in octree order. */
export function chunkBoxes(chunks: PickChunks, positions: Float32Array): void {
  const { start, count, boxes } = chunks;
  for (let j = 0; j < start.length; j++) {
    let x0 = Infinity, y0 = Infinity, z0 = Infinity, x1 = -Infinity, y1 = -Infinity, z1 = -Infinity;
    const end = start[j]! + count[j]!;
    for (let i = start[j]!; i < end; i++) {
      const x = positions[i * 3]!;
      const y = positions[i * 3 + 1]!;
      const z = positions[i * 3 + 2]!;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (z < z0) z0 = z;
      if (z > z1) z1 = z;
    }
    boxes[j * 6] = x0;
    boxes[j * 6 + 1] = y0;
    boxes[j * 6 + 2] = z0;
    boxes[j * 6 + 3] = x1;
    boxes[j * 6 + 4] = y1;
    boxes[j * 6 + 5] = z1;
  }
}
