// The mesh graph of ScanNet's Segmentator: three directed edges per face, weighted by normal change.

const f = Math.fround;

export interface MeshEdges {
  /** Edge endpoints: face (i1, i2, i3) gives (i1, i2), (i1, i3), (i3, i2); `meshEdges` lists them in face order. */
  a: Int32Array;
  b: Int32Array;
  /** Weight `1 − n_a·n_b`, squared when the edge is convex (n_b points away from a). */
  w: Float32Array;
}

/**
 * Builds the edges of every face and weighs them in float32, rounding where the C++ does. One pass
 * over the faces loads each face's three corners once and writes its three edges.
 */
export function meshEdges(positions: Float32Array, faces: Uint32Array, normals: Float32Array): MeshEdges {
  const faceCount = Math.floor(faces.length / 3);
  const count = faceCount * 3;
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  const w = new Float32Array(count);
  const p = positions;
  const n = normals;
  for (let t = 0, e = 0; t < faceCount; t++, e += 3) {
    const v1 = faces[e]!;
    const v2 = faces[e + 1]!;
    const v3 = faces[e + 2]!;
    a[e] = v1;
    b[e] = v2;
    a[e + 1] = v1;
    b[e + 1] = v3;
    a[e + 2] = v3;
    b[e + 2] = v2;
    const i1 = 3 * v1;
    const i2 = 3 * v2;
    const i3 = 3 * v3;
    const p1x = p[i1]!, p1y = p[i1 + 1]!, p1z = p[i1 + 2]!;
    const p2x = p[i2]!, p2y = p[i2 + 1]!, p2z = p[i2 + 2]!;
    const p3x = p[i3]!, p3y = p[i3 + 1]!, p3z = p[i3 + 2]!;
    const n1x = n[i1]!, n1y = n[i1 + 1]!, n1z = n[i1 + 2]!;
    const n2x = n[i2]!, n2y = n[i2 + 1]!, n2z = n[i2 + 2]!;
    const n3x = n[i3]!, n3y = n[i3 + 1]!, n3z = n[i3 + 2]!;
    w[e] = edgeWeight(p1x, p1y, p1z, n1x, n1y, n1z, p2x, p2y, p2z, n2x, n2y, n2z);
    w[e + 1] = edgeWeight(p1x, p1y, p1z, n1x, n1y, n1z, p3x, p3y, p3z, n3x, n3y, n3z);
    w[e + 2] = edgeWeight(p3x, p3y, p3z, n3x, n3y, n3z, p2x, p2y, p2z, n2x, n2y, n2z);
  }
  return { a, b, w };
}

/** `1 − n_a·n_b`, squared when n_b points away from a (a convex edge), rounded to float32 at every C++ step. */
function edgeWeight(ax: number, ay: number, az: number, nax: number, nay: number, naz: number, bx: number, by: number, bz: number, nbx: number, nby: number, nbz: number): number {
  let dx = f(bx - ax);
  let dy = f(by - ay);
  let dz = f(bz - az);
  const dd = f(Math.sqrt(f(f(f(dx * dx) + f(dy * dy)) + f(dz * dz))));
  dx = f(dx / dd);
  dy = f(dy / dd);
  dz = f(dz / dd);
  const dot = f(f(f(nax * nbx) + f(nay * nby)) + f(naz * nbz));
  const convex = f(f(f(nbx * dx) + f(nby * dy)) + f(nbz * dz));
  const ww = f(1 - dot);
  return convex > 0 ? f(ww * ww) : ww;
}
