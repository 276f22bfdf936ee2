// Uncompressed LAS parsed chunk by chunk (the import worker's streaming path): the header sizes the
// outputs, records are converted as chunks arrive by the same LasRecordSink readLas uses.
import type { ScanData } from '../scan-data';
import { parseLasHeader } from './header';
import { checkRecordsFit } from './readLas';
import { LasRecordSink } from './records';
import type { LasHeader } from './types';

export class LasChunkParser {
  private readonly sink: LasRecordSink;
  /** File offset of the next byte pushed. */
  private at = 0;
  private readonly carry: Uint8Array;
  private carried = 0;

  /** Undefined for LAZ (its decoder needs the whole file) or a header that is not inside `head`. */
  static forHead(head: Uint8Array, fileLength: number, file = 'las'): LasChunkParser | undefined {
    if (head.length < 375 && head.length < fileLength) return undefined;
    const h = parseLasHeader(head, file);
    if (h.compressed) return undefined;
    checkRecordsFit(h, fileLength, file);
    return new LasChunkParser(h, file);
  }

  private constructor(private readonly header: LasHeader, private readonly file: string) {
    this.sink = new LasRecordSink(header);
    this.carry = new Uint8Array(header.recordLength);
  }

  push(chunk: Uint8Array): void {
    const { pointOffset, recordLength: len, pointCount } = this.header;
    let from = Math.max(0, Math.min(chunk.length, pointOffset - this.at));
    this.at += from;
    while (from < chunk.length && this.sink.count < pointCount) {
      if (this.carried > 0 || chunk.length - from < len) {
        const take = Math.min(len - this.carried, chunk.length - from);
        this.carry.set(chunk.subarray(from, from + take), this.carried);
        this.carried += take;
        from += take;
        this.at += take;
        if (this.carried === len) {
          this.carried = 0;
          this.sink.push(this.carry, 0, 1);
        }
        continue;
      }
      const n = Math.min(pointCount - this.sink.count, Math.floor((chunk.length - from) / len));
      this.sink.push(chunk, from, n);
      from += n * len;
      this.at += n * len;
    }
    // Bytes after the last record (LAS 1.4 extended VLRs) are not point data.
    this.at += chunk.length - from;
  }

  finish(): ScanData {
    // The header's count was checked against the file length; a shorter stream means the file shrank.
    checkRecordsFit(this.header, this.sink.count === this.header.pointCount ? Infinity : this.at, this.file);
    return this.sink.finish();
  }
}
