// Turns raw LAS point records into ScanData arrays, batch by batch: the one conversion shared by the
// whole-file LAS reader, the chunked import and the LAZ reader (whose decoder yields the same raw
// records), so all three give identical arrays for the same points.
import type { ScanData } from '../scan-data';
import { POINT_LAYOUTS } from './pointFormats';
import type { LasHeader } from './types';

export class LasRecordSink {
  readonly positions: Float64Array;
  readonly labels: Int32Array;
  readonly colors?: Uint8Array;
  /** Points stored so far. */
  count = 0;
  private readonly classOffset: number;
  private readonly classMask: number;
  private readonly rgbOffset: number;
  /** True once a colour value above 255 was seen: from then on colours keep their high byte. */
  private wide = false;

  constructor(private readonly header: LasHeader, private readonly format = 'las') {
    const n = header.pointCount;
    const layout = POINT_LAYOUTS[header.pointFormat]!;
    this.positions = new Float64Array(n * 3);
    this.labels = new Int32Array(n);
    this.classOffset = layout.classOffset;
    this.classMask = layout.classBits5 ? 0x1f : 0xff;
    this.rgbOffset = layout.rgbOffset ?? -1;
    if (layout.rgbOffset !== undefined) this.colors = new Uint8Array(n * 3);
  }

  /** Converts `count` whole records starting at byte `start` of `bytes` (the caller checked the bounds). */
  push(bytes: Uint8Array, start: number, count: number): void {
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    convertRecords(bytes, dv, start, count, this.count, this.header, this.positions, this.labels, this.classOffset, this.classMask);
    if (this.colors) this.pushColors(dv, start + this.rgbOffset, count);
    this.count += count;
  }

  /**
   * 16-bit colours become 8-bit by their high byte, unless every value in the file is ≤ 255 (writers
   * that store 8-bit colour in the 16-bit fields), which are kept as they are. Streaming keeps the
   * values while all are ≤ 255; the first larger one zeroes what came before (their high byte is 0).
   */
  private pushColors(dv: DataView, start: number, count: number): void {
    const out = this.colors!;
    const stride = this.header.recordLength;
    let k = this.count * 3;
    let i = 0;
    let o = start;
    // Until a wide value shows up, check each one; after it, the plain high-byte loop.
    for (; i < count && !this.wide; i++, o += stride) {
      for (let c = 0; c < 6; c += 2, k++) {
        const v = dv.getUint16(o + c, true);
        if (this.wide) out[k] = v >> 8; // the rest of the point where the first wide value appeared
        else if (v <= 255) out[k] = v;
        else {
          out.fill(0, 0, k);
          this.wide = true;
          out[k] = v >> 8;
        }
      }
    }
    for (; i < count; i++, o += stride, k += 3) {
      out[k] = dv.getUint16(o, true) >> 8;
      out[k + 1] = dv.getUint16(o + 2, true) >> 8;
      out[k + 2] = dv.getUint16(o + 4, true) >> 8;
    }
  }

  finish(): ScanData {
    const data: ScanData = { format: this.format, positions: this.positions, labels: this.labels, upAxis: 'z' };
    if (this.colors) data.colors = this.colors;
    return data;
  }
}

/** The hot loop, a plain function of locals (measurably faster in V8 than the same loop in a method). */
function convertRecords(bytes: Uint8Array, dv: DataView, start: number, count: number, first: number, h: LasHeader, positions: Float64Array, labels: Int32Array, classOffset: number, classMask: number): void {
  const len = h.recordLength;
  const [sx, sy, sz] = h.scale;
  const [ox, oy, oz] = h.offset;
  for (let i = first, o = start, end = first + count; i < end; i++, o += len) {
    positions[3 * i] = dv.getInt32(o, true) * sx + ox;
    positions[3 * i + 1] = dv.getInt32(o + 4, true) * sy + oy;
    positions[3 * i + 2] = dv.getInt32(o + 8, true) * sz + oz;
    labels[i] = bytes[o + classOffset]! & classMask;
  }
}
