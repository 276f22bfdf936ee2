import { FormatError } from '../errors';
import type { ScanData, ScanReadOptions } from '../scan-data';
import { parseLasHeader } from './header';
import { POINT_LAYOUTS } from './pointFormats';

/**
 * Parses an uncompressed LAS 1.0–1.4 file (point formats 0..10) into ScanData (z-up): positions in
 * float64 as X × scale + offset, RGB where the format has it, classification as labels.
 * 16-bit colours become 8-bit by their high byte, unless every value is ≤ 255 (writers that store
 * 8-bit colour in the 16-bit fields), which are kept as they are. LAZ files are refused.
 */
export function readLas(bytes: Uint8Array, options: ScanReadOptions = {}): ScanData {
  const file = options.fileName ?? 'las';
  const h = parseLasHeader(bytes, file);
  const n = h.pointCount;
  const len = h.recordLength;
  const end = h.pointOffset + n * len;
  if (end > bytes.length) {
    const whole = Math.max(0, Math.floor((bytes.length - h.pointOffset) / len));
    throw new FormatError({ file, offset: bytes.length, expected: `${end - bytes.length} more bytes of point records (point ${whole} of ${n}, ${len} bytes each), file ends` });
  }
  const layout = POINT_LAYOUTS[h.pointFormat]!;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const positions = new Float64Array(n * 3);
  const labels = new Int32Array(n);
  const [sx, sy, sz] = h.scale;
  const [ox, oy, oz] = h.offset;
  const classMask = layout.classBits5 ? 0x1f : 0xff;
  for (let i = 0, o = h.pointOffset; i < n; i++, o += len) {
    positions[3 * i] = dv.getInt32(o, true) * sx + ox;
    positions[3 * i + 1] = dv.getInt32(o + 4, true) * sy + oy;
    positions[3 * i + 2] = dv.getInt32(o + 8, true) * sz + oz;
    labels[i] = bytes[o + layout.classOffset]! & classMask;
  }
  const data: ScanData = { format: 'las', positions, labels, upAxis: 'z' };
  if (layout.rgbOffset !== undefined) data.colors = readColors(dv, h.pointOffset + layout.rgbOffset, len, n);
  return data;
}

function readColors(dv: DataView, start: number, stride: number, n: number): Uint8Array {
  // One pass keeps the high bytes (the usual 16-bit colours) and finds the largest value; only
  // files whose colours are all ≤ 255 (8-bit stored in 16-bit fields) take a second pass.
  const out = new Uint8Array(n * 3);
  let max = 0;
  for (let i = 0, o = start, k = 0; i < n; i++, o += stride) {
    for (let c = 0; c < 6; c += 2, k++) {
      const v = dv.getUint16(o + c, true);
      out[k] = v >> 8;
      if (v > max) max = v;
    }
  }
  if (max > 255) return out;
  for (let i = 0, o = start, k = 0; i < n; i++, o += stride) for (let c = 0; c < 6; c += 2, k++) out[k] = dv.getUint16(o + c, true);
  return out;
}
