// DATA binary (row-major records) and binary_compressed (LZF, then field-major blocks) bodies, fed in
// chunks of any size (the whole body is one chunk for readPcd). Binary rows are converted as they
// arrive. A compressed body is kept whole (it is one LZF stream), but decompressed through a small
// window straight into the outputs (lzfWindow.ts), never into a second full-size buffer.
import { FormatError } from '../errors';
import { columnJobs, runJob, type ColumnJob } from './columnJobs';
import { lzfDecompressWindowed } from './lzfWindow';
import { allocateOutputs, type PcdOutputs } from './outputs';
import type { PcdTargets } from './targets';
import type { PcdHeader } from './types';

/** A PCD body parser: receives the bytes after the DATA line, in order. */
export interface PcdBody {
  push(chunk: Uint8Array): void;
  /** The arrays, or the same FormatError the whole-body reader gives. */
  finish(): PcdOutputs;
}

/** Largest output one LZF input byte can yield: a 3-byte back-reference copies up to 264 bytes. */
const LZF_MAX_RATIO = 88;

/**
 * Bytes after the last point: a few line breaks, spaces or NULs (less than one point) that some
 * writers leave are not data. Keeps the first few to decide.
 */
class Trailer {
  count = 0;
  private readonly head: Uint8Array;
  constructor(private readonly rowSize: number) {
    this.head = new Uint8Array(Math.max(rowSize, 2));
  }
  push(bytes: Uint8Array): void {
    const room = this.head.length - this.count;
    if (room > 0) this.head.set(bytes.subarray(0, room), this.count);
    this.count += bytes.length;
  }
  isSlack(): boolean {
    if (this.count >= Math.max(this.rowSize, 2)) return false;
    for (let i = 0; i < this.count; i++) {
      const b = this.head[i];
      if (b !== 0x0a && b !== 0x0d && b !== 0x20 && b !== 0x00) return false;
    }
    return true;
  }
}

export class BinaryRows implements PcdBody {
  private readonly out: PcdOutputs;
  private readonly jobs: ColumnJob[];
  private readonly carry: Uint8Array;
  private readonly carryDv: DataView;
  private carried = 0;
  private rows = 0;
  private readonly trailer: Trailer;
  private readonly need: number;

  /** `fileLength`: the whole file's size, checked against POINTS before anything is allocated. */
  constructor(private readonly header: PcdHeader, private readonly t: PcdTargets, private readonly file: string, fileLength: number) {
    const n = header.points;
    this.need = n * t.rowSize;
    const have = fileLength - header.dataOffset;
    if (have < this.need) this.truncated(have, fileLength);
    this.out = allocateOutputs(t, n);
    this.jobs = columnJobs(t, this.out);
    this.carry = new Uint8Array(Math.max(t.rowSize, 1));
    this.carryDv = new DataView(this.carry.buffer);
    this.trailer = new Trailer(t.rowSize);
  }

  private truncated(have: number, at: number): never {
    const row = Math.floor(have / this.t.rowSize);
    throw new FormatError({ file: this.file, offset: at, expected: `${this.need - have} more data bytes (point ${row} of POINTS ${this.header.points}, ${this.t.rowSize} bytes per point), file ends` });
  }

  private convert(dv: DataView, start: number, count: number): void {
    for (const job of this.jobs) runJob(job, { dv, start: start + job.slot.byteOffset, stride: this.t.rowSize, count });
    this.rows += count;
  }

  push(chunk: Uint8Array): void {
    const n = this.header.points;
    const len = this.t.rowSize;
    let from = 0;
    if (this.carried > 0) {
      const take = Math.min(len - this.carried, chunk.length);
      this.carry.set(chunk.subarray(0, take), this.carried);
      this.carried += take;
      from = take;
      if (this.carried === len) {
        this.carried = 0;
        this.convert(this.carryDv, 0, 1);
      }
    }
    if (this.carried === 0 && len > 0 && this.rows < n) {
      const whole = Math.min(n - this.rows, Math.floor((chunk.length - from) / len));
      if (whole > 0) this.convert(new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength), from, whole);
      from += whole * len;
      if (this.rows < n && from < chunk.length) {
        this.carry.set(chunk.subarray(from), 0);
        this.carried = chunk.length - from;
        from = chunk.length;
      }
    }
    if (from < chunk.length) this.trailer.push(chunk.subarray(from));
  }

  finish(): PcdOutputs {
    const got = this.rows * this.t.rowSize + this.carried;
    // The size was checked against the file's length; a shorter stream means the file shrank.
    if (this.rows < this.header.points) this.truncated(got, this.header.dataOffset + got);
    if (this.trailer.count > 0 && !this.trailer.isSlack()) {
      throw new FormatError({ file: this.file, offset: this.header.dataOffset + this.need, expected: `end of file after POINTS ${this.header.points} points, found ${this.trailer.count} more bytes` });
    }
    return this.out;
  }
}

