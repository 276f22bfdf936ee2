// The grid k-nearest-neighbour query loop of app/segment/knn.ts (knnCells, scanRun, insert,
// ringSearch) as a WebAssembly kernel (AssemblyScript; built by tools/build-wasm.js into
// dist/wasm/knn.wasm). The JS stays the reference: every distance and bound here is the same f64
// expression in the same order (IEEE double is the same in both), the k best keep the same ties
// (smaller index first), and the first pass rounds its rows to f32 before the ring search reads them
// back, as the JS does through the graph's Float32Array. So the rows come out identical.
//
// The host builds the grid (planKnn) and copies it in; memory, laid out by `reserve`:
//   xyz f64[3n] | start i32[cells+1] | order i32[n] | rowsI i32[rows·k] | rowsD f32[rows·k]
//   | bestD f64[k] | bestI i32[k] | pending i32[2·rows]
// Rows are written by position in the sorted order: row r is the point order[start[cellFrom] + r].

let xyz: usize = 0;
let start: usize = 0;
let order: usize = 0;
let rowsI: usize = 0;
let rowsD: usize = 0;
let bestD: usize = 0;
let bestI: usize = 0;
let pending: usize = 0;
let K: i32 = 0;

let minX: f64 = 0;
let minY: f64 = 0;
let minZ: f64 = 0;
let h: f64 = 0;
let nx: i32 = 0;
let ny: i32 = 0;
let nz: i32 = 0;

function align16(x: u64): u64 {
  return (x + 15) & ~(<u64>15);
}

/**
 * Lays memory out for n points, `cells` grid cells, k neighbours and `rows` query rows, growing it if
 * needed. Returns 0 when that does not fit in 4 GiB, else 1; the caller then writes the grid at
 * xyzPtr / startPtr / orderPtr.
 */
export function reserve(n: u32, cells: u32, k: u32, rows: u32): i32 {
  const N = <u64>n;
  const R = <u64>rows;
  const k64 = <u64>k;
  const x = align16(<u64>__heap_base);
  const s = align16(x + 24 * N);
  const o = align16(s + 4 * (<u64>cells + 1));
  const ri = align16(o + 4 * N);
  const rd = align16(ri + 4 * R * k64);
  const bd = align16(rd + 4 * R * k64);
  const bi = align16(bd + 8 * k64);
  const pe = align16(bi + 4 * k64);
  const need = pe + 8 * R;
  if (need > 0xffff_0000) return 0;
  const pages = <i32>((need + 0xffff) >> 16);
  const have = memory.size();
  if (pages > have && memory.grow(pages - have) < 0) return 0;
  xyz = <usize>x;
  start = <usize>s;
  order = <usize>o;
  rowsI = <usize>ri;
  rowsD = <usize>rd;
  bestD = <usize>bd;
  bestI = <usize>bi;
  pending = <usize>pe;
  K = <i32>k;
  return 1;
}

export function xyzPtr(): usize {
  return xyz;
}
export function startPtr(): usize {
  return start;
}
export function orderPtr(): usize {
  return order;
}
export function rowsIndexPtr(): usize {
  return rowsI;
}
export function rowsDistancePtr(): usize {
  return rowsD;
}

/** The grid's origin, cell edge and size (KnnGrid's numbers). */
export function setGrid(x0: f64, y0: f64, z0: f64, edge: f64, cx: i32, cy: i32, cz: i32): void {
  minX = x0;
  minY = y0;
  minZ = z0;
  h = edge;
  nx = cx;
  ny = cy;
  nz = cz;
}

@inline function startAt(c: i32): i32 {
  return load<i32>(start + (<usize>c << 2));
}
@inline function orderAt(p: i32): i32 {
  return load<i32>(order + (<usize>p << 2));
}
@inline function bD(j: i32): f64 {
  return load<f64>(bestD + (<usize>j << 3));
}
@inline function bI(j: i32): i32 {
  return load<i32>(bestI + (<usize>j << 2));
}

