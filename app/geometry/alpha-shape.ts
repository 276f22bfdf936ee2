// Floor area of a scan as the 2D alpha shape of its points projected on xy (VSI-Bench room size,
// alpha = 5): Delaunay triangles whose circumradius is below 1/alpha, areas summed. That is the
// convention of the Python `alphashape` package the research generators use (alpha = 5 keeps
// triangles under 0.2 m circumradius), so our room sizes answer the same question theirs do.
// The room centre is the area-weighted centroid of the kept triangles.
import { delaunay } from './delaunay';

/** VSI-Bench's alpha (1/m): triangles with circumradius below 1/alpha metres are kept. */
export const ROOM_ALPHA = 5;
/** Projected points are snapped to this grid (m) first: it merges the repeats that walls make in xy. */
export const ALPHA_SNAP = 0.001;

export interface AlphaShapeOptions {
  /** Triangles with circumradius < 1/alpha are kept (default ROOM_ALPHA). */
  alpha?: number;
  /** Snap grid in metres; 0 keeps the coordinates as given (exact repeats are still merged). */
  snap?: number;
}

export interface AlphaShape {
  /** m². */
  area: number;
  /** Area-weighted centroid of the kept triangles (xy). */
  centre: [number, number];
  alpha: number;
  /** The distinct projected points (interleaved xy) and the kept triangles over them. */
  points: Float64Array;
  triangles: Uint32Array;
  /** Delaunay triangles removed by the circumradius test. */
  rejected: number;
}

/** Projects xyz points (every point, or those in `subset`) to distinct xy points on the snap grid. */
export function projectXy(positions: Float32Array, subset: Uint32Array | null, snap: number): Float64Array {
  const n = subset ? subset.length : Math.floor(positions.length / 3);
  const seen = new Set<string>();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = (subset ? subset[i]! : i) * 3;
    let x = positions[p]!;
    let y = positions[p + 1]!;
    if (snap > 0) {
      x = Math.round(x / snap) * snap;
      y = Math.round(y / snap) * snap;
    }
    const key = `${x},${y}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(x, y);
  }
  return Float64Array.from(out);
}

export function alphaShapeOfPoints(xy: Float64Array, alpha = ROOM_ALPHA): AlphaShape {
  const { triangles } = delaunay(xy);
  const kept: number[] = [];
  let area = 0;
  let sx = 0;
  let sy = 0;
  let rejected = 0;
  for (let t = 0; t < triangles.length; t += 3) {
    const a = triangles[t]!;
    const b = triangles[t + 1]!;
    const c = triangles[t + 2]!;
    const ax = xy[2 * a]!;
    const ay = xy[2 * a + 1]!;
    const bx = xy[2 * b]!;
    const by = xy[2 * b + 1]!;
    const cx = xy[2 * c]!;
    const cy = xy[2 * c + 1]!;
    const twice = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    const ab = Math.hypot(bx - ax, by - ay);
    const bc = Math.hypot(cx - bx, cy - by);
    const ca = Math.hypot(ax - cx, ay - cy);
    // R = abc / 4K with K = twice / 2; a degenerate sliver has an unbounded circumradius.
    const radius = twice > 0 ? (ab * bc * ca) / (2 * twice) : Infinity;
    if (!(radius * alpha < 1)) {
      rejected++;
      continue;
    }
    const k = twice / 2;
    area += k;
    sx += (k * (ax + bx + cx)) / 3;
    sy += (k * (ay + by + cy)) / 3;
    kept.push(a, b, c);
  }
  return { area, centre: area > 0 ? [sx / area, sy / area] : [NaN, NaN], alpha, points: xy, triangles: Uint32Array.from(kept), rejected };
}

/** Alpha shape of the xy projection of a scan (all points, or `subset`). */
export function alphaShapeArea(positions: Float32Array, subset: Uint32Array | null = null, options: AlphaShapeOptions = {}): AlphaShape {
  return alphaShapeOfPoints(projectXy(positions, subset, options.snap ?? ALPHA_SNAP), options.alpha ?? ROOM_ALPHA);
}
