// LAZ decoded chunk by chunk as the file streams in (the import worker), and for readLas with the
// whole file as one push. LASzip writes the chunk table after the compressed chunks, so the parser
// first asks for it (needs → supply: the import reads those bytes out of order), decodes it
// (lazChunkTable.ts), then collects each chunk's compressed bytes as they arrive and has the host's
// decoder expand them batch by batch into the same LasRecordSink uncompressed LAS uses. Peak memory:
// the output arrays, one compressed chunk, one batch of records.
import { FormatError } from '../errors';
import type { ScanData } from '../scan-data';
import { parseLasHeader } from './header';
import { checkChunkTableHead, chunkTableOffset, parseLaszipVlr, type LazChunkReader, type LazDecoder } from './laz';
import { decodeChunkTable, type LazChunk } from './lazChunkTable';
import { LasRecordSink } from './records';
import type { LasHeader } from './types';

/** Records decoded per batch: small enough to stay in cache, large enough to amortise the calls. */
const BATCH = 4096;
/** Worst case coded bytes per chunk table entry (two 32-bit corrections), and the coder's own bytes. */
const TABLE_ENTRY_MAX = 24;
const TABLE_SLACK = 16;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class LazChunkParser {
  private readonly sink: LasRecordSink;
  private readonly tableAt: number;
  private readonly chunkSize: number;
  private tableCount?: number;
  private chunks?: LazChunk[];
  /** File offset of the next byte pushed. */
  private at = 0;
  /** The chunk being collected, and how many of its bytes are in `buffer`. */
  private current = 0;
  private have = 0;
  private buffer = new Uint8Array(0);
  private reader?: LazChunkReader;
  /** The second decoder of the last chunk, and its batch (see decode). */
  private check?: LazChunkReader;
  private checkBatch?: Uint8Array;
  private readonly batch: Uint8Array;

  /**
   * A parser for the LAZ file whose first bytes are `head`, or undefined when its VLRs or the chunk
   * table's offset do not fit in `head` (or it is not LAZ). Throws the structure's FormatError.
   */
  static forHead(head: Uint8Array, fileLength: number, file: string, decoder: LazDecoder): LazChunkParser | undefined {
    if (head.length < 375 && head.length < fileLength) return undefined;
    const h = parseLasHeader(head, file);
    if (!h.compressed) return undefined;
    if (h.pointOffset + 8 > head.length && head.length < fileLength) return undefined;
    const vlr = parseLaszipVlr(head, h, file);
    const layers = vlr.compressor === 3 ? layerCount(vlr.items) : undefined;
    if (h.pointCount === 0) return new LazChunkParser(h, file, decoder, -1, vlr.chunkSize);
    const tableAt = chunkTableOffset(head, h, fileLength, file);
    // Arrays are sized from the header's count before decoding: bound it by the compressed bytes
    // (LASzip spends well over 1/128 byte on any point), so a damaged count is an error, not a huge allocation.
    const compressed = tableAt - h.pointOffset;
    if (h.pointCount > compressed * 128) {
      throw new FormatError({ file, offset: h.versionMinor >= 4 ? 247 : 107, expected: `at most ${compressed * 128} points for ${compressed} compressed bytes, found ${h.pointCount}` });
    }
    return new LazChunkParser(h, file, decoder, tableAt, vlr.chunkSize, fileLength, layers);
  }

  private constructor(
    private readonly header: LasHeader,
    private readonly file: string,
    private readonly decoder: LazDecoder,
    tableAt: number,
    chunkSize: number,
    private readonly fileLength = 0,
    /** Layered (LAS 1.4) chunks: how many layer sizes follow each chunk's point count. */
    private readonly layers?: number,
  ) {
    this.sink = new LasRecordSink(header, 'laz');
    this.tableAt = tableAt;
    this.chunkSize = chunkSize;
    this.batch = new Uint8Array(BATCH * header.recordLength);
    if (tableAt < 0) this.chunks = [];
  }

  /** The file range the parser needs before the next push (the chunk table), or undefined. */
  needs(): { from: number; to: number } | undefined {
    if (this.chunks) return undefined;
    if (this.tableCount === undefined) return { from: this.tableAt, to: this.tableAt + 8 };
    const to = Math.min(this.fileLength, this.tableAt + 8 + this.tableCount * TABLE_ENTRY_MAX + TABLE_SLACK);
    return { from: this.tableAt, to };
  }

  /** The bytes of the range `needs()` named. */
  supply(bytes: Uint8Array): void {
    if (this.tableCount === undefined) {
      this.tableCount = checkChunkTableHead(bytes, this.tableAt, this.header, this.chunkSize, this.file);
      return;
    }
    this.chunks = decodeChunkTable(bytes, this.tableAt, this.header.pointOffset, this.chunkSize, this.header.pointCount, this.file);
    const largest = this.chunks.reduce((m, c) => Math.max(m, c.byteLength), 0);
    this.buffer = new Uint8Array(largest);
  }

  push(chunk: Uint8Array): void {
    const chunks = this.chunks;
    if (!chunks) throw new Error('LazChunkParser: push before the chunk table was supplied');
    const base = this.at;
    this.at += chunk.length;
    let from = 0;
    while (this.current < chunks.length) {
      const c = chunks[this.current]!;
      const want = c.start + this.have; // file offset of the next byte this chunk needs
      if (want >= base + chunk.length) return;
      from = Math.max(from, want - base);
      const take = Math.min(c.byteLength - this.have, chunk.length - from);
      if (this.have === 0 && take === c.byteLength) {
        this.decode(c, chunk.subarray(from, from + take)); // whole inside this push: no copy
      } else {
        this.buffer.set(chunk.subarray(from, from + take), this.have);
        this.have += take;
        if (this.have < c.byteLength) return;
        this.decode(c, this.buffer.subarray(0, c.byteLength));
      }
      from += take;
      this.have = 0;
      this.current++;
    }
  }

  /**
   * Decodes one chunk into the sink. The last chunk's point count comes from the header alone (with
   * fixed-size chunks), so a header claiming more points than were compressed makes the decoder run
   * past the chunk: it is decoded twice, over two different guard bytes, and any difference is that
   * overrun (pointwise chunks only; a layered chunk's own count must match). Other chunks' counts
   * are fixed by the table and the chunk size.
   */
  private decode(c: LazChunk, compressed: Uint8Array): void {
    const h = this.header;
    if (this.layers !== undefined) this.checkLayers(c, compressed);
    // Layered chunks state their own point count (checked in checkLayers), so they need no second pass.
    const last = this.current === this.chunks!.length - 1 && this.layers === undefined;
    const where = () => `chunk ${this.current} of ${this.chunks!.length}`;
    try {
      this.reader ??= this.decoder.chunks(h.pointFormat, h.recordLength);
      this.reader.begin(compressed, 0x00);
      if (last) {
        this.check ??= this.decoder.chunks(h.pointFormat, h.recordLength);
        this.check.begin(compressed, 0xff);
      }
    } catch (e) {
      this.close();
      throw new FormatError({ file: this.file, offset: c.start, expected: `a LASzip chunk the decoder can open (${where()}: ${message(e)})` });
    }
    for (let done = 0; done < c.pointCount; ) {
      const count = Math.min(BATCH, c.pointCount - done);
      try {
        this.reader.read(this.batch, count);
        if (last) {
          this.checkBatch ??= new Uint8Array(this.batch.length);
          this.check!.read(this.checkBatch, count);
          const n = count * h.recordLength;
          for (let i = 0; i < n; i++) {
            if (this.batch[i] !== this.checkBatch[i]) {
              const point = this.sink.count + Math.floor(i / h.recordLength);
              this.close();
              throw new FormatError({ file: this.file, offset: c.start + c.byteLength, expected: `compressed data for point ${point} of ${h.pointCount} (${where()}, ${c.pointCount} points by the header's count), the chunk's ${c.byteLength} bytes end first` });
            }
          }
        }
      } catch (e) {
        if (e instanceof FormatError) throw e;
        this.close();
        const first = this.sink.count;
        throw new FormatError({
          file: this.file,
          offset: c.start,
          expected: `LASzip-compressed point records the decoder can read (failed within points ${first}..${first + count - 1} of ${h.pointCount}, chunk ${this.current} of ${this.chunks!.length}: ${message(e)})`,
        });
      }
      this.sink.push(this.batch, 0, count);
      done += count;
    }
  }

  /**
   * A layered chunk starts with its first record raw, its point count and the byte size of each layer;
   * the decoder allocates what those sizes say, so they are checked against the chunk first.
   */
  private checkLayers(c: LazChunk, compressed: Uint8Array): void {
    const len = this.header.recordLength;
    const head = len + 4 + 4 * this.layers!;
    const where = `chunk ${this.current} of ${this.chunks!.length}`;
    if (compressed.length < head) {
      throw new FormatError({ file: this.file, offset: c.start, expected: `a layered ${where} of at least ${head} bytes (raw first point, point count, ${this.layers} layer sizes), it has ${compressed.length}` });
    }
    const dv = new DataView(compressed.buffer, compressed.byteOffset, compressed.byteLength);
    const count = dv.getUint32(len, true);
    if (count !== c.pointCount) throw new FormatError({ file: this.file, offset: c.start + len, expected: `${c.pointCount} points in ${where}, its header says ${count}` });
    let total = head;
    for (let i = 0; i < this.layers!; i++) total += dv.getUint32(len + 4 + 4 * i, true);
    if (total > compressed.length) {
      throw new FormatError({ file: this.file, offset: c.start + len + 4, expected: `layer sizes within the ${compressed.length} bytes of ${where}, they add up to ${total}` });
    }
  }

  private close(): void {
    this.reader?.close();
    this.check?.close();
    this.reader = this.check = undefined;
  }

  finish(): ScanData {
    this.close();
    const chunks = this.chunks ?? [];
    if (this.current < chunks.length) {
      // The table was read from the file's end, so a stream that stops before a chunk means the file shrank.
      const c = chunks[this.current]!;
      throw new FormatError({ file: this.file, offset: Math.min(this.at, c.start + c.byteLength), expected: `chunk ${this.current} of ${chunks.length} (${c.byteLength} bytes from byte ${c.start}), file ends` });
    }
    return this.sink.finish();
  }
}

/**
 * Layers per item in LASzip's layered compression: POINT14 9 (returns and XY, Z, classification,
 * flags, intensity, scan angle, user data, point source, GPS time), RGB14 1, RGBNIR14 2, WAVEPACKET14
 * 1, BYTE14 one per byte. Undefined for an item this reader does not know (no check is made then).
 */
function layerCount(items: { type: number; size: number }[]): number | undefined {
  let n = 0;
  for (const it of items) {
    const k = it.type === 10 ? 9 : it.type === 11 ? 1 : it.type === 12 ? 2 : it.type === 13 ? 1 : it.type === 14 ? it.size : undefined;
    if (k === undefined) return undefined;
    n += k;
  }
  return n;
}
