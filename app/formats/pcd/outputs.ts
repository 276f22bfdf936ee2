// The arrays a PCD body fills, allocated once the point count is known to be backed by data.
import type { PcdTargets } from './targets';

export interface PcdOutputs {
  positions: Float32Array | Float64Array;
  colors?: Uint8Array;
  normals?: Float32Array;
  labels?: Int32Array;
  instances?: Int32Array;
}

export function allocateOutputs(t: PcdTargets, n: number): PcdOutputs {
  // Doubles stay doubles: georeferenced clouds lose millimetres in float32.
  const wide = t.xyz.some((s) => s.field.size === 8);
  const out: PcdOutputs = { positions: wide ? new Float64Array(n * 3) : new Float32Array(n * 3) };
  if (t.packedRgb || t.channels) out.colors = new Uint8Array(n * 3);
  if (t.normal) out.normals = new Float32Array(n * 3);
  if (t.label) out.labels = new Int32Array(n);
  if (t.instance) out.instances = new Int32Array(n);
  return out;
}

/**
 * Drops points with a non-finite coordinate (PCL marks invalid points of organised clouds with NaN).
 * Returns the outputs unchanged when every point is finite.
 */
export function dropNonFinite(o: PcdOutputs): PcdOutputs {
  const p = o.positions;
  const n = p.length / 3;
  let keep = 0;
  for (let i = 0; i < n; i++) if (p[3 * i]! - p[3 * i]! === 0 && p[3 * i + 1]! - p[3 * i + 1]! === 0 && p[3 * i + 2]! - p[3 * i + 2]! === 0) keep++;
  if (keep === n) return o;
  const pick = new Uint32Array(keep);
  for (let i = 0, j = 0; i < n; i++) if (p[3 * i]! - p[3 * i]! === 0 && p[3 * i + 1]! - p[3 * i + 1]! === 0 && p[3 * i + 2]! - p[3 * i + 2]! === 0) pick[j++] = i;
  const take3 = <T extends Float32Array | Float64Array | Uint8Array>(a: T, make: (len: number) => T): T => {
    const r = make(keep * 3);
    for (let j = 0; j < keep; j++) {
      const s = 3 * pick[j]!;
      r[3 * j] = a[s]!;
      r[3 * j + 1] = a[s + 1]!;
      r[3 * j + 2] = a[s + 2]!;
    }
    return r;
  };
  const take1 = (a: Int32Array): Int32Array => {
    const r = new Int32Array(keep);
    for (let j = 0; j < keep; j++) r[j] = a[pick[j]!]!;
    return r;
  };
  const out: PcdOutputs = {
    positions: p instanceof Float64Array ? take3(p, (l) => new Float64Array(l)) : take3(p, (l) => new Float32Array(l)),
  };
  if (o.colors) out.colors = take3(o.colors, (l) => new Uint8Array(l));
  if (o.normals) out.normals = take3(o.normals, (l) => new Float32Array(l));
  if (o.labels) out.labels = take1(o.labels);
  if (o.instances) out.instances = take1(o.instances);
  return out;
}
