// LAZ (LASzip-compressed LAS). The point decoding itself is not done here: app/ runs in every
// runtime, and the decoder we use (laz-perf, WASM) loads its binary through Node's fs, so the host
// injects it through this interface (main/formats/laz-perf-decoder.ts). What this module owns:
// checking the file's LAZ structure first (LASzip record, chunk table offset and head), so a truncated
// or damaged file is a FormatError with a byte offset before any decoding starts; the chunk table
// itself and the chunk-by-chunk decoding into the LAS record sink are in lazChunkTable.ts and
// lazChunkParser.ts.
import { FormatError } from '../errors';
import type { ScanData } from '../scan-data';
import { LazChunkParser } from './lazChunkParser';
import type { LasHeader } from './types';

/**
 * A LAZ decoder: yields raw LAS point records, either of a whole LAZ file in order (`open`, the
 * decoder's own reader, kept as the reference in tests) or chunk by chunk (`chunks`, what readLas
 * and the streaming import use: lazChunkParser.ts finds the chunks from the chunk table).
 */
export interface LazDecoder {
  /** Opens the LAZ file's bytes; may throw anything on data it cannot read. */
  open(bytes: Uint8Array): LazPointStream;
  /** A reader of single compressed chunks of records of this point format (0..10) and length. */
  chunks(pointFormat: number, recordLength: number): LazChunkReader;
}

export interface LazChunkReader {
  /**
   * Starts a chunk: its compressed bytes, whole (copied, so the view may be reused), followed in the
   * decoder's memory by a run of `guard` bytes (default 0) that a decoder overrunning the chunk reads.
   */
  begin(compressed: Uint8Array, guard?: number): void;
  /** Decodes the current chunk's next `count` records into `into`; may throw anything on bad data. */
  read(into: Uint8Array, count: number): void;
  /** Releases the decoder's memory; safe to call more than once. */
  close(): void;
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

/** The LASzip record (VLR) fields the reader uses. */
export interface LaszipRecord {
  compressor: number;
  /** Points per chunk; 0xffffffff for variable-sized chunks. */
  chunkSize: number;
  /** The compressed items, in record order. */
  items: { type: number; size: number }[];
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

/** Finds and checks the LASzip VLR and the chunk table it points to (the whole file in `bytes`). */
export function parseLaszipStructure(bytes: Uint8Array, h: LasHeader, file: string): LaszipVlr {
  const vlr = parseLaszipVlr(bytes, h, file);
  if (h.pointCount === 0) return { ...vlr, chunkTableOffset: -1, chunkCount: 0 };
  const tableAt = chunkTableOffset(bytes, h, bytes.length, file);
  return { ...vlr, chunkTableOffset: tableAt, chunkCount: checkChunkTableHead(bytes.subarray(tableAt, tableAt + 8), tableAt, h, vlr.chunkSize, file) };
}

/** The LASzip VLR among the VLRs in `bytes` (the file's first bytes, up to the point data). */
export function parseLaszipVlr(bytes: Uint8Array, h: LasHeader, file: string): LaszipRecord {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const vlrCount = dv.getUint32(100, true);
  let at = h.headerSize;
  let vlr: LaszipRecord | undefined;
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
      // The item list (type, size, version per item) describes the record the compressor wrote; the
      // decoder is driven by the header's format and length, so they must agree.
      const count = dv.getUint16(body + 32, true);
      if (34 + 6 * count > length) throw new FormatError({ file, offset: body + 32, expected: `${count} LASzip items (6 bytes each) inside the ${length}-byte record` });
      const items = Array.from({ length: count }, (_, k) => ({ type: dv.getUint16(body + 34 + 6 * k, true), size: dv.getUint16(body + 36 + 6 * k, true) }));
      vlr = { compressor: dv.getUint16(body, true), chunkSize: dv.getUint32(body + 12, true), items };
      const size = items.reduce((sum, it) => sum + it.size, 0);
      if (size !== h.recordLength) {
        throw new FormatError({ file, offset: 105, expected: `a point record length equal to the LASzip items' total of ${size} bytes, found ${h.recordLength}` });
      }
    }
    at = body + length;
  }
  if (!vlr) throw new FormatError({ file, offset: h.headerSize, expected: `the LASzip record ("${LASZIP_USER}", ${LASZIP_RECORD}) of a LAZ file among its ${vlrCount} variable length records` });
  if (vlr.compressor !== 2 && vlr.compressor !== 3) {
    throw new FormatError({ file, offset: h.headerSize, expected: `LASzip chunked compression (compressor 2 or 3), found compressor ${vlr.compressor}` });
  }
  return vlr;
}

/** The chunk table's file offset, from the 8 bytes at the point data's start (inside `bytes`), checked against the file's length. */
export function chunkTableOffset(bytes: Uint8Array, h: LasHeader, fileLength: number, file: string): number {
  const p = h.pointOffset;
  if (p + 8 > Math.min(bytes.length, fileLength)) throw new FormatError({ file, offset: fileLength, expected: `the 8-byte chunk table offset at byte ${p}, file ends` });
  const table = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigInt64(p, true);
  if (table === -1n) throw new FormatError({ file, offset: p, expected: 'a chunk table offset (this LAZ was written without one, which the decoder does not support)' });
  if (table < BigInt(p + 8) || table + 8n > BigInt(fileLength)) {
    const truncated = table >= BigInt(p + 8) && table < 2n ** 53n;
    throw new FormatError({
      file,
      offset: truncated ? fileLength : p,
      expected: truncated ? `the chunk table at byte ${table} (after the compressed points), file ends` : `a chunk table offset between ${p + 8} and ${fileLength - 8}, found ${table}`,
    });
  }
  return Number(table);
}

/** Checks the chunk table's version and count (its first 8 bytes, at file offset `tableAt`); returns the count. */
export function checkChunkTableHead(head: Uint8Array, tableAt: number, h: LasHeader, chunkSize: number, file: string): number {
  const dv = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const version = dv.getUint32(0, true);
  const chunkCount = dv.getUint32(4, true);
  if (version !== 0) throw new FormatError({ file, offset: tableAt, expected: `chunk table version 0, found ${version}` });
  if (chunkSize !== 0xffffffff && chunkSize > 0) {
    const want = Math.ceil(h.pointCount / chunkSize);
    if (chunkCount !== want) {
      throw new FormatError({ file, offset: tableAt + 4, expected: `${want} chunks for ${h.pointCount} points of ${chunkSize} per chunk, found ${chunkCount}` });
    }
  }
  return chunkCount;
}

/** Reads a LAZ file (its header says compressed) through `decoder` into the LAS reader's ScanData. */
export function readLazRecords(bytes: Uint8Array, decoder: LazDecoder, file: string): ScanData {
  // The whole file is the one chunk of the streaming parser, so chunked imports agree with readLas.
  const parser = LazChunkParser.forHead(bytes, bytes.length, file, decoder)!;
  for (let need = parser.needs(); need; need = parser.needs()) parser.supply(bytes.subarray(need.from, need.to));
  parser.push(bytes);
  return parser.finish();
}
