// Binary PLY parsed chunk by chunk, for imports that must not hold the whole file: the header sizes
// the outputs, then each chunk's whole rows are copied in place by the same row copier readPly uses
// (readVertexRows), so both give identical arrays and errors. Only fixed-stride elements stream
// (point clouds); files with list properties (meshes) or ASCII bodies use readPly on the whole file.
import { FormatError } from '../errors';
import { binaryCtx, readVertexRows, rowSize } from './binaryBody';
import { parsePlyHeader } from './header';
import type { PlyData, PlyHeader } from './types';
import { planVertexOutputs, type VertexOutputs } from './vertexTargets';

const END = new TextEncoder().encode('end_header');

function indexOf(bytes: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

export class PlyChunkParser {
  readonly header: PlyHeader;
  private readonly file: string;
  private readonly fileLength: number;
  private readonly vertexIndex: number;
  private readonly vertices: VertexOutputs;
  private readonly strides: number[];
  /** Element being read, rows of it done, and the file offset of the next byte expected. */
  private element = 0;
  private row = 0;
  private at: number;
  /** The start of a row split between two chunks. */
  private carry: Uint8Array;
  private carried = 0;

  /**
   * A parser for `head` (the file's first bytes, holding the whole header), or undefined when the
   * file is not one this parser streams (ASCII, list properties, header not inside `head`): the
   * caller then reads the whole file with readPly. `fileLength` lets it check, before allocating,
   * that the header's counts fit the file, with readPly's error.
   */
  static forHead(head: Uint8Array, fileLength: number, file = 'ply'): PlyChunkParser | undefined {
    const end = indexOf(head.subarray(0, Math.min(head.length, 1 << 20)), END);
    // The line break after end_header must be inside `head` too, unless head is the whole file.
    if (end < 0 || (end + END.length + 2 > head.length && head.length < fileLength)) return undefined;
    const header = parsePlyHeader(head, file);
    if (header.format === 'ascii' || header.elements.some((e) => e.properties.some((p) => p.listCountType))) return undefined;
    return new PlyChunkParser(header, fileLength, file);
  }

  private constructor(header: PlyHeader, fileLength: number, file: string) {
    this.header = header;
    this.file = file;
    this.fileLength = fileLength;
    this.at = 0;
    this.strides = header.elements.map((e) => rowSize(e.properties));
    this.vertexIndex = header.elements.findIndex((e) => e.name === 'vertex');
    let pos = header.bodyOffset;
    header.elements.forEach((e, i) => {
      if (this.vertexIndex < 0 || i <= this.vertexIndex) this.checkFits(i, pos, fileLength);
      pos += e.count * this.strides[i]!;
    });
    if (this.vertexIndex < 0) throw new FormatError({ file, offset: header.bodyOffset, expected: 'an element named "vertex"' });
    const vertex = header.elements[this.vertexIndex]!;
    const planned = planVertexOutputs(vertex);
    if (!planned) throw new FormatError({ file, offset: this.bodyStartOf(this.vertexIndex), expected: 'vertex properties x, y and z' });
    this.vertices = planned;
    this.carry = new Uint8Array(Math.max(1, ...this.strides));
    this.skipEmpty();
  }

  private bodyStartOf(index: number): number {
    let pos = this.header.bodyOffset;
    for (let i = 0; i < index; i++) pos += this.header.elements[i]!.count * this.strides[i]!;
    return pos;
  }

  /** readPly's truncation error (ensureFixed), computed from the file length before any body byte is read. */
  private checkFits(index: number, pos: number, fileLength: number): void {
    const element = this.header.elements[index]!;
    const stride = this.strides[index]!;
    const have = fileLength - pos;
    if (stride === 0 || element.count * stride <= have) return;
    const row = Math.floor(have / stride);
    const missing = stride - (have - row * stride);
    throw new FormatError({ file: this.file, offset: fileLength, expected: `${missing} more ${element.name} bytes (row ${row} of ${element.count}, ${stride} bytes per row), file ends` });
  }

  private skipEmpty(): void {
    const els = this.header.elements;
    while (this.element < els.length && (this.row >= els[this.element]!.count || this.strides[this.element] === 0)) {
      this.element++;
      this.row = 0;
    }
  }

  /** Feeds the next bytes of the file (from its first byte on, header included), in order. */
  push(chunk: Uint8Array): void {
    let from = 0;
    // The header's bytes were parsed already.
    if (this.at < this.header.bodyOffset) {
      from = Math.min(chunk.length, this.header.bodyOffset - this.at);
      this.at += from;
    }
    while (from < chunk.length) {
      if (this.element >= this.header.elements.length) {
        const more = Math.max(this.fileLength, this.at + chunk.length - from) - this.at;
        throw new FormatError({ file: this.file, offset: this.at, expected: `end of file after the last element, found ${more} more bytes (do the element counts match the data?)` });
      }
      const stride = this.strides[this.element]!;
      if (this.carried > 0 || chunk.length - from < stride) {
        // A row split across chunks: gather it, then read it on its own.
        const take = Math.min(stride - this.carried, chunk.length - from);
        this.carry.set(chunk.subarray(from, from + take), this.carried);
        this.carried += take;
        from += take;
        if (this.carried === stride) {
          this.carried = 0;
          this.rows(this.carry, 0, 1, this.at);
        }
        continue;
      }
      const left = this.header.elements[this.element]!.count - this.row;
      const n = Math.min(left, Math.floor((chunk.length - from) / stride));
      this.rows(chunk, from, n, this.at);
      from += n * stride;
    }
  }

  /** Reads `n` whole rows of the current element from bytes[from..]; `fileAt` is their file offset. */
  private rows(bytes: Uint8Array, from: number, n: number, fileAt: number): void {
    if (this.element === this.vertexIndex) {
      const ctx = binaryCtx(bytes, this.header, this.file, fileAt - from);
      readVertexRows(ctx, this.header.elements[this.element]!, from, this.vertices, this.row, n);
    }
    const stride = this.strides[this.element]!;
    this.row += n;
    this.at = fileAt + n * stride;
    this.skipEmpty();
  }

  /** Ends the input: the same PlyData readPly gives, or readPly's error for a file that ended early. */
  finish(): PlyData {
    if (this.element < this.header.elements.length || this.carried > 0) {
      const e = this.header.elements[this.element]!;
      const stride = this.strides[this.element]!;
      throw new FormatError({ file: this.file, offset: this.at + this.carried, expected: `${stride - this.carried} more ${e.name} bytes (row ${this.row} of ${e.count}, ${stride} bytes per row), file ends` });
    }
    const v = this.vertices;
    const data: PlyData = {
      format: this.header.format,
      elements: this.header.elements,
      comments: this.header.comments,
      vertexCount: this.header.elements[this.vertexIndex]!.count,
      positions: v.positions,
      vertexScalars: v.scalars,
      faceCount: 0,
    };
    if (v.colors) data.colors = v.colors;
    if (v.normals) data.normals = v.normals;
    return data;
  }
}
