// Test helper: writes small LAS files byte by byte at the offsets of the LAS 1.4 R15 specification,
// independently of the reader.

export interface LasPoint {
  /** Raw integer X Y Z as stored. */
  xyz: [number, number, number];
  classification: number;
  rgb?: [number, number, number];
}

export interface LasFixture {
  minor: 2 | 3 | 4;
  format: number;
  points: LasPoint[];
  scale?: [number, number, number];
  offset?: [number, number, number];
  /** Extra bytes per record beyond the format's size. */
  extra?: number;
  /** Header counts (set to lie); LAS 1.4 writes both, legacy 0 for formats ≥ 6. */
  legacyCount?: number;
  wideCount?: number;
}

const SIZE = [20, 28, 26, 34, 57, 63, 30, 36, 38, 59, 67];
const RGB_AT: Record<number, number> = { 2: 20, 3: 28, 5: 28, 7: 30, 8: 30, 10: 30 };

export function lasFile(o: LasFixture): Uint8Array {
  const headerSize = o.minor === 4 ? 375 : o.minor === 3 ? 235 : 227;
  const vlrGap = 2; // the 1.0-era "point data start signature" bytes some writers leave; readers must use the offset
  const recordLength = SIZE[o.format]! + (o.extra ?? 0);
  const pointOffset = headerSize + vlrGap;
  const out = new Uint8Array(pointOffset + recordLength * o.points.length);
  const dv = new DataView(out.buffer);
  out.set([0x4c, 0x41, 0x53, 0x46]);
  out[24] = 1;
  out[25] = o.minor;
  dv.setUint16(94, headerSize, true);
  dv.setUint32(96, pointOffset, true);
  dv.setUint32(100, 0, true);
  out[104] = o.format;
  dv.setUint16(105, recordLength, true);
  dv.setUint32(107, o.legacyCount ?? (o.format >= 6 ? 0 : o.points.length), true);
  const scale = o.scale ?? [0.01, 0.01, 0.01];
  const offset = o.offset ?? [0, 0, 0];
  for (let i = 0; i < 3; i++) {
    dv.setFloat64(131 + 8 * i, scale[i]!, true);
    dv.setFloat64(155 + 8 * i, offset[i]!, true);
  }
  if (o.minor === 4) dv.setBigUint64(247, BigInt(o.wideCount ?? o.points.length), true);
  o.points.forEach((p, i) => {
    const at = pointOffset + i * recordLength;
    p.xyz.forEach((v, c) => dv.setInt32(at + 4 * c, v, true));
    dv.setUint16(at + 12, 1000, true); // intensity
    if (o.format < 6) {
      out[at + 14] = 0b00001001; // return 1 of 1
      out[at + 15] = p.classification | 0b10000000; // withheld flag in the top bit
    } else {
      out[at + 14] = 0x11;
      out[at + 15] = 0;
      out[at + 16] = p.classification;
    }
    const rgbAt = RGB_AT[o.format];
    if (rgbAt !== undefined && p.rgb) p.rgb.forEach((v, c) => dv.setUint16(at + rgbAt + 2 * c, v, true));
  });
  return out;
}
