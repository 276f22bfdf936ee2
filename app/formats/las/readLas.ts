import { FormatError } from '../errors';
import type { ScanData, ScanReadOptions } from '../scan-data';
import { parseLasHeader } from './header';
import { readLazRecords, type LazDecoder } from './laz';
import { LasRecordSink } from './records';
import type { LasHeader } from './types';

export interface LasReadOptions extends ScanReadOptions {
  /** Decodes LAZ (compressed) files; without one they are refused with a FormatError. */
  laz?: LazDecoder;
}

/**
 * Parses a LAS 1.0–1.4 file (point formats 0..10) into ScanData (z-up): positions in float64 as
 * X × scale + offset, RGB where the format has it, classification as labels (see LasRecordSink for
 * the colour rule). LAZ files take the same path through `options.laz`.
 */
export function readLas(bytes: Uint8Array, options: LasReadOptions = {}): ScanData {
  const file = options.fileName ?? 'las';
  const h = parseLasHeader(bytes, file);
  if (h.compressed) {
    if (!options.laz) throw new FormatError({ file, offset: 104, expected: 'uncompressed LAS point records (this is LAZ, and no LAZ decoder was given)' });
    return readLazRecords(bytes, options.laz, file);
  }
  checkRecordsFit(h, bytes.length, file);
  const sink = new LasRecordSink(h);
  sink.push(bytes, h.pointOffset, h.pointCount);
  return sink.finish();
}

/** Throws the truncation error when the file ends before its last point record. */
export function checkRecordsFit(h: LasHeader, fileLength: number, file: string): void {
  const n = h.pointCount;
  const len = h.recordLength;
  const end = h.pointOffset + n * len;
  if (end > fileLength) {
    const whole = Math.max(0, Math.floor((fileLength - h.pointOffset) / len));
    throw new FormatError({ file, offset: fileLength, expected: `${end - fileLength} more bytes of point records (point ${whole} of ${n}, ${len} bytes each), file ends` });
  }
}
