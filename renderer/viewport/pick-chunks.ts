// Pick chunks: each octree node's points are sorted into Morton order of a 16³ grid over the node's
// cube, then cut into runs that are aligned sub-cubes of that grid (split until a run holds at most
// CHUNK_POINTS), each with tight bounds. A node keeps exactly the same set of points (only their
// order inside its range changes), so level of detail is untouched; a pick then draws only the runs
// whose bounds can reach the cursor (pick-region.ts) instead of whole nodes, whose random subsets
// are spread over the whole cube.
//
// Load time: this runs on positions already gathered into octree order, so every read and write
// stays inside one node's range (at most the node capacity, a few hundred KB: cache-resident). An
// earlier version read positions through `order` (a random gather over the whole cloud, one cache
// miss per point) and then gathered them a second time for the upload.
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
export const CHUNK_GRID_BITS = 4;
const GRID = 1 << CHUNK_GRID_BITS;
const CELLS = GRID * GRID * GRID;

/** SPREAD[v]: the 4 bits of v moved to bits 0, 3, 6, 9 (x; y and z are this shifted by 1 and 2). */
const SPREAD = new Uint16Array(GRID);
for (let v = 0; v < GRID; v++) for (let b = 0; b < CHUNK_GRID_BITS; b++) SPREAD[v]! |= ((v >> b) & 1) << (3 * b);

/** Grows a Uint32Array list without per-item objects. */
class U32List {
  data = new Uint32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Sorts every node's range by Morton cell (a counting sort: linear and stable), moving `positions`
 * (xyz, octree order) and `order` together, and cuts each range into chunks with tight bounds.
 */
export function sortNodesIntoChunks(nodes: readonly OctreeNode[], order: Uint32Array, positions: Float32Array): PickChunks {
  const largest = nodes.reduce((m, n) => Math.max(m, n.count), 0);
  const cellStart = new Uint32Array(CELLS + 1);
  const cursor = new Uint32Array(CELLS);
  const keys = new Uint16Array(largest);
  const orderScratch = new Uint32Array(largest);
  const posScratch = new Float32Array(largest * 3);
  const first = new Uint32Array(nodes.length + 1);
  const starts = new U32List();
  const counts = new U32List();
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
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k]!;
    first[k] = starts.length;
    const n = node.count;
    const s = node.start;
    if (n <= CHUNK_POINTS) {
      if (n) emit(s, n);
      continue;
    }
    const scale = GRID / Math.max(1e-12, node.max[0] - node.min[0]);
    const [x0, y0, z0] = node.min;
    cellStart.fill(0);
    for (let i = 0; i < n; i++) {
      const p = (s + i) * 3;
      const key = SPREAD[cell(positions[p]!, x0, scale)]! | (SPREAD[cell(positions[p + 1]!, y0, scale)]! << 1) | (SPREAD[cell(positions[p + 2]!, z0, scale)]! << 2);
      keys[i] = key;
      cellStart[key + 1]!++;
    }
    for (let c = 0; c < CELLS; c++) cellStart[c + 1]! += cellStart[c]!;
    cursor.set(cellStart.subarray(0, CELLS));
    for (let i = 0; i < n; i++) {
      const d = cursor[keys[i]!]!++;
      orderScratch[d] = order[s + i]!;
      const p = (s + i) * 3;
      posScratch[d * 3] = positions[p]!;
      posScratch[d * 3 + 1] = positions[p + 1]!;
      posScratch[d * 3 + 2] = positions[p + 2]!;
    }
    order.set(orderScratch.subarray(0, n), s);
    positions.set(posScratch.subarray(0, n * 3), s * 3);
    split(s, 0, CELLS);
  }
  first[nodes.length] = starts.length;
  const chunks: PickChunks = { first, start: starts.done(), count: counts.done(), boxes: new Float32Array(starts.length * 6) };
  chunkBoxes(chunks, positions);
  return chunks;
}

/** Grid cell of v along one axis: floor((v - lo) · scale) clamped to the grid. */
function cell(v: number, lo: number, scale: number): number {
  const c = Math.floor((v - lo) * scale);
  return c < 0 ? 0 : c >= GRID ? GRID - 1 : c;
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
