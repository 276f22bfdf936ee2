// Test support: writes LAZ from uncompressed LAS, our own LASzip encoder (from the published format
// description; never shipped in the app path). Point formats 0..3 (LAS 1.0–1.3 style records) with
// the pointwise-chunked compressor (2) and the version-2 items POINT10, GPSTIME11, RGB12 and BYTE (extra
// bytes); LAS 1.4 formats 6..8 with the layered compressor (3) and the version-3 items POINT14, RGB14,
// RGBNIR14 (laz-point14.ts, with its restrictions).
//
// Layout written: the LAS header with bit 7 set in the format id, the input's VLRs plus the LASzip VLR
// ("laszip encoded", 22204: compressor, coder, version, options, chunk size, item list), then at the
// point offset the 8-byte file position of the chunk table, the chunks (each: its first record raw,
// then the arithmetic-coded rest, or for layered chunks the point count, layer sizes and layers) and
// the chunk table (version 0, chunk count, then per chunk its point count when chunks vary in size,
// and its byte size, each coded with an integer compressor against the previous chunk's).
import { parseLasHeader } from '../../../app/formats/las/header';
import { ArithmeticEncoder, ByteSink, IntegerCompressor } from './laz-arithmetic';
import { ByteWriter, GpsTime11Writer, Point10Writer, Rgb12Writer, type ItemWriter } from './laz-items';
import { Point14Writer, Rgb14Writer, RgbNir14Writer, type LayeredItemWriter } from './laz-point14';

export interface LazEncodeOptions {
  /** Points per chunk (LASzip's default is 50,000). */
  chunkSize?: number;
  /**
   * Variable-sized chunks instead: the points of each chunk, in order (they must add up to the point
   * count). The LASzip record then says chunk size 0xffffffff and the table codes each chunk's count.
   */
  chunks?: number[];
}

/** LASzip item types and their sizes. */
const POINT10 = 6;
const GPSTIME11 = 7;
const RGB12 = 8;
const BYTE = 0;

interface Item {
  type: number;
  size: number;
  /** Byte offset of the item within the record. */
  at: number;
}

const POINT14 = 10;
const RGB14 = 11;
const RGBNIR14 = 12;

/** The items of a record of point format 0..3, 6 or 7 with `recordLength` bytes. */
export function lazItems(format: number, recordLength: number): Item[] {
  if (format >= 6 && format <= 8) {
    const items: Item[] = [{ type: POINT14, size: 30, at: 0 }];
    if (format === 7) items.push({ type: RGB14, size: 6, at: 30 });
    if (format === 8) items.push({ type: RGBNIR14, size: 8, at: 30 });
    const size = [30, 36, 38][format - 6]!;
    if (recordLength !== size) throw new Error(`LAZ encoder: point format ${format} records of ${size} bytes only (no extra bytes), found ${recordLength}`);
    return items;
  }
  if (format > 3) throw new Error(`LAZ encoder: point format ${format} is not implemented (formats 0..3, and 6..8 layered)`);
  const items: Item[] = [{ type: POINT10, size: 20, at: 0 }];
  let at = 20;
  if (format === 1 || format === 3) {
    items.push({ type: GPSTIME11, size: 8, at });
    at += 8;
  }
  if (format === 2 || format === 3) {
    items.push({ type: RGB12, size: 6, at });
    at += 6;
  }
  if (recordLength < at) throw new Error(`LAZ encoder: a record of ${recordLength} bytes is too short for point format ${format} (${at})`);
  if (recordLength > at) items.push({ type: BYTE, size: recordLength - at, at });
  return items;
}

const VLR_HEADER = 54;

/** The LASzip VLR: its 54-byte header and the body describing compressor, chunking and items. */
function laszipVlr(items: Item[], chunkSize: number, layered: boolean): Uint8Array {
  const body = 34 + 6 * items.length;
  const out = new Uint8Array(VLR_HEADER + body);
  const dv = new DataView(out.buffer);
  out.set(new TextEncoder().encode('laszip encoded'), 2);
  dv.setUint16(18, 22204, true);
  dv.setUint16(20, body, true);
  out.set(new TextEncoder().encode('Scenewright test LAZ encoder'), 22);
  const b = VLR_HEADER;
  dv.setUint16(b, layered ? 3 : 2, true); // compressor: layered chunked (LAS 1.4 points) or pointwise chunked
  dv.setUint16(b + 2, 0, true); // coder: arithmetic
  out[b + 4] = layered ? 3 : 2; // LASzip version 3.4.0 or 2.2.0
  out[b + 5] = layered ? 4 : 2;
  dv.setUint16(b + 6, 0, true);
  dv.setUint32(b + 8, 0, true); // options
  dv.setUint32(b + 12, chunkSize, true);
  dv.setBigInt64(b + 16, -1n, true); // number of special EVLRs: none
  dv.setBigInt64(b + 24, -1n, true); // their offset
  dv.setUint16(b + 32, items.length, true);
  items.forEach((it, i) => {
    dv.setUint16(b + 34 + 6 * i, it.type, true);
    dv.setUint16(b + 36 + 6 * i, it.size, true);
    dv.setUint16(b + 38 + 6 * i, layered ? 3 : 2, true); // item version
  });
  return out;
}

