// k-nearest-neighbour graphs over a point cloud. Scans are surfaces in a room-sized box, so a uniform
// grid of cells answers exact k-NN queries. Each point searches its own cell first, then the 26 cells
// around it, skipping any cell farther than its k-th best so far; a query whose k-th neighbour may lie
// beyond those goes on by rings of cells until no closer point can lie outside them. The cell edge
// comes from a sample of the scan's own k-th neighbour distances, so dense and sparse scans alike
// mostly finish within one cell of their own. Exact: the answer does not depend on the cell edge.

/** Neighbour lists of fixed length k per point: `index[i*k + j]` is the j-th nearest, nearest first. */
export interface KnnGraph {
  k: number;
  /** Point indices; -1 where fewer than k other points exist. */
  index: Int32Array;
  /** Squared distances matching `index`. */
  distanceSq: Float32Array;
}

/** Most cells the grid may have; a coarser grid is used when the bounding box would need more. */
const MAX_CELLS = 1 << 22;
/** Queries sampled (evenly over the point order) to pick the cell edge. */
const SAMPLE = 1024;

/** The grid the queries run on: plain numbers and typed arrays, so that threads can share it. */
export interface KnnGrid {
  minX: number;
  minY: number;
  minZ: number;
  h: number;
  nx: number;
  ny: number;
  nz: number;
  /** Per point: its cell. */
  cellOf: Int32Array;
  /** Points of cell c are order[start[c] .. start[c+1]), ascending index. */
  start: Int32Array;
  order: Int32Array;
  /** Coordinates in `order`'s order. */
  xyz: Float64Array;
}

/** Everything a query over a range of cells needs; queries over disjoint ranges write disjoint rows. */
export interface KnnPlan {
  k: number;
  n: number;
  /** Null for fewer than two points (every row stays empty). */
  grid: KnnGrid | null;
}

/** Makes the buffers of the graph and the grid: a SharedArrayBuffer lets worker threads fill one graph. */
export type BufferAlloc = (bytes: number) => ArrayBufferLike;
const plainAlloc: BufferAlloc = (bytes) => new ArrayBuffer(bytes);

interface Box {
  minX: number;
  minY: number;
  minZ: number;
  ex: number;
  ey: number;
  ez: number;
}

/** The k nearest other points of every point (exact, deterministic; ties by smaller index). */
export function knnGraph(positions: Float32Array, k: number): KnnGraph {
  const plan = planKnn(positions, k);
  const graph = emptyKnnGraph(plan.n, k);
  if (plan.grid) knnCells(plan, positions, graph, 0, plan.grid.nx * plan.grid.ny * plan.grid.nz);
  return graph;
}

/** A graph with every row empty (index -1, distance Infinity), in buffers from `alloc`. */
export function emptyKnnGraph(n: number, k: number, alloc: BufferAlloc = plainAlloc): KnnGraph {
  const index = new Int32Array(alloc(4 * n * k)).fill(-1);
  const distanceSq = new Float32Array(alloc(4 * n * k)).fill(Infinity);
  return { k, index, distanceSq };
}

/**
 * The grid for k-NN queries. A first grid at the scan's volume / surface spacing answers a sample
 * of queries; their k-th neighbour distances set the final cell edge. Deterministic.
 */
export function planKnn(positions: Float32Array, k: number, alloc: BufferAlloc = plainAlloc): KnnPlan {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`knnGraph: k must be a positive integer, got ${k}`);
  const n = Math.floor(positions.length / 3);
  if (n < 2) return { k, n, grid: null };
  const box = bounds(positions, n);
  const coarse = buildGrid(positions, n, box, initialCellEdge(box, n, k), plainAlloc);
  const sampleD = new Float64Array(Math.min(n, SAMPLE));
  const bestD = new Float64Array(k);
  const bestI = new Int32Array(k);
  for (let s = 0; s < sampleD.length; s++) {
    const i = Math.floor((s * n) / sampleD.length);
    ringSearch(coarse, positions, i, k, bestD, bestI);
    sampleD[s] = Math.sqrt(bestD[k - 1]!);
  }
  return { k, n, grid: buildGrid(positions, n, box, cellEdgeFromSample(sampleD, coarse.h), alloc) };
}

/**
 * Cell boundaries 0 = c0 < … < c_parts = cells cutting the grid into `parts` runs of cells with
 * about equal numbers of points (a run holds whole cells, so counts differ by up to a cell).
 */
