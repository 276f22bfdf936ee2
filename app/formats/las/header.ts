// Parses the LAS public header block (versions 1.0 to 1.4).
import { FormatError } from '../errors';
import { POINT_LAYOUTS } from './pointFormats';
import type { LasHeader } from './types';

const MIN_HEADER = 227; // LAS 1.0–1.2
const HEADER_14 = 375;

export function parseLasHeader(bytes: Uint8Array, file: string): LasHeader {
  if (bytes[0] !== 0x4c || bytes[1] !== 0x41 || bytes[2] !== 0x53 || bytes[3] !== 0x46) {
    throw new FormatError({ file, offset: 0, expected: 'the signature "LASF" of a LAS file' });
  }
  if (bytes.length < MIN_HEADER) throw new FormatError({ file, offset: bytes.length, expected: `a public header block of at least ${MIN_HEADER} bytes, file ends` });
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const versionMajor = bytes[24]!;
  const versionMinor = bytes[25]!;
  if (versionMajor !== 1 || versionMinor > 4) throw new FormatError({ file, offset: 24, expected: `LAS version 1.0 to 1.4, found ${versionMajor}.${versionMinor}` });
  const headerSize = dv.getUint16(94, true);
  if (headerSize < MIN_HEADER || headerSize > bytes.length) throw new FormatError({ file, offset: 94, expected: `a header size from ${MIN_HEADER} to the file length ${bytes.length}, found ${headerSize}` });
  const pointOffset = dv.getUint32(96, true);
  if (pointOffset < headerSize) throw new FormatError({ file, offset: 96, expected: `an offset to point data of at least the header size ${headerSize}, found ${pointOffset}` });
  const rawFormat = bytes[104]!;
  // LAZ (LASzip) sets bit 7 of the format id; bit 6 marks an old compression no decoder here reads.
  if (rawFormat & 0x40) throw new FormatError({ file, offset: 104, expected: `a point data format id without bit 6 (an obsolete compression), found ${rawFormat}` });
  const compressed = (rawFormat & 0x80) !== 0;
  const formatByte = rawFormat & 0x3f;
  if (formatByte >= POINT_LAYOUTS.length) throw new FormatError({ file, offset: 104, expected: `a point data format 0 to 10, found ${formatByte}` });
  const recordLength = dv.getUint16(105, true);
  const layout = POINT_LAYOUTS[formatByte]!;
  if (recordLength < layout.minLength) throw new FormatError({ file, offset: 105, expected: `a record length of at least ${layout.minLength} for point format ${formatByte}, found ${recordLength}` });
  const legacyCount = dv.getUint32(107, true);
  let pointCount = legacyCount;
  if (versionMinor >= 4 && headerSize >= HEADER_14) {
    const wide = dv.getBigUint64(247, true);
    if (wide > BigInt(Number.MAX_SAFE_INTEGER)) throw new FormatError({ file, offset: 247, expected: `a point count below 2^53, found ${wide}` });
    if (wide > 0n) pointCount = Number(wide);
  }
  const f64 = (at: number) => dv.getFloat64(at, true);
  const scale: [number, number, number] = [f64(131), f64(139), f64(147)];
  const offset: [number, number, number] = [f64(155), f64(163), f64(171)];
  scale.forEach((s, i) => {
    if (!Number.isFinite(s) || s === 0) throw new FormatError({ file, offset: 131 + 8 * i, expected: `a finite non-zero ${'XYZ'[i]} scale factor, found ${s}` });
  });
  offset.forEach((o, i) => {
    if (!Number.isFinite(o)) throw new FormatError({ file, offset: 155 + 8 * i, expected: `a finite ${'XYZ'[i]} offset, found ${o}` });
  });
  return {
    versionMajor, versionMinor, headerSize, pointOffset, pointFormat: formatByte, compressed, recordLength, pointCount, scale, offset,
    max: [f64(179), f64(195), f64(211)],
    min: [f64(187), f64(203), f64(219)],
  };
}