function itemWriter(enc: ArithmeticEncoder, item: Item, bytes: Uint8Array, dv: DataView, record: number): ItemWriter {
  const at = record + item.at;
  if (item.type === POINT10) return new Point10Writer(enc, bytes, at);
  if (item.type === GPSTIME11) return new GpsTime11Writer(enc, dv, at);
  if (item.type === RGB12) return new Rgb12Writer(enc, dv, at);
  return new ByteWriter(enc, bytes, at, item.size);
}

/** Compresses the uncompressed LAS file `las` (point format 0..3) into LAZ bytes. */
export function encodeLaz(las: Uint8Array, options: LazEncodeOptions = {}): Uint8Array {
  const chunkSize = options.chunkSize ?? 50_000;
  if (!(Number.isInteger(chunkSize) && chunkSize > 0 && chunkSize < 0xffffffff)) throw new Error(`LAZ encoder: chunk size ${chunkSize} is not a positive integer`);
  const variable = options.chunks;
  if (variable && variable.some((c) => !(Number.isInteger(c) && c > 0))) throw new Error('LAZ encoder: chunk point counts must be positive integers');
  const h = parseLasHeader(las, 'encoder input');
  if (h.compressed) throw new Error('LAZ encoder: the input is already compressed');
  const dv = new DataView(las.buffer, las.byteOffset, las.byteLength);
  const items = lazItems(h.pointFormat, h.recordLength);
  const len = h.recordLength;
  const n = h.pointCount;
  if (h.pointOffset + n * len > las.length) throw new Error('LAZ encoder: the input ends before its last point record');

  // Header and the input's VLRs as they are, the LASzip VLR after them, point data right behind it.
  const vlrCount = dv.getUint32(100, true);
  let vlrEnd = h.headerSize;
  for (let i = 0; i < vlrCount; i++) vlrEnd += VLR_HEADER + dv.getUint16(vlrEnd + 20, true);
  if (variable && variable.reduce((a, b) => a + b, 0) !== n) throw new Error(`LAZ encoder: the chunks hold ${variable.reduce((a, b) => a + b, 0)} points, the file ${n}`);
  const layered = h.pointFormat >= 6;
  const vlr = laszipVlr(items, variable ? 0xffffffff : chunkSize, layered);
  const out = new ByteSink();
  out.putBytes(las.subarray(0, vlrEnd));
  out.putBytes(vlr);
  const pointOffset = out.length;
  const head = new DataView(out.bytes.buffer);
  head.setUint32(96, pointOffset, true);
  head.setUint32(100, vlrCount + 1, true);
  out.bytes[104] = h.pointFormat | 0x80;
  out.putBytes(new Uint8Array(8)); // the chunk table's position, filled in at the end

  const chunkBytes: number[] = [];
  const counts = variable ?? Array.from({ length: Math.ceil(n / chunkSize) }, (_, i) => Math.min(chunkSize, n - i * chunkSize));
  for (let c = 0, first = 0; c < counts.length; first += counts[c]!, c++) {
    const start = out.length;
    const end = first + counts[c]!;
    const at0 = h.pointOffset + first * len;
    out.putBytes(las.subarray(at0, at0 + len)); // the chunk's first record, raw
    if (layered) {
      writeLayeredChunk(out, items, las, dv, at0, len, end - first);
      chunkBytes.push(out.length - start);
      continue;
    }
    const enc = new ArithmeticEncoder(out);
    const writers = items.map((it) => itemWriter(enc, it, las, dv, at0));
    for (let i = first + 1, at = at0 + len; i < end; i++, at += len) {
      for (let w = 0; w < writers.length; w++) writers[w]!.write(las, dv, at + items[w]!.at);
    }
    enc.done();
    chunkBytes.push(out.length - start);
  }

  const tableAt = out.length;
  const table = new Uint8Array(8);
  new DataView(table.buffer).setUint32(4, chunkBytes.length, true); // version 0, chunk count
  out.putBytes(table);
  if (chunkBytes.length > 0) {
    const enc = new ArithmeticEncoder(out);
    const ic = new IntegerCompressor(enc, 32, 2);
    chunkBytes.forEach((bytes, i) => {
      if (variable) ic.compress(i ? counts[i - 1]! : 0, counts[i]!, 0);
      ic.compress(i ? chunkBytes[i - 1]! : 0, bytes, 1);
    });
    enc.done();
  }
  const result = out.result();
  new DataView(result.buffer).setBigInt64(pointOffset, BigInt(tableAt), true);
  return result;
}

/** A layered chunk after its raw first record: the point count, every item's layer sizes, the layers. */
function writeLayeredChunk(out: ByteSink, items: Item[], las: Uint8Array, dv: DataView, at0: number, len: number, count: number): void {
  const writers: LayeredItemWriter[] = items.map((it) =>
    it.type === POINT14 ? new Point14Writer(las, at0 + it.at) : it.type === RGB14 ? new Rgb14Writer(las, at0 + it.at) : new RgbNir14Writer(las, at0 + it.at),
  );
  for (let i = 1, at = at0 + len; i < count; i++, at += len) {
    for (let w = 0; w < writers.length; w++) writers[w]!.write(las, dv, at + items[w]!.at);
  }
  const layers = writers.flatMap((w) => w.layers());
  const head = new Uint8Array(4 + 4 * layers.length);
  const hv = new DataView(head.buffer);
  hv.setUint32(0, count, true);
  layers.forEach((l, i) => hv.setUint32(4 + 4 * i, l.length, true));
  out.putBytes(head);
  for (const l of layers) out.putBytes(l);
}
