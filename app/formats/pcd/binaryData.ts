// DATA binary (row-major records) and binary_compressed (LZF, then field-major blocks) bodies.
// Both reduce to "field f of point i is at start_f + i * stride_f", so one set of column copies serves.
import { FormatError } from '../errors';
import { copyColumn, copyPackedRgb, type ColumnSource } from './columns';
import { lzfDecompress } from './lzf';
import { allocateOutputs, type PcdOutputs } from './outputs';
import type { FieldSlot, PcdTargets } from './targets';
import type { PcdHeader } from './types';

/** Largest output one LZF input byte can yield: a 3-byte back-reference copies up to 264 bytes. */
const LZF_MAX_RATIO = 88;

export function readBinaryData(bytes: Uint8Array, header: PcdHeader, t: PcdTargets, file: string): PcdOutputs {
  const n = header.points;
  const need = n * t.rowSize;
  const start = header.dataOffset;
  const have = bytes.length - start;
  if (have < need) {
    const row = Math.floor(have / t.rowSize);
    throw new FormatError({ file, offset: bytes.length, expected: `${need - have} more data bytes (point ${row} of POINTS ${n}, ${t.rowSize} bytes per point), file ends` });
  }
  if (have > need && !isSlack(bytes, start + need, t.rowSize)) {
    throw new FormatError({ file, offset: start + need, expected: `end of file after POINTS ${n} points, found ${have - need} more bytes` });
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return fill(t, n, (s) => ({ dv, start: start + s.byteOffset, stride: t.rowSize, count: n }));
}

export function readCompressedData(bytes: Uint8Array, header: PcdHeader, t: PcdTargets, file: string): PcdOutputs {
  const n = header.points;
  const at = header.dataOffset;
  if (bytes.length - at < 8) throw new FormatError({ file, offset: bytes.length, expected: 'compressed and uncompressed sizes (8 bytes) after DATA binary_compressed, file ends' });
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const compressed = dv.getUint32(at, true);
  const uncompressed = dv.getUint32(at + 4, true);
  const need = n * t.rowSize;
  if (uncompressed !== need) {
    throw new FormatError({ file, offset: at + 4, expected: `uncompressed size POINTS × point size = ${need}, found ${uncompressed}` });
  }
  const dataStart = at + 8;
  if (dataStart + compressed > bytes.length) {
    throw new FormatError({ file, offset: bytes.length, expected: `${dataStart + compressed - bytes.length} more compressed bytes (${compressed} declared), file ends` });
  }
  if (uncompressed > compressed * LZF_MAX_RATIO) {
    throw new FormatError({ file, offset: at, expected: `a compressed size LZF can expand to ${uncompressed} bytes (at least ${Math.ceil(uncompressed / LZF_MAX_RATIO)}), found ${compressed}` });
  }
  if (bytes.length > dataStart + compressed && !isSlack(bytes, dataStart + compressed, t.rowSize)) {
    throw new FormatError({ file, offset: dataStart + compressed, expected: `end of file after ${compressed} compressed bytes, found ${bytes.length - dataStart - compressed} more` });
  }
  const raw = lzfDecompress(bytes, dataStart, dataStart + compressed, uncompressed, file);
  const rdv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  // Field-major: all points' values of field 0, then of field 1, …; a field's block starts at n × (bytes of the fields before it).
  return fill(t, n, (s) => ({ dv: rdv, start: n * s.byteOffset, stride: s.field.size * s.field.count, count: n }));
}

function fill(t: PcdTargets, n: number, source: (s: FieldSlot) => ColumnSource): PcdOutputs {
  const out = allocateOutputs(t, n);
  t.xyz.forEach((s, axis) => copyColumn(source(s), s.field, out.positions, axis, 3));
  if (t.packedRgb) copyPackedRgb(source(t.packedRgb), out.colors!);
  if (t.channels) t.channels.forEach((s, c) => copyColumn(source(s), s.field, out.colors!, c, 3));
  if (t.normal) t.normal.forEach((s, axis) => copyColumn(source(s), s.field, out.normals!, axis, 3));
  if (t.label) copyColumn(source(t.label), t.label.field, out.labels!, 0, 1);
  if (t.instance) copyColumn(source(t.instance), t.instance.field, out.instances!, 0, 1);
  return out;
}

/** A few trailing line breaks, spaces or NULs (less than one point) that some writers leave: not data. */
function isSlack(bytes: Uint8Array, from: number, rowSize: number): boolean {
  if (bytes.length - from >= Math.max(rowSize, 2)) return false;
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x0a && b !== 0x0d && b !== 0x20 && b !== 0x00) return false;
  }
  return true;
}
