// PCD parsed chunk by chunk (the import worker's streaming path, and readPcd with the whole file as
// one chunk, so both give the same arrays and the same errors): the header sizes the outputs, then
// the body goes to the parser for its DATA kind (binaryData.ts, asciiData.ts).
import type { ScanData } from '../scan-data';
import { AsciiBody } from './asciiData';
import { BinaryRows, CompressedBody, type PcdBody } from './binaryData';
import { parsePcdHeader } from './header';
import { dropNonFinite } from './outputs';
import { planTargets } from './targets';
import type { PcdHeader } from './types';

export class PcdChunkParser {
  /** File offset of the next byte pushed. */
  private at = 0;
  private readonly body: PcdBody;

  /**
   * A parser for the file whose first bytes are `head`, or undefined when the header does not end
   * inside `head` (the whole-file reader then reports it). Throws FormatError for a bad header, or a
   * body that cannot fit `fileLength`.
   */
  static forHead(head: Uint8Array, fileLength: number, file = 'pcd'): PcdChunkParser | undefined {
    let header: PcdHeader;
    try {
      header = parsePcdHeader(head, file);
    } catch (e) {
      if (head.length < fileLength) return undefined;
      throw e;
    }
    // A DATA line cut by the end of `head` could read differently with the rest of it.
    if (header.dataOffset >= head.length && head.length < fileLength) return undefined;
    return new PcdChunkParser(header, file, fileLength);
  }

  constructor(readonly header: PcdHeader, file: string, fileLength: number) {
    const t = planTargets(header, file);
    this.body =
      header.data === 'ascii' ? new AsciiBody(header, t, file, fileLength)
      : header.data === 'binary' ? new BinaryRows(header, t, file, fileLength)
      : new CompressedBody(header, t, file, fileLength);
  }

  /** The file's next bytes, in order, from its first byte (the header is skipped here). */
  push(chunk: Uint8Array): void {
    const skip = Math.max(0, Math.min(chunk.length, this.header.dataOffset - this.at));
    this.at += chunk.length;
    if (skip < chunk.length) this.body.push(skip ? chunk.subarray(skip) : chunk);
  }

  finish(): ScanData {
    const o = dropNonFinite(this.body.finish());
    const data: ScanData = { format: 'pcd', positions: o.positions, upAxis: 'z' };
    if (o.colors) data.colors = o.colors;
    if (o.normals) data.normals = o.normals;
    if (o.labels) data.labels = o.labels;
    if (o.instances) data.instances = o.instances;
    return data;
  }
}
