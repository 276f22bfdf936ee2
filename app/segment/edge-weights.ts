// The mesh graph of ScanNet's Segmentator: three directed edges per face, weighted by normal change.

const f = Math.fround;

export interface MeshEdges {
  /** Edge endpoints: face (i1, i2, i3) gives (i1, i2), (i1, i3), (i3, i2); `meshEdges` lists them in face order. */
  a: Int32Array;
  b: Int32Array;
  /** Weight `1 − n_a·n_b`, squared when the edge is convex (n_b points away from a). */
  w: Float32Array;
}

/** Builds the edges of every face and weighs them in float32, rounding where the C++ does. */
export function meshEdges(positions: Float32Array, faces: Uint32Array, normals: Float32Array): MeshEdges {
  const faceCount = Math.floor(faces.length / 3);
  const count = faceCount * 3;
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  for (let t = 0; t < faceCount; t++) {
    const i1 = faces[3 * t]!;
    const i2 = faces[3 * t + 1]!;
    const i3 = faces[3 * t + 2]!;
    a[3 * t] = i1;
    b[3 * t] = i2;
    a[3 * t + 1] = i1;
    b[3 * t + 1] = i3;
    a[3 * t + 2] = i3;
    b[3 * t + 2] = i2;
  }
  const w = new Float32Array(count);
  const p = positions;
  const n = normals;
  for (let e = 0; e < count; e++) {
    const i = 3 * a[e]!;
    const j = 3 * b[e]!;
    let dx = f(p[j]! - p[i]!);
    let dy = f(p[j + 1]! - p[i + 1]!);
    let dz = f(p[j + 2]! - p[i + 2]!);
    const dd = f(Math.sqrt(f(f(f(dx * dx) + f(dy * dy)) + f(dz * dz))));
    dx = f(dx / dd);
    dy = f(dy / dd);
    dz = f(dz / dd);
    const dot = f(f(f(n[i]! * n[j]!) + f(n[i + 1]! * n[j + 1]!)) + f(n[i + 2]! * n[j + 2]!));
    const convex = f(f(f(n[j]! * dx) + f(n[j + 1]! * dy)) + f(n[j + 2]! * dz));
    const ww = f(1 - dot);
    w[e] = convex > 0 ? f(ww * ww) : ww;
  }
  return { a, b, w };
}
