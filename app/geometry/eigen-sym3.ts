// Eigen-decomposition of a symmetric 3x3 matrix by cyclic Jacobi rotations: small, branch-light and
// accurate to rounding, which is all PCA of a point set needs.
import type { Vec3 } from '../scene/types';

export type Sym3 = [[number, number, number], [number, number, number], [number, number, number]];

export interface Eigen3 {
  /** Descending. */
  values: Vec3;
  /** Unit eigenvectors, `vectors[i]` belongs to `values[i]`; a right-handed frame. */
  vectors: [Vec3, Vec3, Vec3];
}

const SWEEPS = 32;

export function eigenSym3(matrix: Sym3): Eigen3 {
  const a = matrix.map((r) => [...r]) as number[][];
  const v = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ];
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const off = a[0]![1]! ** 2 + a[0]![2]! ** 2 + a[1]![2]! ** 2;
    if (off <= 1e-30 * (a[0]![0]! ** 2 + a[1]![1]! ** 2 + a[2]![2]! ** 2) || off === 0) break;
    for (const [p, q] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const) {
      const apq = a[p]![q]!;
      if (apq === 0) continue;
      // The rotation angle that zeroes a[p][q] (Numerical Recipes' stable form).
      const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1);
      const s = t * c;
      for (let k = 0; k < 3; k++) {
        const akp = a[k]![p]!;
        const akq = a[k]![q]!;
        a[k]![p] = c * akp - s * akq;
        a[k]![q] = s * akp + c * akq;
      }
      for (let k = 0; k < 3; k++) {
        const apk = a[p]![k]!;
        const aqk = a[q]![k]!;
        a[p]![k] = c * apk - s * aqk;
        a[q]![k] = s * apk + c * aqk;
      }
      for (let k = 0; k < 3; k++) {
        const vkp = v[k]![p]!;
        const vkq = v[k]![q]!;
        v[k]![p] = c * vkp - s * vkq;
        v[k]![q] = s * vkp + c * vkq;
      }
    }
  }
  const order = [0, 1, 2].sort((i, j) => a[j]![j]! - a[i]![i]!);
  const vectors = order.map((i) => [v[0]![i]!, v[1]![i]!, v[2]![i]!] as Vec3) as [Vec3, Vec3, Vec3];
  // Jacobi keeps the frame orthonormal; flip the last axis if sorting made it left-handed.
  const [x, y] = vectors;
  vectors[2] = [x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]];
  return { values: order.map((i) => a[i]![i]!) as Vec3, vectors };
}
