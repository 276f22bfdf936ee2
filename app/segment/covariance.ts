// Shape of a small point set from its 3×3 covariance: eigenvalues (cyclic Jacobi rotations, exact
// enough for 3×3 and branch-free of special cases) and the derived linearity / planarity / scattering.

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

/** Jacobi eigen decomposition of [xx xy xz yy yz zz]. */
export function eigenSymmetric3(c: readonly number[]): Eigen3 {
  const a = [
    [c[0]!, c[1]!, c[2]!],
    [c[1]!, c[3]!, c[4]!],
    [c[2]!, c[4]!, c[5]!],
  ];
  const v = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ];
  for (let sweep = 0; sweep < 32; sweep++) {
    const off = a[0]![1]! ** 2 + a[0]![2]! ** 2 + a[1]![2]! ** 2;
    const scale = a[0]![0]! ** 2 + a[1]![1]! ** 2 + a[2]![2]! ** 2;
    if (off <= 1e-30 * scale || off === 0) break;
    for (const [p, q] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const) {
      const apq = a[p]![q]!;
      if (apq === 0) continue;
      const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const cs = 1 / Math.sqrt(t * t + 1);
      const sn = t * cs;
      for (let k = 0; k < 3; k++) {
        const akp = a[k]![p]!;
        const akq = a[k]![q]!;
        a[k]![p] = cs * akp - sn * akq;
        a[k]![q] = sn * akp + cs * akq;
      }
      for (let k = 0; k < 3; k++) {
        const apk = a[p]![k]!;
        const aqk = a[q]![k]!;
        a[p]![k] = cs * apk - sn * aqk;
        a[q]![k] = sn * apk + cs * aqk;
      }
      for (let k = 0; k < 3; k++) {
        const vkp = v[k]![p]!;
        const vkq = v[k]![q]!;
        v[k]![p] = cs * vkp - sn * vkq;
        v[k]![q] = sn * vkp + cs * vkq;
      }
    }
  }
  const order = [0, 1, 2].sort((i, j) => a[j]![j]! - a[i]![i]! || i - j);
  const values = order.map((i) => Math.max(0, a[i]![i]!)) as [number, number, number];
  const vectors = new Float64Array(9);
  order.forEach((col, row) => {
    for (let k = 0; k < 3; k++) vectors[row * 3 + k] = v[k]![col]!;
  });
  return { values, vectors };
}

/** Demantké's dimensionality features from descending eigenvalues; all zero for a degenerate set. */
export function shapeFeatures([l1, l2, l3]: readonly [number, number, number]): { linearity: number; planarity: number; scattering: number } {
  if (!(l1 > 0)) return { linearity: 0, planarity: 0, scattering: 0 };
  return { linearity: (l1 - l2) / l1, planarity: (l2 - l3) / l1, scattering: l3 / l1 };
}