/** Sorted insertion of (d, id) into the k best, nearest first, ties by smaller id. */
@inline function insert(d: f64, id: i32): void {
  let j = K - 1;
  while (j > 0) {
    const prevD = bD(j - 1);
    if (!(prevD > d || (prevD == d && bI(j - 1) > id))) break;
    store<f64>(bestD + (<usize>j << 3), prevD);
    store<i32>(bestI + (<usize>j << 2), bI(j - 1));
    j--;
  }
  store<f64>(bestD + (<usize>j << 3), d);
  store<i32>(bestI + (<usize>j << 2), id);
}

/** Offers the points order[first..end) to the k best of query i; answers the new k-th best distance. */
@inline function scanRun(first: i32, end: i32, x: f64, y: f64, z: f64, i: i32, worst: f64): f64 {
  const last = K - 1;
  for (let q = first; q < end; q++) {
    const at = xyz + <usize>q * 24;
    const dx = load<f64>(at) - x;
    const dy = load<f64>(at, 8) - y;
    const dz = load<f64>(at, 16) - z;
    const d = dx * dx + dy * dy + dz * dz;
    if (d > worst) continue;
    const id = orderAt(q);
    if (id == i || (d == worst && id > bI(last))) continue;
    insert(d, id);
    worst = bD(last);
  }
  return worst;
}

/**
 * Exact k-NN of the point at sorted position p (in cell c) by rings of cells from `firstRing` on,
 * continuing from the k best already in bestD / bestI.
 */
function ringSearch(p: i32, c: i32, firstRing: i32): void {
  const at = xyz + <usize>p * 24;
  const x = load<f64>(at);
  const y = load<f64>(at, 8);
  const z = load<f64>(at, 16);
  const i = orderAt(p);
  const cz = c % nz;
  const cy = ((c - cz) / nz) % ny;
  const cx = (c - cz - cy * nz) / (nz * ny);
  const m = min(min(min(x - (minX + <f64>cx * h), minX + <f64>(cx + 1) * h - x), min(y - (minY + <f64>cy * h), minY + <f64>(cy + 1) * h - y)), min(z - (minZ + <f64>cz * h), minZ + <f64>(cz + 1) * h - z));
  const maxRing = max(max(nx, ny), nz);
  const last = K - 1;
  for (let r = firstRing; r <= maxRing; r++) {
    const x0 = max(0, cx - r);
    const x1 = min(nx - 1, cx + r);
    const y0 = max(0, cy - r);
    const y1 = min(ny - 1, cy + r);
    const z0 = max(0, cz - r);
    const z1 = min(nz - 1, cz + r);
    for (let gx = x0; gx <= x1; gx++) {
      const onX = gx == cx - r || gx == cx + r;
      const bx = gx < cx ? x - (minX + <f64>(gx + 1) * h) : gx > cx ? minX + <f64>gx * h - x : 0;
      for (let gy = y0; gy <= y1; gy++) {
        const onXY = onX || gy == cy - r || gy == cy + r;
        const by = gy < cy ? y - (minY + <f64>(gy + 1) * h) : gy > cy ? minY + <f64>gy * h - y : 0;
        for (let gz = z0; gz <= z1; gz++) {
          if (!onXY && gz != cz - r && gz != cz + r) continue;
          const bz = gz < cz ? z - (minZ + <f64>(gz + 1) * h) : gz > cz ? minZ + <f64>gz * h - z : 0;
          const worst = bD(last);
          if (bx * bx + by * by + bz * bz > worst) continue;
          const cell = (gx * ny + gy) * nz + gz;
          scanRun(startAt(cell), startAt(cell + 1), x, y, z, i, worst);
        }
      }
    }
    const reach = <f64>r * h + m;
    if (bD(last) < reach * reach) break;
    if (x0 == 0 && y0 == 0 && z0 == 0 && x1 == nx - 1 && y1 == ny - 1 && z1 == nz - 1) break;
  }
}

/**
 * knnCells for the points of cells [cellFrom, cellTo): fills rows 0 .. start[cellTo] − start[cellFrom]
 * (indices, and squared distances as f32; −1 and Infinity where fewer than k points exist).
 */