export class CompressedBody implements PcdBody {
  private readonly sizes = new Uint8Array(8);
  private sizeBytes = 0;
  private body?: Uint8Array;
  private bodyBytes = 0;
  private readonly trailer: Trailer;

  constructor(private readonly header: PcdHeader, private readonly t: PcdTargets, private readonly file: string, private readonly fileLength: number) {
    this.trailer = new Trailer(t.rowSize);
    if (fileLength - header.dataOffset < 8) this.noSizes(fileLength);
  }

  private noSizes(at: number): never {
    throw new FormatError({ file: this.file, offset: at, expected: 'compressed and uncompressed sizes (8 bytes) after DATA binary_compressed, file ends' });
  }

  /** Checks the two sizes against POINTS and the file, then allocates the compressed body. */
  private start(): void {
    const dv = new DataView(this.sizes.buffer);
    const compressed = dv.getUint32(0, true);
    const uncompressed = dv.getUint32(4, true);
    const n = this.header.points;
    const at = this.header.dataOffset;
    const file = this.file;
    const need = n * this.t.rowSize;
    if (uncompressed !== need) throw new FormatError({ file, offset: at + 4, expected: `uncompressed size POINTS × point size = ${need}, found ${uncompressed}` });
    if (at + 8 + compressed > this.fileLength) {
      throw new FormatError({ file, offset: this.fileLength, expected: `${at + 8 + compressed - this.fileLength} more compressed bytes (${compressed} declared), file ends` });
    }
    if (uncompressed > compressed * LZF_MAX_RATIO) {
      throw new FormatError({ file, offset: at, expected: `a compressed size LZF can expand to ${uncompressed} bytes (at least ${Math.ceil(uncompressed / LZF_MAX_RATIO)}), found ${compressed}` });
    }
    this.body = new Uint8Array(compressed);
  }

  push(chunk: Uint8Array): void {
    let from = 0;
    if (this.sizeBytes < 8) {
      const take = Math.min(8 - this.sizeBytes, chunk.length);
      this.sizes.set(chunk.subarray(0, take), this.sizeBytes);
      this.sizeBytes += take;
      from = take;
      if (this.sizeBytes < 8) return;
      this.start();
    }
    const body = this.body!;
    const take = Math.min(body.length - this.bodyBytes, chunk.length - from);
    body.set(chunk.subarray(from, from + take), this.bodyBytes);
    this.bodyBytes += take;
    from += take;
    if (from < chunk.length) this.trailer.push(chunk.subarray(from));
  }

  finish(): PcdOutputs {
    const at = this.header.dataOffset;
    if (this.sizeBytes < 8) this.noSizes(at + this.sizeBytes);
    const body = this.body!;
    if (this.bodyBytes < body.length) {
      throw new FormatError({ file: this.file, offset: at + 8 + this.bodyBytes, expected: `${body.length - this.bodyBytes} more compressed bytes (${body.length} declared), file ends` });
    }
    if (this.trailer.count > 0 && !this.trailer.isSlack()) {
      throw new FormatError({ file: this.file, offset: at + 8 + body.length, expected: `end of file after ${body.length} compressed bytes, found ${this.trailer.count} more` });
    }
    const n = this.header.points;
    const out = allocateOutputs(this.t, n);
    const jobs = columnJobs(this.t, out);
    let dv: DataView | undefined;
    // Field-major: all points' values of field 0, then of field 1, …; a field's block starts at n × (bytes of the fields before it).
    lzfDecompressWindowed(body, 0, body.length, n * this.t.rowSize, this.file, at + 8, (window, windowStart, end) => {
      if (dv?.buffer !== window.buffer) dv = new DataView(window.buffer, window.byteOffset, window.byteLength);
      for (const job of jobs) {
        const f = job.slot.field;
        const stride = f.size * f.count;
        const blockStart = n * job.slot.byteOffset;
        const valueSize = job.packed ? 4 : f.size;
        if (job.next >= n || end < blockStart + valueSize) continue;
        const last = Math.min(n, Math.floor((end - blockStart - valueSize) / stride) + 1);
        if (last <= job.next) continue;
        runJob(job, { dv, start: blockStart + job.next * stride - windowStart, stride, count: last - job.next });
      }
    });
    this.body = undefined;
    return out;
  }
}
