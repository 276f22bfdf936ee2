// The floor outline of a scan, concave where the room is (an L, a T, a notch for a stairwell). The
// wall and floor points are binned on a 10 cm grid; gaps under furniture and between scan strips are
// closed (dilate, then erode, by CLOSE_RADIUS), holes filled, the largest region kept and its boundary
// traced along cell edges; the staircase is simplified (Douglas–Peucker) and pulled in by half a cell,
// since a cell reaches on average that far past the wall points in it. The convex hull stays the
// outline unless the concave one leaves out a real part of it (CONCAVE_MIN_AREA, CONCAVE_MIN_SHARE), so a rectangular room's
// walls stay exactly on its outermost points.
import { convexHull2d, polygonArea } from '../geometry/hull2d';
import { pointInPolygon } from './room-geometry';
import type { Vec2 } from './types';

export const OUTLINE_CELL = 0.1;
/** Gaps narrower than twice this (m) are closed: a doorway, a scan strip, the floor under a bed. */
export const CLOSE_RADIUS = 0.4;
/** The concave outline is used when it leaves out at least this much of the hull (m²)… */
export const CONCAVE_MIN_AREA = 1.0;
/** …and at least this share of it (so scan noise along a straight wall never counts). */
export const CONCAVE_MIN_SHARE = 0.05;
/** Staircase vertices within this of the simplified edge are dropped. */
export const OUTLINE_DP_TOLERANCE = 0.15;

export interface FloorOutline {
  polygon: Vec2[];
  concave: boolean;
  /** Area of the concave outline over the hull's (1 when only the hull was made). */
  share: number;
}

function dilate(grid: Uint8Array, nx: number, ny: number, r: number): Uint8Array {
  // Separable square max filter: rows, then columns.
  const rows = new Uint8Array(grid.length);
  for (let j = 0; j < ny; j++) {
    const row = j * nx;
    let prev = -Infinity;
    for (let i = 0; i < nx; i++) {
      if (grid[row + i]) prev = i;
      if (i - prev <= r) rows[row + i] = 1;
    }
    let next = Infinity;
    for (let i = nx - 1; i >= 0; i--) {
      if (grid[row + i]) next = i;
      if (next - i <= r) rows[row + i] = 1;
    }
  }
  const out = new Uint8Array(grid.length);
  for (let i = 0; i < nx; i++) {
    let prev = -Infinity;
    for (let j = 0; j < ny; j++) {
      if (rows[j * nx + i]) prev = j;
      if (j - prev <= r) out[j * nx + i] = 1;
    }
    let next = Infinity;
    for (let j = ny - 1; j >= 0; j--) {
      if (rows[j * nx + i]) next = j;
      if (next - j <= r) out[j * nx + i] = 1;
    }
  }
  return out;
}

const invert = (g: Uint8Array) => g.map((v) => (v ? 0 : 1));

/** Cells reachable from `seeds` through cells where `open` is 1 (4-neighbours). */
function flood(open: Uint8Array, nx: number, ny: number, seeds: number[]): Uint8Array {
  const seen = new Uint8Array(open.length);
  const stack = seeds.filter((s) => open[s]);
  for (const s of stack) seen[s] = 1;
  while (stack.length > 0) {
    const k = stack.pop()!;
    const i = k % nx;
    const j = (k - i) / nx;
    for (const q of [i > 0 ? k - 1 : -1, i < nx - 1 ? k + 1 : -1, j > 0 ? k - nx : -1, j < ny - 1 ? k + nx : -1])
      if (q >= 0 && open[q] && !seen[q]) {
        seen[q] = 1;
        stack.push(q);
      }
  }
  return seen;
}

