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
