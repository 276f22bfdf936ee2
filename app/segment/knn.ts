// k-nearest-neighbour graphs over a point cloud. Scans are surfaces in a room-sized box, so a uniform
// grid of cells (about one point spacing of the volume per cell) answers exact k-NN queries by
// visiting rings of cells around the query until no closer point can lie outside them; this is
// several times faster than descending a kd-tree per point on 10⁵–10⁶ points.

/** Neighbour lists of fixed length k per point: `index[i*k + j]` is the j-th nearest, nearest first. */
export interface KnnGraph {
  k: number;
  /** Point indices; -1 where fewer than k other points exist. */
  index: Int32Array;
  /** Squared distances matching `index`. */
  distanceSq: Float32Array;
}

/** Most cells the grid may have; a sparser grid is used when the bounding box would need more. */
const MAX_CELLS = 1 << 22;

/** The k nearest other points of every point (exact, deterministic; ties by smaller index). */
export function knnGraph(positions: Float32Array, k: number): KnnGraph {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`knnGraph: k must be a positive integer, got ${k}`);
  const n = Math.floor(positions.length / 3);
  const index = new Int32Array(n * k).fill(-1);
  const distanceSq = new Float32Array(n * k).fill(Infinity);
  if (n < 2) return { k, index, distanceSq };

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
  const ex = maxX - minX;
  const ey = maxY - minY;
  const ez = maxZ - minZ;
  // Cell edge: the spacing the points would have filling the box as a volume, a surface or a line,
  // whichever is largest (flat and thin clouds must not get cells far below their spacing), scaled up with k.
  const spacing = Math.max(Math.cbrt((ex * ey * ez) / n), Math.sqrt((ex * ey + ey * ez + ex * ez) / n), Math.max(ex, ey, ez) / n);
  let h = spacing * Math.max(1, Math.cbrt(k / 4));
  if (!(h > 0)) h = Math.max(ex, ey, ez, 1e-6);
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
  const cellOf = new Int32Array(n);
  const start = new Int32Array(cells + 1);
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
  const order = new Int32Array(n);
  const xyz = new Float64Array(n * 3);
  const fill = start.slice(0, cells);
  for (let i = 0; i < n; i++) {
    const p = fill[cellOf[i]!]!++;
    order[p] = i;
    xyz[3 * p] = positions[3 * i]!;
    xyz[3 * p + 1] = positions[3 * i + 1]!;
    xyz[3 * p + 2] = positions[3 * i + 2]!;
  }

  const bestD = new Float64Array(k);
  const bestI = new Int32Array(k);
  const maxRing = Math.max(nx, ny, nz);
  for (let i = 0; i < n; i++) {
    const x = positions[3 * i]!;
    const y = positions[3 * i + 1]!;
    const z = positions[3 * i + 2]!;
    const c = cellOf[i]!;
    const cz = c % nz;
    const cy = ((c - cz) / nz) % ny;
    const cx = (c - cz - cy * nz) / (nz * ny);
    // Distance from the query to the nearest face of its own cell: ring r+1 is at least r·h + m away.
    const m = Math.min(x - (minX + cx * h), minX + (cx + 1) * h - x, y - (minY + cy * h), minY + (cy + 1) * h - y, z - (minZ + cz * h), minZ + (cz + 1) * h - z);
    bestD.fill(Infinity);
    bestI.fill(-1);
    let found = 0;
    for (let r = 0; r <= maxRing; r++) {
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
            const cell = (gx * ny + gy) * nz + gz;
            for (let p = start[cell]!, end = start[cell + 1]!; p < end; p++) {
              const id = order[p]!;
              if (id === i) continue;
              const dx = xyz[3 * p]! - x;
              const dy = xyz[3 * p + 1]! - y;
              const dz = xyz[3 * p + 2]! - z;
              const d = dx * dx + dy * dy + dz * dz;
              const worst = bestD[k - 1]!;
              if (d > worst || (d === worst && id > bestI[k - 1]!)) continue;
              let j = k - 1;
              while (j > 0 && (bestD[j - 1]! > d || (bestD[j - 1] === d && bestI[j - 1]! > id))) {
                bestD[j] = bestD[j - 1]!;
                bestI[j] = bestI[j - 1]!;
                j--;
              }
              bestD[j] = d;
              bestI[j] = id;
              if (found < k) found++;
            }
          }
        }
      }
      if (found === k) {
        const reach = r * h + m;
        if (bestD[k - 1]! < reach * reach) break;
      }
      if (x0 === 0 && y0 === 0 && z0 === 0 && x1 === nx - 1 && y1 === ny - 1 && z1 === nz - 1) break;
    }
    for (let j = 0; j < k; j++) {
      index[i * k + j] = bestI[j]!;
      distanceSq[i * k + j] = bestD[j]!;
    }
  }
  return { k, index, distanceSq };
}