/** Boundary loops of the filled cells, interior on the left (counter-clockwise for the outer one), in cell-corner units. */
function traceLoops(cells: Uint8Array, nx: number, ny: number): Array<Array<[number, number]>> {
  const at = (i: number, j: number) => i >= 0 && j >= 0 && i < nx && j < ny && cells[j * nx + i] === 1;
  // Directed edges keyed by start corner; corner (i, j) has key j * (nx + 1) + i.
  const W = nx + 1;
  const out = new Map<number, number[]>();
  const add = (a: [number, number], b: [number, number]) => {
    const ka = a[1] * W + a[0];
    const kb = b[1] * W + b[0];
    const list = out.get(ka);
    if (list) list.push(kb);
    else out.set(ka, [kb]);
  };
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      if (!at(i, j)) continue;
      if (!at(i, j - 1)) add([i, j], [i + 1, j]);
      if (!at(i + 1, j)) add([i + 1, j], [i + 1, j + 1]);
      if (!at(i, j + 1)) add([i + 1, j + 1], [i, j + 1]);
      if (!at(i - 1, j)) add([i, j + 1], [i, j]);
    }
  const loops: Array<Array<[number, number]>> = [];
  for (const [start] of out) {
    while ((out.get(start)?.length ?? 0) > 0) {
      const loop: Array<[number, number]> = [];
      let k = start;
      let dir: [number, number] = [0, 0];
      for (let guard = 0; guard < 4 * (nx + 1) * (ny + 1); guard++) {
        const list = out.get(k);
        if (!list || list.length === 0) break;
        const p: [number, number] = [k % W, Math.floor(k / W)];
        // At a pinch corner (two outgoing edges) take the left turn, so loops never cross.
        let pick = 0;
        if (list.length > 1) {
          const turn = (q: number) => dir[0] * (Math.floor(q / W) - p[1]) - dir[1] * ((q % W) - p[0]);
          pick = turn(list[1]!) > turn(list[0]!) ? 1 : 0;
        }
        const next = list.splice(pick, 1)[0]!;
        loop.push(p);
        dir = [(next % W) - p[0], Math.floor(next / W) - p[1]];
        k = next;
        if (k === start) break;
      }
      if (loop.length >= 4) loops.push(loop);
    }
  }
  return loops;
}

