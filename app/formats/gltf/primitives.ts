// One mesh primitive's points (transformed to world), colours, normals and triangles.
import { readAccessor } from './accessors';
import type { Json, JsonFields } from './json';
import type { Mat4 } from './types';

export interface PrimitivePart {
  positions: Float32Array;
  colors?: Uint8Array;
  normals?: Float32Array;
  /** Triangles, indices local to this part. */
  faces: Uint32Array;
}

const FLOAT = 5126, UBYTE = 5121, USHORT = 5123, UINT = 5125;

export function readPrimitive(json: Json, f: JsonFields, buffers: Uint8Array[], prim: Json, path: string, world: Mat4): PrimitivePart | undefined {
  const attrs = f.object(prim.attributes, `${path}.attributes`);
  if (attrs.POSITION === undefined) return undefined; // nothing to place
  const pos = readAccessor(json, f, buffers, attrs.POSITION, `${path}.attributes.POSITION`, { sizes: [3], types: [FLOAT] });
  const n = pos.count;
  const positions = new Float32Array(n * 3);
  const m = world;
  for (let i = 0; i < n; i++) {
    const x = pos.values[3 * i]!, y = pos.values[3 * i + 1]!, z = pos.values[3 * i + 2]!;
    positions[3 * i] = m[0]! * x + m[4]! * y + m[8]! * z + m[12]!;
    positions[3 * i + 1] = m[1]! * x + m[5]! * y + m[9]! * z + m[13]!;
    positions[3 * i + 2] = m[2]! * x + m[6]! * y + m[10]! * z + m[14]!;
  }
  const part: PrimitivePart = { positions, faces: new Uint32Array(0) };

  if (attrs.NORMAL !== undefined) {
    const nrm = readAccessor(json, f, buffers, attrs.NORMAL, `${path}.attributes.NORMAL`, { sizes: [3], types: [FLOAT] });
    if (nrm.count !== n) f.fail(`${path}.attributes.NORMAL`, `to have ${n} elements like POSITION, found ${nrm.count}`);
    part.normals = transformNormals(nrm.values as Float32Array, m);
  }
  if (attrs.COLOR_0 !== undefined) {
    const col = readAccessor(json, f, buffers, attrs.COLOR_0, `${path}.attributes.COLOR_0`, { sizes: [3, 4], types: [FLOAT, UBYTE, USHORT] });
    if (col.count !== n) f.fail(`${path}.attributes.COLOR_0`, `to have ${n} elements like POSITION, found ${col.count}`);
    const colors = new Uint8Array(n * 3);
    for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) colors[3 * i + c] = linearToSrgb8(col.values[i * col.size + c]!);
    part.colors = colors;
  }

  let idx: Uint32Array;
  if (prim.indices !== undefined) {
    const a = readAccessor(json, f, buffers, prim.indices, `${path}.indices`, { sizes: [1], types: [UBYTE, USHORT, UINT], integer: true });
    idx = a.values as Uint32Array;
    for (let i = 0; i < idx.length; i++) if (idx[i]! >= n) f.fail(`${path}.indices`, `to be below the ${n} vertices, found ${idx[i]} at ${i}`);
  } else {
    idx = new Uint32Array(n).map((_, i) => i);
  }
  const mode = f.optIndex(prim, 'mode', path, 4);
  if (mode > 6) f.fail(`${path}.mode`, `to be 0..6, found ${mode}`);
  part.faces = triangles(idx, mode);
  return part;
}

/** Triangle list for modes 4 (triangles), 5 (strip) and 6 (fan); points and lines give none. */
function triangles(idx: Uint32Array, mode: number): Uint32Array {
  if (mode === 4) return idx.subarray(0, idx.length - (idx.length % 3));
  if ((mode !== 5 && mode !== 6) || idx.length < 3) return new Uint32Array(0);
  const out = new Uint32Array((idx.length - 2) * 3);
  for (let i = 0; i + 2 < idx.length; i++) {
    // Strips alternate winding so every triangle faces the same way.
    const [a, b, c] = mode === 6 ? [idx[0]!, idx[i + 1]!, idx[i + 2]!] : i % 2 ? [idx[i + 1]!, idx[i]!, idx[i + 2]!] : [idx[i]!, idx[i + 1]!, idx[i + 2]!];
    out.set([a, b, c], 3 * i);
  }
  return out;
}

/** Normals by the inverse transpose of the upper 3×3, renormalised. */
function transformNormals(v: Float32Array, m: Mat4): Float32Array {
  const a = m[0]!, b = m[4]!, c = m[8]!, d = m[1]!, e = m[5]!, g = m[9]!, h = m[2]!, k = m[6]!, l = m[10]!;
  // Cofactor matrix = det × inverse transpose; the scale of det drops out in the renormalisation.
  const c00 = e * l - g * k, c01 = -(d * l - g * h), c02 = d * k - e * h;
  const c10 = -(b * l - c * k), c11 = a * l - c * h, c12 = -(a * k - b * h);
  const c20 = b * g - c * e, c21 = -(a * g - c * d), c22 = a * e - b * d;
  const det = a * c00 + b * c01 + c * c02;
  const sign = det < 0 ? -1 : 1;
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i += 3) {
    const x = v[i]!, y = v[i + 1]!, z = v[i + 2]!;
    const nx = c00 * x + c01 * y + c02 * z, ny = c10 * x + c11 * y + c12 * z, nz = c20 * x + c21 * y + c22 * z;
    const len = Math.hypot(nx, ny, nz) || 1;
    out[i] = (sign * nx) / len;
    out[i + 1] = (sign * ny) / len;
    out[i + 2] = (sign * nz) / len;
  }
  return out;
}

/** glTF vertex colours are linear; ScanData colours are sRGB bytes like the PLY reader's. */
function linearToSrgb8(v: number): number {
  const x = v <= 0 ? 0 : v >= 1 ? 1 : v;
  const s = x <= 0.0031308 ? 12.92 * x : 1.055 * Math.pow(x, 1 / 2.4) - 0.055;
  return Math.round(s * 255);
}
