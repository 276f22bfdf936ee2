// Planar Delaunay triangulation by Bowyer–Watson insertion. Points go in along a Hilbert curve so
// each one is found by a short walk from the last triangle made; the cavity (triangles whose
// circumcircle holds the new point) is grown from there over neighbour links and re-fanned to the point.

export interface Triangulation {
  /** Vertex indices into the input, three per triangle, counter-clockwise. */
  triangles: Uint32Array;
}

const HILBERT_ORDER = 16;
const JITTER = 1e-10;

/** Position of cell (x, y) on a Hilbert curve over a 2^order grid. */
function hilbertIndex(x: number, y: number): number {
  let d = 0;
  for (let s = 1 << (HILBERT_ORDER - 1); s > 0; s >>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      [x, y] = [y, x];
    }
  }
  return d;
}

/**
 * Delaunay triangles of distinct points (interleaved xy). Repeated points are skipped; the caller
 * removes near-duplicates (snapping) when the input is a dense scan.
 */
export function delaunay(xy: ArrayLike<number>): Triangulation {
  const n = Math.floor(xy.length / 2);
  if (n < 3) return { triangles: new Uint32Array(0) };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = xy[2 * i]!;
    const y = xy[2 * i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const px = new Float64Array(n + 3);
  const py = new Float64Array(n + 3);
  // Grids (snapped scans) are full of cocircular quadruples, where rounding in the circle test can
  // make inconsistent choices and a non-Delaunay fan. A fixed jitter far above rounding (1e-10 of the
  // extent) and far below any length we report breaks every tie the same way on every run.
  let h = 0x2545f491;
  const jitter = () => {
    h = (Math.imul(h, 1664525) + 1013904223) >>> 0;
    return (h / 4294967296 - 0.5) * span * JITTER;
  };
  for (let i = 0; i < n; i++) {
    px[i] = xy[2 * i]! + jitter();
    py[i] = xy[2 * i + 1]! + jitter();
  }
  // A super-triangle far outside holds every point; triangles touching it are dropped at the end.
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const big = span * 1e4;
  px[n] = cx - 2 * big;
  py[n] = cy - big;
  px[n + 1] = cx + 2 * big;
  py[n + 1] = cy - big;
  px[n + 2] = cx;
  py[n + 2] = cy + 2 * big;

  const cells = (1 << HILBERT_ORDER) - 1;
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) key[i] = hilbertIndex(Math.round(((px[i]! - minX) / span) * cells), Math.round(((py[i]! - minY) / span) * cells));
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => key[a]! - key[b]!);

  // Triangle t: vertices v[3t..3t+2] counter-clockwise; nb[3t+i] is across edge (v_i, v_{i+1}), -1 outside.
  const v: number[] = [];
  const nb: number[] = [];
  const alive: boolean[] = [];
  const free: number[] = [];

  const make = (a: number, b: number, c: number): number => {
    const t = free.length > 0 ? free.pop()! : alive.length;
    v[3 * t] = a;
    v[3 * t + 1] = b;
    v[3 * t + 2] = c;
    nb[3 * t] = nb[3 * t + 1] = nb[3 * t + 2] = -1;
    alive[t] = true;
    return t;
  };
  // The incircle determinant taken relative to p: unlike a cached circumcentre it stays accurate for
  // the near-collinear slivers that hull points make while the triangulation grows.
  const inCircle = (t: number, p: number) => {
    const x = px[p]!;
    const y = py[p]!;
    const a = v[3 * t]!;
    const b = v[3 * t + 1]!;
    const c = v[3 * t + 2]!;
    const adx = px[a]! - x;
    const ady = py[a]! - y;
    const bdx = px[b]! - x;
    const bdy = py[b]! - y;
    const cdx = px[c]! - x;
    const cdy = py[c]! - y;
    const al = adx * adx + ady * ady;
    const bl = bdx * bdx + bdy * bdy;
    const cl = cdx * cdx + cdy * cdy;
    return adx * (bdy * cl - bl * cdy) - ady * (bdx * cl - bl * cdx) + al * (bdx * cdy - bdy * cdx) > 0;
  };
  const orient = (a: number, b: number, p: number) => (px[b]! - px[a]!) * (py[p]! - py[a]!) - (py[b]! - py[a]!) * (px[p]! - px[a]!);

  let last = make(n, n + 1, n + 2);
  const bad: number[] = [];
  // At most 2(n + 3) + 1 triangles live at once and freed slots are reused, so this never overflows.
  const isBad = new Uint8Array(4 * n + 16);
  const stack: number[] = [];
  const byStart = new Map<number, number>();
  const byEnd = new Map<number, number>();

  const locate = (p: number): number => {
    let t = last;
    for (let steps = 0; steps < 4 * n + 16; steps++) {
      let moved = false;
      for (let i = 0; i < 3; i++) {
        const a = v[3 * t + i]!;
        const b = v[3 * t + ((i + 1) % 3)]!;
        if (orient(a, b, p) < 0 && nb[3 * t + i]! >= 0) {
          t = nb[3 * t + i]!;
          moved = true;
          break;
        }
      }
      if (!moved) return t;
    }
    // Rounding can make a walk cycle; any triangle whose circumcircle holds p seeds the cavity as well.
    for (let s = 0; s < alive.length; s++) if (alive[s] && inCircle(s, p)) return s;
    return last;
  };

  for (let k = 0; k < n; k++) {
    const p = order[k]!;
    if (k > 0 && px[p] === px[order[k - 1]!] && py[p] === py[order[k - 1]!]) continue;
    const start = locate(p);
    if (!inCircle(start, p)) continue; // a repeat of an existing vertex
    bad.length = 0;
    stack.length = 0;
    stack.push(start);
    isBad[start] = 1;
    while (stack.length > 0) {
      const t = stack.pop()!;
      bad.push(t);
      for (let i = 0; i < 3; i++) {
        const o = nb[3 * t + i]!;
        if (o >= 0 && !isBad[o] && inCircle(o, p)) {
          isBad[o] = 1;
          stack.push(o);
        }
      }
    }
    byStart.clear();
    byEnd.clear();
    const made: number[] = [];
    for (const t of bad) {
      for (let i = 0; i < 3; i++) {
        const o = nb[3 * t + i]!;
        if (o >= 0 && isBad[o]) continue;
        const a = v[3 * t + i]!;
        const b = v[3 * t + ((i + 1) % 3)]!;
        made.push(a, b, o, t);
      }
    }
    for (const t of bad) {
      alive[t] = false;
      isBad[t] = 0;
      free.push(t);
    }
    // Freed slots may be reused below, so the outer links are rewired only after every new triangle exists.
    const fresh: number[] = [];
    for (let j = 0; j < made.length; j += 4) {
      const a = made[j]!;
      const b = made[j + 1]!;
      const t = make(a, b, p);
      fresh.push(t);
      byStart.set(a, t);
      byEnd.set(b, t);
    }
    for (let j = 0, f = 0; j < made.length; j += 4, f++) {
      const t = fresh[f]!;
      const a = made[j]!;
      const b = made[j + 1]!;
      const o = made[j + 2]!;
      const old = made[j + 3]!;
      nb[3 * t] = o;
      if (o >= 0) for (let i = 0; i < 3; i++) if (nb[3 * o + i] === old && v[3 * o + i] === b && v[3 * o + ((i + 1) % 3)] === a) nb[3 * o + i] = t;
      nb[3 * t + 1] = byStart.get(b) ?? -1; // across (b, p): the new triangle that starts at b
      nb[3 * t + 2] = byEnd.get(a) ?? -1; // across (p, a): the new triangle that ends at a
      last = t;
    }
  }

  const out: number[] = [];
  for (let t = 0; t < alive.length; t++) {
    if (!alive[t]) continue;
    const a = v[3 * t]!;
    const b = v[3 * t + 1]!;
    const c = v[3 * t + 2]!;
    if (a >= n || b >= n || c >= n) continue;
    out.push(a, b, c);
  }
  return { triangles: Uint32Array.from(out) };
}
