// LAZ (LASzip-compressed LAS). The arithmetic decoding itself is not done here: app/ runs in every
// runtime, and the decoder we use (laz-perf, WASM) loads its binary through Node's fs, so the host
// injects it through this interface (main/formats/laz-perf-decoder.ts). What this module owns:
// checking the file's LAZ structure first, so a truncated or damaged file is a FormatError with a byte
// offset before any decoding starts, then feeding the decoded raw records to the same record sink
// as uncompressed LAS.
import { FormatError } from '../errors';
import type { ScanData } from '../scan-data';
import { LasRecordSink } from './records';
import type { LasHeader } from './types';

/** A LAZ decoder: yields the raw LAS point records of a whole LAZ file, in order. */
export interface LazDecoder {
  /** Opens the LAZ file's bytes; may throw anything on data it cannot read. */
  open(bytes: Uint8Array): LazPointStream;
}

export interface LazPointStream {
  readonly pointCount: number;
  readonly recordLength: number;
  /** Point data format, 0..10, without the compression bit. */
  readonly pointFormat: number;
  /** Decodes the next `count` records into `into` (count × recordLength bytes from its start). */
  read(into: Uint8Array, count: number): void;
  /** Releases the decoder's memory; safe to call more than once. */
  close(): void;
}

/** The LASzip VLR fields the reader checks. */
export interface LaszipVlr {
  compressor: number;
  /** Points per chunk; 0xffffffff for variable-sized chunks. */
  chunkSize: number;
  /** Byte offset of the chunk table (from the 8 bytes at the start of point data). */
  chunkTableOffset: number;
  chunkCount: number;
}

const VLR_HEADER = 54;
const LASZIP_USER = 'laszip encoded';
const LASZIP_RECORD = 22204;
/** Records decoded per batch: small enough to stay in cache, large enough to amortise the calls. */
const BATCH = 4096;

