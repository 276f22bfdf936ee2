// Tight oriented bounding box of a point set: the minimum-volume box found around the PCA frame.
// Scans are z-up and furniture stands upright, so the default search turns the box about z only,
// where the minimum-area rectangle of the xy hull is exact; `free` also tilts the box, for objects
// lying at an angle. Every candidate includes the world axes, so the result is never larger than the AABB.
import { AppError } from '../contract/errors';
import type { Vec3 } from '../scene/types';
import { eigenSym3, type Sym3 } from './eigen-sym3';
import { convexHull2d, minAreaRect } from './hull2d';
import { cross, dot, type Obb } from './obb';

export type ObbMode = 'upright' | 'free' | 'auto';

export interface TightObb {
  box: Obb;
  volume: number;
  /** Volume of the axis-aligned box of the same points, for comparison. */
  aabbVolume: number;
  /** Volume of the box in the plain PCA frame (the search's start). */
  pcaVolume: number;
  /** Which search produced the box. */
  mode: 'upright' | 'free';
}

export interface TightObbOptions {
  /** upright (default): yaw about +z only; free: any rotation; auto: free only when it is clearly smaller. */
  mode?: ObbMode;
}

type Frame = [Vec3, Vec3, Vec3];

/** auto takes the tilted box only when it saves more than this share of the upright volume. */
export const AUTO_FREE_GAIN = 0.1;
/** Refinement step sizes of the free search, degrees, coarse to fine. */
const REFINE_STEPS_DEG = [8, 4, 2, 1, 0.5, 0.25, 0.1, 0.05];
const WORLD: Frame = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
];

function gather(positions: Float32Array, subset?: Uint32Array): Float64Array {
  const n = subset ? subset.length : Math.floor(positions.length / 3);
  if (n === 0) throw new AppError('invalid_input', 'tight OBB: the point set is empty');
  const out = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    const p = (subset ? subset[i]! : i) * 3;
    out[i * 3] = positions[p]!;
    out[i * 3 + 1] = positions[p + 1]!;
    out[i * 3 + 2] = positions[p + 2]!;
  }
  return out;
}

/** The bounding box of the points in a frame: full extents along each axis, centred. */
export function boxInFrame(pts: Float64Array, axes: Frame): Obb {
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < pts.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      const a = axes[k]!;
      const u = pts[i]! * a[0] + pts[i + 1]! * a[1] + pts[i + 2]! * a[2];
      if (u < lo[k]!) lo[k] = u;
      if (u > hi[k]!) hi[k] = u;
    }
  }
  const mid = [0, 1, 2].map((k) => (lo[k]! + hi[k]!) / 2);
  const center: Vec3 = [0, 1, 2].map((c) => mid[0]! * axes[0][c]! + mid[1]! * axes[1][c]! + mid[2]! * axes[2][c]!) as Vec3;
  return { center, axes, size: [hi[0]! - lo[0]!, hi[1]! - lo[1]!, hi[2]! - lo[2]!] };
}

const volumeOf = (b: Obb) => b.size[0] * b.size[1] * b.size[2];

function pcaFrame(pts: Float64Array): Frame {
  const n = pts.length / 3;
  const m = [0, 0, 0];
  for (let i = 0; i < pts.length; i += 3) for (let k = 0; k < 3; k++) m[k]! += pts[i + k]! / n;
  const c: Sym3 = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  for (let i = 0; i < pts.length; i += 3) {
    const d = [pts[i]! - m[0]!, pts[i + 1]! - m[1]!, pts[i + 2]! - m[2]!];
    for (let r = 0; r < 3; r++) for (let s = 0; s < 3; s++) c[r]![s]! += d[r]! * d[s]!;
  }
  return eigenSym3(c).vectors;
}

/** Largest side first and right-handed (upright: longer horizontal side first, +z third), so equal boxes have equal descriptions. */
function canonical(box: Obb, upright: boolean): Obb {
  const order = upright ? (box.size[0] >= box.size[1] ? [0, 1, 2] : [1, 0, 2]) : [0, 1, 2].sort((i, j) => box.size[j]! - box.size[i]!);
  const a0 = box.axes[order[0]!]!;
  // + 0 turns the -0 a product can give into 0, so an upright axis is exactly [0, 0, 1].
  const a1 = (upright ? cross([0, 0, 1], a0) : box.axes[order[1]!]!).map((x) => x + 0) as Vec3;
  const a2 = (upright ? [0, 0, 1] : cross(a0, a1)).map((x) => x + 0) as Vec3;
  return { center: box.center, axes: [a0, a1, a2], size: [box.size[order[0]!]!, box.size[order[1]!]!, box.size[order[2]!]!] };
}

