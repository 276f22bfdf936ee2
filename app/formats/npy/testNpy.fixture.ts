// Test helper: builds small .npy files byte by byte, independently of the reader.

export interface NpyFixture {
  descr: string;
  shape: number[];
  /** Elements in file order. */
  values: number[];
  fortran?: boolean;
  version?: 1 | 2 | 3;
  /** Replaces the header dict text entirely (to write broken headers). */
  dict?: string;
}

const SIZE: Record<string, number> = { f4: 4, f8: 8, i1: 1, i2: 2, i4: 4, i8: 8, u1: 1, u2: 2, u4: 4, u8: 8, b1: 1 };

export function npyFile(o: NpyFixture): Uint8Array {
  const shape = o.shape.length === 1 ? `(${o.shape[0]},)` : `(${o.shape.join(', ')})`;
  let dict = o.dict ?? `{'descr': '${o.descr}', 'fortran_order': ${o.fortran ? 'True' : 'False'}, 'shape': ${shape}, }`;
  const version = o.version ?? 1;
  const pre = version === 1 ? 10 : 12;
  // Pad with spaces so the data starts on a 64-byte boundary, ending the header with \n.
  while ((pre + dict.length + 1) % 64) dict += ' ';
  dict += '\n';
  const kind = o.descr.slice(1);
  const le = o.descr[0] !== '>';
  const size = SIZE[kind];
  if (!size) throw new Error(`fixture cannot encode ${o.descr}`);
  const out = new Uint8Array(pre + dict.length + o.values.length * size);
  const dv = new DataView(out.buffer);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  if (version === 1) dv.setUint16(8, dict.length, true);
  else dv.setUint32(8, dict.length, true);
  for (let i = 0; i < dict.length; i++) out[pre + i] = dict.charCodeAt(i);
  let at = pre + dict.length;
  for (const v of o.values) {
    if (kind === 'f4') dv.setFloat32(at, v, le);
    else if (kind === 'f8') dv.setFloat64(at, v, le);
    else if (kind === 'i1') dv.setInt8(at, v);
    else if (kind === 'u1' || kind === 'b1') dv.setUint8(at, v);
    else if (kind === 'i2') dv.setInt16(at, v, le);
    else if (kind === 'u2') dv.setUint16(at, v, le);
    else if (kind === 'i4') dv.setInt32(at, v, le);
    else if (kind === 'u4') dv.setUint32(at, v, le);
    else if (kind === 'i8') dv.setBigInt64(at, BigInt(v), le);
    else dv.setBigUint64(at, BigInt(v), le);
    at += size;
  }
  return out;
}