export function splitCells(plan: KnnPlan, parts: number): number[] {
  const grid = plan.grid;
  if (!grid) return [0, 0];
  const cells = grid.nx * grid.ny * grid.nz;
  const cuts = [0];
  let c = 0;
  for (let p = 1; p < parts; p++) {
    const target = Math.round((p * plan.n) / parts);
    // start[] is non-decreasing: the first cell at or past the target point.
    let lo = c;
    let hi = cells;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (grid.start[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    c = lo;
    cuts.push(c);
  }
  cuts.push(cells);
  return cuts;
}

/**
 * Fills the rows of the points in cells [cellFrom, cellTo) of `out`: each point searches its own cell
 * first, then the 26 around it, and goes on by rings when its k-th neighbour may lie farther.
 */
export function knnCells(plan: KnnPlan, positions: Float32Array, out: KnnGraph, cellFrom: number, cellTo: number): void {
  const { k, grid } = plan;
  if (!grid) return;
  const { index, distanceSq } = out;
  const { nx, ny, nz, h, start, order, xyz, minX, minY, minZ } = grid;
  const bestD = new Float64Array(k);
  const bestI = new Int32Array(k);
  const pending = new Int32Array(Math.max(0, start[cellTo]! - start[cellFrom]!));
  let pendingCount = 0;
  for (let c = cellFrom; c < cellTo; c++) {
    const first = start[c]!;
    const last = start[c + 1]!;
    if (first === last) continue;
    const cz = c % nz;
    const cy = ((c - cz) / nz) % ny;
    const cx = (c - cz - cy * nz) / (nz * ny);
    const x0 = Math.max(0, cx - 1);
    const x1 = Math.min(nx - 1, cx + 1);
    const y0 = Math.max(0, cy - 1);
    const y1 = Math.min(ny - 1, cy + 1);
    const z0 = Math.max(0, cz - 1);
    const z1 = Math.min(nz - 1, cz + 1);
    for (let p = first; p < last; p++) {
      const i = order[p]!;
      const x = xyz[3 * p]!;
      const y = xyz[3 * p + 1]!;
      const z = xyz[3 * p + 2]!;
      bestD.fill(Infinity);
      bestI.fill(-1);
      // Squared distance from the query to the neighbouring cells' slabs on each axis: below, own, above.
      const lx = x - (minX + cx * h);
      const hx = minX + (cx + 1) * h - x;
      const ly = y - (minY + cy * h);
      const hy = minY + (cy + 1) * h - y;
      const lz = z - (minZ + cz * h);
      const hz = minZ + (cz + 1) * h - z;
      // The own cell first: its points are the likeliest neighbours and bound the search early.
      let worst = scanRun(xyz, order, start[c]!, start[c + 1]!, x, y, z, i, k, bestD, bestI, Infinity);
      for (let gx = x0; gx <= x1; gx++) {
        const ax = gx < cx ? lx * lx : gx > cx ? hx * hx : 0;
        if (ax > worst) continue;
        for (let gy = y0; gy <= y1; gy++) {
          const axy = ax + (gy < cy ? ly * ly : gy > cy ? hy * hy : 0);
          if (axy > worst) continue;
          const column = (gx * ny + gy) * nz;
          for (let gz = z0; gz <= z1; gz++) {
            if (gx === cx && gy === cy && gz === cz) continue;
            // A cell whose nearest face is farther than the k-th best cannot hold a better point.
            if (axy + (gz < cz ? lz * lz : gz > cz ? hz * hz : 0) > worst) continue;
            const cell = column + gz;
            worst = scanRun(xyz, order, start[cell]!, start[cell + 1]!, x, y, z, i, k, bestD, bestI, worst);
          }
        }
      }
      // Nearest point outside the block: one cell edge plus the distance to the own cell's nearest
      // face, on the sides where the grid goes on past the block.
      let m = Infinity;
      if (x0 > 0) m = Math.min(m, lx);
      if (x1 < nx - 1) m = Math.min(m, hx);
      if (y0 > 0) m = Math.min(m, ly);
      if (y1 < ny - 1) m = Math.min(m, hy);
      if (z0 > 0) m = Math.min(m, lz);
      if (z1 < nz - 1) m = Math.min(m, hz);
      const reach = h + m;
      for (let j = 0; j < k; j++) {
        index[i * k + j] = bestI[j]!;
        distanceSq[i * k + j] = bestD[j]!;
      }
      if (!(bestD[k - 1]! < reach * reach)) pending[pendingCount++] = i;
    }
  }
  // The rest go on from ring 2 (rings 0 and 1 are the block) with what the block found.
  for (let p = 0; p < pendingCount; p++) {
    const i = pending[p]!;
    for (let j = 0; j < k; j++) {
      bestI[j] = index[i * k + j]!;
      bestD[j] = distanceSq[i * k + j]!;
    }
    ringSearch(grid, positions, i, k, bestD, bestI, 2);
    for (let j = 0; j < k; j++) {
      index[i * k + j] = bestI[j]!;
      distanceSq[i * k + j] = bestD[j]!;
    }
  }
}

/** Offers the points order[first..end) to the k best of query i; answers the new k-th best distance. */
function scanRun(xyz: Float64Array, order: Int32Array, first: number, end: number, x: number, y: number, z: number, i: number, k: number, bestD: Float64Array, bestI: Int32Array, worst: number): number {
  for (let q = first; q < end; q++) {
    const dx = xyz[3 * q]! - x;
    const dy = xyz[3 * q + 1]! - y;
    const dz = xyz[3 * q + 2]! - z;
    const d = dx * dx + dy * dy + dz * dz;
    if (d > worst) continue;
    const id = order[q]!;
    if (id === i || (d === worst && id > bestI[k - 1]!)) continue;
    insert(bestD, bestI, k, d, id);
    worst = bestD[k - 1]!;
  }
  return worst;
}

/** Sorted insertion of (d, id) into the k best, nearest first, ties by smaller id. */
function insert(bestD: Float64Array, bestI: Int32Array, k: number, d: number, id: number): void {
  let j = k - 1;
  while (j > 0 && (bestD[j - 1]! > d || (bestD[j - 1] === d && bestI[j - 1]! > id))) {
    bestD[j] = bestD[j - 1]!;
    bestI[j] = bestI[j - 1]!;
    j--;
  }
  bestD[j] = d;
  bestI[j] = id;
}

/** Exact k-NN of point i by rings of cells around its own, until no closer point can lie outside. */
function ringSearch(grid: KnnGrid, positions: Float32Array, i: number, k: number, bestD: Float64Array, bestI: Int32Array, firstRing = 0): void {
  const { nx, ny, nz, h, start, order, xyz, minX, minY, minZ, cellOf } = grid;
  const x = positions[3 * i]!;
  const y = positions[3 * i + 1]!;
  const z = positions[3 * i + 2]!;
  const c = cellOf[i]!;
  const cz = c % nz;
  const cy = ((c - cz) / nz) % ny;
  const cx = (c - cz - cy * nz) / (nz * ny);
  // Distance from the query to the nearest face of its own cell: ring r+1 is at least r·h + m away.
  const m = Math.min(x - (minX + cx * h), minX + (cx + 1) * h - x, y - (minY + cy * h), minY + (cy + 1) * h - y, z - (minZ + cz * h), minZ + (cz + 1) * h - z);
  if (firstRing === 0) {
    bestD.fill(Infinity);
    bestI.fill(-1);
  }
  const maxRing = Math.max(nx, ny, nz);
  for (let r = firstRing; r <= maxRing; r++) {
    const x0 = Math.max(0, cx - r);
    const x1 = Math.min(nx - 1, cx + r);
    const y0 = Math.max(0, cy - r);
    const y1 = Math.min(ny - 1, cy + r);
    const z0 = Math.max(0, cz - r);
    const z1 = Math.min(nz - 1, cz + r);
    for (let gx = x0; gx <= x1; gx++) {
      const onX = gx === cx - r || gx === cx + r;
      for (let gy = y0; gy <= y1; gy++) {
        const onXY = onX || gy === cy - r || gy === cy + r;
        for (let gz = z0; gz <= z1; gz++) {
          // Only the shell of the ring: inner cells were visited at smaller r.
          if (!onXY && gz !== cz - r && gz !== cz + r) continue;
          // Skip a cell whose nearest point is farther than the k-th best.
          const bx = gx < cx ? x - (minX + (gx + 1) * h) : gx > cx ? minX + gx * h - x : 0;
          const by = gy < cy ? y - (minY + (gy + 1) * h) : gy > cy ? minY + gy * h - y : 0;
          const bz = gz < cz ? z - (minZ + (gz + 1) * h) : gz > cz ? minZ + gz * h - z : 0;
          const worst = bestD[k - 1]!;
          if (bx * bx + by * by + bz * bz > worst) continue;
          const cell = (gx * ny + gy) * nz + gz;
          scanRun(xyz, order, start[cell]!, start[cell + 1]!, x, y, z, i, k, bestD, bestI, worst);
        }
      }
    }
    // An unfilled slot holds Infinity, so this also waits until k points are found.
    const reach = r * h + m;
    if (bestD[k - 1]! < reach * reach) break;
    if (x0 === 0 && y0 === 0 && z0 === 0 && x1 === nx - 1 && y1 === ny - 1 && z1 === nz - 1) break;
  }
}

function bounds(positions: Float32Array, n: number): Box {
  let minX = Infinity;
  let minY = Infinity;
  let minZ = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let maxZ = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = positions[3 * i]!;
    const y = positions[3 * i + 1]!;
    const z = positions[3 * i + 2]!;
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(z))) throw new RangeError(`knnGraph: point ${i} is not finite`);
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (z < minZ) minZ = z;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
    if (z > maxZ) maxZ = z;
  }
  return { minX, minY, minZ, ex: maxX - minX, ey: maxY - minY, ez: maxZ - minZ };
}

