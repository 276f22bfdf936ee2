// Vertex normals as ScanNet's Segmentator computes them, in float32 step by step (Math.fround where
// the C++ rounds to float): each face's unit normal is blended into its vertices as a running mean
// `n = n·(1 − 1/(k+1)) + f·1/(k+1)`. The mean is not renormalised, so folds shorten the normal; the
// edge weights depend on that, and on every rounding, so the arithmetic is mirrored exactly.

const f = Math.fround;

/**
 * Returns x y z normals interleaved, one per vertex; vertices on no face keep (0, 0, 0) and
 * degenerate faces contribute NaN (as in the reference, where 0/0 propagates).
 */
export function blendedVertexNormals(positions: Float32Array, faces: Uint32Array, vertexCount: number): Float32Array {
  const normals = new Float32Array(vertexCount * 3);
  const counts = new Int32Array(vertexCount);
  const p = positions;
  for (let t = 0; t + 2 < faces.length; t += 3) {
    const i1 = faces[t]!;
    const i2 = faces[t + 1]!;
    const i3 = faces[t + 2]!;
    const ax = f(p[3 * i2]! - p[3 * i1]!);
    const ay = f(p[3 * i2 + 1]! - p[3 * i1 + 1]!);
    const az = f(p[3 * i2 + 2]! - p[3 * i1 + 2]!);
    const bx = f(p[3 * i3]! - p[3 * i1]!);
    const by = f(p[3 * i3 + 1]! - p[3 * i1 + 1]!);
    const bz = f(p[3 * i3 + 2]! - p[3 * i1 + 2]!);
    let cx = f(f(ay * bz) - f(az * by));
    let cy = f(f(az * bx) - f(ax * bz));
    let cz = f(f(ax * by) - f(ay * bx));
    const len = f(Math.sqrt(f(f(f(cx * cx) + f(cy * cy)) + f(cz * cz))));
    cx = f(cx / len);
    cy = f(cy / len);
    cz = f(cz / len);
    // All three blends read the counts from before this face (a repeated index blends twice).
    const k1 = counts[i1]!;
    const k2 = counts[i2]!;
    const k3 = counts[i3]!;
    blend(normals, i1, cx, cy, cz, k1);
    blend(normals, i2, cx, cy, cz, k2);
    blend(normals, i3, cx, cy, cz, k3);
    counts[i1]!++;
    counts[i2]!++;
    counts[i3]!++;
  }
  return normals;
}

function blend(normals: Float32Array, i: number, x: number, y: number, z: number, count: number): void {
  const v = f(1 / f(count + 1));
  const u = f(1 - v);
  const o = 3 * i;
  normals[o] = f(f(v * x) + f(u * normals[o]!));
  normals[o + 1] = f(f(v * y) + f(u * normals[o + 1]!));
  normals[o + 2] = f(f(v * z) + f(u * normals[o + 2]!));
}
