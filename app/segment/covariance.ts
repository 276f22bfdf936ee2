// Shape of a small point set from its 3×3 covariance: eigenvalues and the derived linearity /
// planarity / scattering.
import { eigenSym3 } from '../geometry/eigen-sym3';

/** Eigen decomposition of a symmetric 3×3 matrix, eigenvalues descending. */
export interface Eigen3 {
  /** λ1 ≥ λ2 ≥ λ3 (≥ 0 for a covariance). */
  values: [number, number, number];
  /** Unit eigenvectors, row i belongs to values[i]: [x0 y0 z0 x1 y1 z1 x2 y2 z2]. */
  vectors: Float64Array;
}

/** Accumulates sums over points, then yields mean and covariance. */
export class Moments {
  n = 0;
  private sx = 0;
  private sy = 0;
  private sz = 0;
  private sxx = 0;
  private sxy = 0;
  private sxz = 0;
  private syy = 0;
  private syz = 0;
  private szz = 0;

  reset(): void {
    this.n = this.sx = this.sy = this.sz = this.sxx = this.sxy = this.sxz = this.syy = this.syz = this.szz = 0;
  }

  add(x: number, y: number, z: number): void {
    this.n++;
    this.sx += x;
    this.sy += y;
    this.sz += z;
    this.sxx += x * x;
    this.sxy += x * y;
    this.sxz += x * z;
    this.syy += y * y;
    this.syz += y * z;
    this.szz += z * z;
  }

  mean(): [number, number, number] {
    const n = this.n || 1;
    return [this.sx / n, this.sy / n, this.sz / n];
  }

  /** Population covariance [xx xy xz yy yz zz]. */
  covariance(): [number, number, number, number, number, number] {
    const n = this.n || 1;
    const [mx, my, mz] = this.mean();
    return [this.sxx / n - mx * mx, this.sxy / n - mx * my, this.sxz / n - mx * mz, this.syy / n - my * my, this.syz / n - my * mz, this.szz / n - mz * mz];
  }
}

/** Eigen decomposition of [xx xy xz yy yz zz], through the shared Jacobi solver in app/geometry. */
export function eigenSymmetric3(c: readonly number[]): Eigen3 {
  const e = eigenSym3([
    [c[0]!, c[1]!, c[2]!],
    [c[1]!, c[3]!, c[4]!],
    [c[2]!, c[4]!, c[5]!],
  ]);
  const values = e.values.map((v) => Math.max(0, v)) as [number, number, number];
  return { values, vectors: Float64Array.from(e.vectors.flat()) };
}

/** Demantké's dimensionality features from descending eigenvalues; all zero for a degenerate set. */
export function shapeFeatures([l1, l2, l3]: readonly [number, number, number]): { linearity: number; planarity: number; scattering: number } {
  if (!(l1 > 0)) return { linearity: 0, planarity: 0, scattering: 0 };
  return { linearity: (l1 - l2) / l1, planarity: (l2 - l3) / l1, scattering: l3 / l1 };
}

/**
 * Unit eigenvector of the smallest eigenvalue of [xx xy xz yy yz zz], without allocation: the
 * eigenvalue in closed form (trigonometric solution of the characteristic cubic), the vector as the
 * longest cross product of two rows of (C − λI). Where that is ill-conditioned (the two smallest
 * eigenvalues nearly equal, so the direction is barely defined) the Jacobi solver answers.
 * Writes x, y, z into `out` at `offset`.
 */
export function smallestEigenvector(xx: number, xy: number, xz: number, yy: number, yz: number, zz: number, out: Float32Array | Float64Array, offset: number): void {
  const scale = Math.abs(xx) + Math.abs(yy) + Math.abs(zz) + Math.abs(xy) + Math.abs(xz) + Math.abs(yz);
  if (!(scale > 0)) {
    out[offset] = 0;
    out[offset + 1] = 0;
    out[offset + 2] = 1;
    return;
  }
  const q = (xx + yy + zz) / 3;
  const p1 = xy * xy + xz * xz + yz * yz;
  const a = xx - q;
  const b = yy - q;
  const c = zz - q;
  const p = Math.sqrt((a * a + b * b + c * c + 2 * p1) / 6);
  let lambda = q;
  if (p > 0) {
    // det((C − qI) / p) / 2, clamped into [-1, 1] against rounding.
    const det = (a * (b * c - yz * yz) - xy * (xy * c - yz * xz) + xz * (xy * yz - b * xz)) / (p * p * p);
    const r = Math.max(-1, Math.min(1, det / 2));
    const phi = Math.acos(r) / 3;
    lambda = q + 2 * p * Math.cos(phi + (2 * Math.PI) / 3);
  }
  const r0x = xx - lambda;
  const r1y = yy - lambda;
  const r2z = zz - lambda;
  // Rows: (r0x, xy, xz), (xy, r1y, yz), (xz, yz, r2z).
  const c01x = xy * yz - xz * r1y;
  const c01y = xz * xy - r0x * yz;
  const c01z = r0x * r1y - xy * xy;
  const c02x = xy * r2z - xz * yz;
  const c02y = xz * xz - r0x * r2z;
  const c02z = r0x * yz - xy * xz;
  const c12x = r1y * r2z - yz * yz;
  const c12y = yz * xz - xy * r2z;
  const c12z = xy * yz - r1y * xz;
  const n01 = c01x * c01x + c01y * c01y + c01z * c01z;
  const n02 = c02x * c02x + c02y * c02y + c02z * c02z;
  const n12 = c12x * c12x + c12y * c12y + c12z * c12z;
  let vx = c01x;
  let vy = c01y;
  let vz = c01z;
  let best = n01;
  if (n02 > best) {
    vx = c02x;
    vy = c02y;
    vz = c02z;
    best = n02;
  }
  if (n12 > best) {
    vx = c12x;
    vy = c12y;
    vz = c12z;
    best = n12;
  }
  if (best > 1e-10 * scale * scale * scale * scale) {
    const inv = 1 / Math.sqrt(best);
    out[offset] = vx * inv;
    out[offset + 1] = vy * inv;
    out[offset + 2] = vz * inv;
    return;
  }
  const v = eigenSymmetric3([xx, xy, xz, yy, yz, zz]).vectors;
  out[offset] = v[6]!;
  out[offset + 1] = v[7]!;
  out[offset + 2] = v[8]!;
}