function douglasPeucker(pts: Vec2[], tol: number): Vec2[] {
  if (pts.length < 3) return pts;
  const keep = new Uint8Array(pts.length);
  keep[0] = 1;
  keep[pts.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, pts.length - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = pts[a]!;
    const [bx, by] = pts[b]!;
    const len = Math.hypot(bx - ax, by - ay) || 1;
    let worst = -1;
    let worstD = tol;
    for (let i = a + 1; i < b; i++) {
      const d = Math.abs((bx - ax) * (ay - pts[i]![1]) - (ax - pts[i]![0]) * (by - ay)) / len;
      if (d > worstD) {
        worstD = d;
        worst = i;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}

/** Each edge moved `d` to its left (inwards for a counter-clockwise polygon), corners re-intersected. */
export function offsetInward(poly: readonly Vec2[], d: number): Vec2[] {
  const n = poly.length;
  const lines = poly.map((a, i) => {
    const b = poly[(i + 1) % n]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
    const nrm: Vec2 = [-(b[1] - a[1]) / len, (b[0] - a[0]) / len];
    return { p: [a[0] + nrm[0] * d, a[1] + nrm[1] * d] as Vec2, dir: [(b[0] - a[0]) / len, (b[1] - a[1]) / len] as Vec2, nrm };
  });
  return poly.map((v, i) => {
    const l0 = lines[(i + n - 1) % n]!;
    const l1 = lines[i]!;
    const den = l0.dir[0] * l1.dir[1] - l0.dir[1] * l1.dir[0];
    if (Math.abs(den) < 1e-6) return [v[0] + l1.nrm[0] * d, v[1] + l1.nrm[1] * d] as Vec2;
    const t = ((l1.p[0] - l0.p[0]) * l1.dir[1] - (l1.p[1] - l0.p[1]) * l1.dir[0]) / den;
    return [l0.p[0] + l0.dir[0] * t, l0.p[1] + l0.dir[1] * t] as Vec2;
  });
}

export interface FloorOutlineOptions {
  /** More xy points that stand on the floor (the furniture's): they fill the grid where they hide the floor, but do not widen the hull. */
  also?: ArrayLike<number>;
  /** Points that must be inside a concave outline (object centres inside the hull); otherwise the hull is kept. */
  mustContain?: readonly Vec2[];
}

/** The floor outline of interleaved xy points (wall and floor points of a scan). */
export function floorOutline(xy: ArrayLike<number>, options: FloorOutlineOptions = {}): FloorOutline {
  const hull = convexHull2d(xy) as Vec2[];
  const hullArea = Math.abs(polygonArea(hull));
  const n = Math.floor(xy.length / 2);
  if (n < 3 || hullArea < 1) return { polygon: hull, concave: false, share: 1 };
  const r = Math.round(CLOSE_RADIUS / OUTLINE_CELL);
  const pad = r + 2;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let k = 0; k < n; k++) {
    x0 = Math.min(x0, xy[2 * k]!);
    y0 = Math.min(y0, xy[2 * k + 1]!);
    x1 = Math.max(x1, xy[2 * k]!);
    y1 = Math.max(y1, xy[2 * k + 1]!);
  }
  const nx = Math.ceil((x1 - x0) / OUTLINE_CELL) + 1 + 2 * pad;
  const ny = Math.ceil((y1 - y0) / OUTLINE_CELL) + 1 + 2 * pad;
  if (nx * ny > 4e6) return { polygon: hull, concave: false, share: 1 };
  const ox = x0 - pad * OUTLINE_CELL;
  const oy = y0 - pad * OUTLINE_CELL;
  const occ = new Uint8Array(nx * ny);
  for (let k = 0; k < n; k++) occ[Math.floor((xy[2 * k + 1]! - oy) / OUTLINE_CELL) * nx + Math.floor((xy[2 * k]! - ox) / OUTLINE_CELL)] = 1;
  const also = options.also ?? [];
  for (let k = 0; k < Math.floor(also.length / 2); k++) {
    const i = Math.floor((also[2 * k]! - ox) / OUTLINE_CELL);
    const j = Math.floor((also[2 * k + 1]! - oy) / OUTLINE_CELL);
    if (i >= 0 && j >= 0 && i < nx && j < ny) occ[j * nx + i] = 1;
  }
  // Closing: dilate, then erode (= dilate the complement).
  const closed = invert(dilate(invert(dilate(occ, nx, ny, r)), nx, ny, r));
  // Fill holes: what the outside cannot reach is inside.
  const outside = flood(invert(closed), nx, ny, [0]);
  const filled = outside.map((v) => (v ? 0 : 1));
  const loops = traceLoops(filled, nx, ny)
    .map((l) => l.map(([i, j]) => [ox + i * OUTLINE_CELL, oy + j * OUTLINE_CELL] as Vec2))
    .map((l) => ({ l, area: polygonArea(l) }))
    .sort((a, b) => b.area - a.area);
  const outer = loops[0];
  if (!outer || outer.area <= 0) return { polygon: hull, concave: false, share: 1 };
  // Start the simplification at a corner that always stays: the lowest-left vertex.
  const start = outer.l.reduce((best, p, i) => (p[0] + p[1] < outer.l[best]![0] + outer.l[best]![1] ? i : best), 0);
  const ring = [...outer.l.slice(start), ...outer.l.slice(0, start)];
  // A closed ring in two open halves, split at the vertex farthest from the start (both ends stay).
  let far = 0;
  for (let i = 1; i < ring.length; i++) if (Math.hypot(ring[i]![0] - ring[0]![0], ring[i]![1] - ring[0]![1]) > Math.hypot(ring[far]![0] - ring[0]![0], ring[far]![1] - ring[0]![1])) far = i;
  const simple = [...douglasPeucker(ring.slice(0, far + 1), OUTLINE_DP_TOLERANCE).slice(0, -1), ...douglasPeucker([...ring.slice(far), ring[0]!], OUTLINE_DP_TOLERANCE).slice(0, -1)];
  if (simple.length < 3) return { polygon: hull, concave: false, share: 1 };
  const polygon = offsetInward(simple, OUTLINE_CELL / 2);
  const share = Math.abs(polygonArea(polygon)) / hullArea;
  // Something that stands in the room must not end up outside it: then the scan misses a wall, keep the hull.
  for (const p of options.mustContain ?? []) if (pointInPolygon(p, hull) && !pointInPolygon(p, polygon)) return { polygon: hull, concave: false, share };
  const missing = hullArea - Math.abs(polygonArea(polygon));
  return missing >= CONCAVE_MIN_AREA && missing >= CONCAVE_MIN_SHARE * hullArea ? { polygon, concave: true, share } : { polygon: hull, concave: false, share };
}