/** Yaw-only search: exact minimum-area rectangle of the xy hull, trying the PCA yaw and the world axes first. */
function uprightBox(pts: Float64Array): Obb {
  const n = pts.length / 3;
  const xy = new Float64Array(n * 2);
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    xy[2 * i] = pts[3 * i]!;
    xy[2 * i + 1] = pts[3 * i + 1]!;
    mx += pts[3 * i]! / n;
    my += pts[3 * i + 1]! / n;
  }
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xy[2 * i]! - mx;
    const dy = xy[2 * i + 1]! - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  const pcaYaw = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const rect = minAreaRect(convexHull2d(xy), [0, pcaYaw]);
  const c = Math.cos(rect.angle);
  const s = Math.sin(rect.angle);
  return boxInFrame(pts, [
    [c, s, 0],
    [-s, c, 0],
    [0, 0, 1],
  ]);
}

function rotateFrame(f: Frame, axis: number, angle: number): Frame {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const [i, j] = axis === 0 ? [1, 2] : axis === 1 ? [2, 0] : [0, 1];
  const out = f.map((a) => [...a]) as Frame;
  out[i!] = [0, 1, 2].map((k) => c * f[i!]![k]! + s * f[j!]![k]!) as Vec3;
  out[j!] = [0, 1, 2].map((k) => -s * f[i!]![k]! + c * f[j!]![k]!) as Vec3;
  return out;
}

/** Any rotation: for each PCA axis as a face normal, the exact rectangle in its plane; then local descent. */
function freeBox(pts: Float64Array, pca: Frame, start: Obb[]): Obb {
  const n = pts.length / 3;
  let best = start.reduce((b, x) => (volumeOf(x) < volumeOf(b) ? x : b));
  for (let k = 0; k < 3; k++) {
    const normal = pca[k]!;
    const e1 = pca[(k + 1) % 3]!;
    const e2 = cross(normal, e1);
    const uv = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) {
      const p: Vec3 = [pts[3 * i]!, pts[3 * i + 1]!, pts[3 * i + 2]!];
      uv[2 * i] = dot(p, e1);
      uv[2 * i + 1] = dot(p, e2);
    }
    const rect = minAreaRect(convexHull2d(uv), [0]);
    const c = Math.cos(rect.angle);
    const s = Math.sin(rect.angle);
    const a: Vec3 = [0, 1, 2].map((q) => c * e1[q]! + s * e2[q]!) as Vec3;
    const b: Vec3 = [0, 1, 2].map((q) => -s * e1[q]! + c * e2[q]!) as Vec3;
    const box = boxInFrame(pts, [a, b, normal]);
    if (volumeOf(box) < volumeOf(best)) best = box;
  }
  for (const deg of REFINE_STEPS_DEG) {
    const step = (deg * Math.PI) / 180;
    for (let round = 0, improved = true; improved && round < 64; round++) {
      improved = false;
      for (let axis = 0; axis < 3; axis++)
        for (const sign of [1, -1]) {
          const box = boxInFrame(pts, rotateFrame(best.axes, axis, sign * step));
          if (volumeOf(box) < volumeOf(best)) {
            best = box;
            improved = true;
          }
        }
    }
  }
  return best;
}

/** Tight OBB of `positions` (xyz interleaved), or of the points listed in `subset`. */
export function tightObb(positions: Float32Array, subset?: Uint32Array, options: TightObbOptions = {}): TightObb {
  const mode = options.mode ?? 'upright';
  const pts = gather(positions, subset);
  const aabb = boxInFrame(pts, WORLD);
  const pca = pcaFrame(pts);
  const pcaBox = boxInFrame(pts, pca);
  const upright = mode === 'free' ? null : uprightBox(pts);
  const free = mode === 'upright' ? null : freeBox(pts, pca, [aabb, pcaBox, ...(upright ? [upright] : [])]);
  const useFree = free !== null && (upright === null || volumeOf(free) < (1 - AUTO_FREE_GAIN) * volumeOf(upright));
  const chosen = useFree ? free : upright!;
  const box = canonical(chosen, !useFree);
  return { box, volume: volumeOf(box), aabbVolume: volumeOf(aabb), pcaVolume: volumeOf(pcaBox), mode: useFree ? 'free' : 'upright' };
}