/** Finds and checks the LASzip VLR and the chunk table it points to. */
export function parseLaszipStructure(bytes: Uint8Array, h: LasHeader, file: string): LaszipVlr {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const vlrCount = dv.getUint32(100, true);
  let at = h.headerSize;
  let vlr: { compressor: number; chunkSize: number } | undefined;
  for (let i = 0; i < vlrCount && !vlr; i++) {
    if (at + VLR_HEADER > h.pointOffset) {
      throw new FormatError({ file, offset: at, expected: `variable length record ${i + 1} of ${vlrCount} before the point data at byte ${h.pointOffset}` });
    }
    if (at + VLR_HEADER > bytes.length) throw new FormatError({ file, offset: bytes.length, expected: `the header of variable length record ${i + 1} of ${vlrCount} at byte ${at}, file ends` });
    const user = new TextDecoder('latin1').decode(bytes.subarray(at + 2, at + 18)).replace(/\0.*$/s, '');
    const record = dv.getUint16(at + 18, true);
    const length = dv.getUint16(at + 20, true);
    const body = at + VLR_HEADER;
    if (body + length > h.pointOffset) throw new FormatError({ file, offset: at + 20, expected: `a record of at most ${h.pointOffset - body} bytes before the point data, found ${length}` });
    if (body + length > bytes.length) throw new FormatError({ file, offset: bytes.length, expected: `${body + length - bytes.length} more bytes of variable length record ${i + 1} of ${vlrCount}, file ends` });
    if (user === LASZIP_USER && record === LASZIP_RECORD) {
      if (length < 34) throw new FormatError({ file, offset: at + 20, expected: `a LASzip record of at least 34 bytes, found ${length}` });
      vlr = { compressor: dv.getUint16(body, true), chunkSize: dv.getUint32(body + 12, true) };
    }
    at = body + length;
  }
  if (!vlr) throw new FormatError({ file, offset: h.headerSize, expected: `the LASzip record ("${LASZIP_USER}", ${LASZIP_RECORD}) of a LAZ file among its ${vlrCount} variable length records` });
  if (vlr.compressor !== 2 && vlr.compressor !== 3) {
    throw new FormatError({ file, offset: h.headerSize, expected: `LASzip chunked compression (compressor 2 or 3), found compressor ${vlr.compressor}` });
  }
  if (h.pointCount === 0) return { ...vlr, chunkTableOffset: -1, chunkCount: 0 };
  const p = h.pointOffset;
  if (p + 8 > bytes.length) throw new FormatError({ file, offset: bytes.length, expected: `the 8-byte chunk table offset at byte ${p}, file ends` });
  const table = dv.getBigInt64(p, true);
  if (table === -1n) throw new FormatError({ file, offset: p, expected: 'a chunk table offset (this LAZ was written without one, which the decoder does not support)' });
  if (table < BigInt(p + 8) || table + 8n > BigInt(bytes.length)) {
    const truncated = table >= BigInt(p + 8) && table < 2n ** 53n;
    throw new FormatError({
      file,
      offset: truncated ? bytes.length : p,
      expected: truncated ? `the chunk table at byte ${table} (after the compressed points), file ends` : `a chunk table offset between ${p + 8} and ${bytes.length - 8}, found ${table}`,
    });
  }
  const tableAt = Number(table);
  const version = dv.getUint32(tableAt, true);
  const chunkCount = dv.getUint32(tableAt + 4, true);
  if (version !== 0) throw new FormatError({ file, offset: tableAt, expected: `chunk table version 0, found ${version}` });
  if (vlr.chunkSize !== 0xffffffff && vlr.chunkSize > 0) {
    const want = Math.ceil(h.pointCount / vlr.chunkSize);
    if (chunkCount !== want) {
      throw new FormatError({ file, offset: tableAt + 4, expected: `${want} chunks for ${h.pointCount} points of ${vlr.chunkSize} per chunk, found ${chunkCount}` });
    }
  }
  return { ...vlr, chunkTableOffset: tableAt, chunkCount };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Reads a LAZ file (header already parsed, compressed) through `decoder` into the LAS reader's ScanData. */
export function readLazRecords(bytes: Uint8Array, h: LasHeader, decoder: LazDecoder, file: string): ScanData {
  const structure = parseLaszipStructure(bytes, h, file);
  if (h.pointCount === 0) return new LasRecordSink(h, 'laz').finish();
  // Arrays are sized from the header's count before decoding: bound it by the compressed bytes
  // (LASzip spends well over 1/128 byte on any point), so a damaged count is an error, not a huge allocation.
  const compressed = Math.max(0, structure.chunkTableOffset - h.pointOffset);
  if (h.pointCount > compressed * 128) {
    throw new FormatError({ file, offset: h.versionMinor >= 4 ? 247 : 107, expected: `at most ${compressed * 128} points for ${compressed} compressed bytes, found ${h.pointCount}` });
  }
  const sink = new LasRecordSink(h, 'laz');
  const dataAt = h.pointOffset + 8;
  let stream: LazPointStream;
  try {
    stream = decoder.open(bytes);
  } catch (e) {
    throw new FormatError({ file, offset: h.headerSize, expected: `a LAZ header and LASzip record the decoder can open (${message(e)})` });
  }
  try {
    if (stream.pointCount !== h.pointCount || stream.recordLength !== h.recordLength || stream.pointFormat !== h.pointFormat) {
      throw new FormatError({
        file,
        offset: h.headerSize,
        expected: `the decoder to agree with the header (${h.pointCount} points of format ${h.pointFormat}, ${h.recordLength} bytes), it found ${stream.pointCount} of format ${stream.pointFormat}, ${stream.recordLength} bytes`,
      });
    }
    const len = h.recordLength;
    const batch = new Uint8Array(BATCH * len);
    for (let done = 0; done < h.pointCount; ) {
      const count = Math.min(BATCH, h.pointCount - done);
      try {
        stream.read(batch, count);
      } catch (e) {
        const chunk = structure.chunkSize > 0 && structure.chunkSize !== 0xffffffff ? `, chunk ${Math.floor(done / structure.chunkSize)} of ${structure.chunkCount}` : '';
        throw new FormatError({ file, offset: dataAt, expected: `LASzip-compressed point records the decoder can read (failed within points ${done}..${done + count - 1} of ${h.pointCount}${chunk}: ${message(e)})` });
      }
      sink.push(batch, 0, count);
      done += count;
    }
  } finally {
    stream.close();
  }
  return sink.finish();
}