/**
 * The spacing the points would have filling the box as a volume, a surface or a line, whichever is
 * largest (flat and thin clouds must not get cells far below their spacing), scaled up with k.
 */
function initialCellEdge({ ex, ey, ez }: Box, n: number, k: number): number {
  const spacing = Math.max(Math.cbrt((ex * ey * ez) / n), Math.sqrt((ex * ey + ey * ez + ex * ez) / n), Math.max(ex, ey, ez) / n);
  const h = spacing * Math.max(1, Math.cbrt(k / 4));
  return h > 0 ? h : Math.max(ex, ey, ez, 1e-6);
}

/**
 * The cell edge for the block queries: the sample's 0.9-quantile k-th neighbour distance, so that
 * nine queries in ten find all their neighbours within one cell of their own (where the scan is
 * denser, cells beyond the k-th best distance are skipped). Never above the first grid's edge.
 */
function cellEdgeFromSample(sample: Float64Array, coarse: number): number {
  const sorted = Float64Array.from(sample).sort();
  const q = sorted[Math.floor(0.9 * (sorted.length - 1))]!;
  return q > 0 && q < coarse ? q : coarse;
}

function buildGrid(positions: Float32Array, n: number, box: Box, edge: number, alloc: BufferAlloc): KnnGrid {
  const { minX, minY, minZ, ex, ey, ez } = box;
  let h = edge;
  let nx = 0;
  let ny = 0;
  let nz = 0;
  for (;;) {
    nx = Math.floor(ex / h) + 1;
    ny = Math.floor(ey / h) + 1;
    nz = Math.floor(ez / h) + 1;
    if (nx * ny * nz <= MAX_CELLS) break;
    h *= 1.5;
  }
  const cells = nx * ny * nz;
  const cellOf = new Int32Array(alloc(4 * n));
  const start = new Int32Array(alloc(4 * (cells + 1)));
  for (let i = 0; i < n; i++) {
    const cx = Math.min(nx - 1, Math.floor((positions[3 * i]! - minX) / h));
    const cy = Math.min(ny - 1, Math.floor((positions[3 * i + 1]! - minY) / h));
    const cz = Math.min(nz - 1, Math.floor((positions[3 * i + 2]! - minZ) / h));
    const c = (cx * ny + cy) * nz + cz;
    cellOf[i] = c;
    start[c + 1]!++;
  }
  for (let c = 0; c < cells; c++) start[c + 1]! += start[c]!;
  // Points sorted by cell (stable: ascending index within a cell), coordinates copied in that order.
  const order = new Int32Array(alloc(4 * n));
  const xyz = new Float64Array(alloc(8 * n * 3));
  const fill = start.slice(0, cells);
  for (let i = 0; i < n; i++) {
    const p = fill[cellOf[i]!]!++;
    order[p] = i;
    xyz[3 * p] = positions[3 * i]!;
    xyz[3 * p + 1] = positions[3 * i + 1]!;
    xyz[3 * p + 2] = positions[3 * i + 2]!;
  }
  return { minX, minY, minZ, h, nx, ny, nz, cellOf, start, order, xyz };
}