export function knnCells(cellFrom: i32, cellTo: i32): void {
  const k = K;
  const last = k - 1;
  const base = startAt(cellFrom);
  let pendingCount = 0;
  for (let c = cellFrom; c < cellTo; c++) {
    const first = startAt(c);
    const end = startAt(c + 1);
    if (first == end) continue;
    const cz = c % nz;
    const cy = ((c - cz) / nz) % ny;
    const cx = (c - cz - cy * nz) / (nz * ny);
    const x0 = max(0, cx - 1);
    const x1 = min(nx - 1, cx + 1);
    const y0 = max(0, cy - 1);
    const y1 = min(ny - 1, cy + 1);
    const z0 = max(0, cz - 1);
    const z1 = min(nz - 1, cz + 1);
    const cellX = minX + <f64>cx * h;
    const cellX1 = minX + <f64>(cx + 1) * h;
    const cellY = minY + <f64>cy * h;
    const cellY1 = minY + <f64>(cy + 1) * h;
    const cellZ = minZ + <f64>cz * h;
    const cellZ1 = minZ + <f64>(cz + 1) * h;
    for (let p = first; p < end; p++) {
      const i = orderAt(p);
      const at = xyz + <usize>p * 24;
      const x = load<f64>(at);
      const y = load<f64>(at, 8);
      const z = load<f64>(at, 16);
      for (let j = 0; j < k; j++) {
        store<f64>(bestD + (<usize>j << 3), Infinity);
        store<i32>(bestI + (<usize>j << 2), -1);
      }
      const lx = x - cellX;
      const hx = cellX1 - x;
      const ly = y - cellY;
      const hy = cellY1 - y;
      const lz = z - cellZ;
      const hz = cellZ1 - z;
      let worst = scanRun(first, end, x, y, z, i, Infinity);
      for (let gx = x0; gx <= x1; gx++) {
        const ax = gx < cx ? lx * lx : gx > cx ? hx * hx : 0;
        if (ax > worst) continue;
        for (let gy = y0; gy <= y1; gy++) {
          const axy = ax + (gy < cy ? ly * ly : gy > cy ? hy * hy : 0);
          if (axy > worst) continue;
          const column = (gx * ny + gy) * nz;
          for (let gz = z0; gz <= z1; gz++) {
            if (gx == cx && gy == cy && gz == cz) continue;
            if (axy + (gz < cz ? lz * lz : gz > cz ? hz * hz : 0) > worst) continue;
            const cell = column + gz;
            worst = scanRun(startAt(cell), startAt(cell + 1), x, y, z, i, worst);
          }
        }
      }
      let m = Infinity;
      if (x0 > 0) m = min(m, lx);
      if (x1 < nx - 1) m = min(m, hx);
      if (y0 > 0) m = min(m, ly);
      if (y1 < ny - 1) m = min(m, hy);
      if (z0 > 0) m = min(m, lz);
      if (z1 < nz - 1) m = min(m, hz);
      const reach = h + m;
      const row = <usize>(p - base) * <usize>k;
      for (let j = 0; j < k; j++) {
        store<i32>(rowsI + ((row + <usize>j) << 2), bI(j));
        store<f32>(rowsD + ((row + <usize>j) << 2), <f32>bD(j));
      }
      if (!(bD(last) < reach * reach)) {
        store<i32>(pending + (<usize>pendingCount << 3), p);
        store<i32>(pending + (<usize>pendingCount << 3), c, 4);
        pendingCount++;
      }
    }
  }
  // The rest go on from ring 2 with what the block found, read back as f32 like the JS's graph rows.
  for (let e = 0; e < pendingCount; e++) {
    const p = load<i32>(pending + (<usize>e << 3));
    const c = load<i32>(pending + (<usize>e << 3), 4);
    const row = <usize>(p - base) * <usize>k;
    for (let j = 0; j < k; j++) {
      store<i32>(bestI + (<usize>j << 2), load<i32>(rowsI + ((row + <usize>j) << 2)));
      store<f64>(bestD + (<usize>j << 3), <f64>load<f32>(rowsD + ((row + <usize>j) << 2)));
    }
    ringSearch(p, c, 2);
    for (let j = 0; j < k; j++) {
      store<i32>(rowsI + ((row + <usize>j) << 2), bI(j));
      store<f32>(rowsD + ((row + <usize>j) << 2), <f32>bD(j));
    }
  }
}
