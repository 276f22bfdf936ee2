// A .npy file parsed chunk by chunk (the import worker's streaming path, and readNpy with the whole
// file as one chunk): the header sizes the final typed array, then the body is written into it as it
// arrives: little-endian 1/2/4-byte and float data byte for byte, other kinds element by element
// (byte swaps, 64-bit widening, bool checks). Fortran-order data is scattered straight to its C-order
// place, so no second full-size copy is ever made.
import { FormatError } from '../errors';
import { ITEM_SIZE, readElements } from './elements';
import { parseNpyHeader } from './header';
import type { NpyArray, NpyData, NpyHeader } from './types';

/** A shape as Python prints it: (3,) for one dimension. */
export const pyShape = (shape: number[]): string => (shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`);

const CTORS = {
  f4: Float32Array, f8: Float64Array, i1: Int8Array, i2: Int16Array, i4: Int32Array, u1: Uint8Array, u2: Uint16Array, u4: Uint32Array,
  // Widened on read (elements.ts): exact within ±2^53.
  i8: Float64Array, u8: Float64Array, b1: Uint8Array,
} as const;

export class NpyChunkParser {
  private readonly data: NpyData;
  /** The data's bytes, when the file's bytes are its bytes (little-endian, not widened, C order). */
  private readonly raw?: Uint8Array;
  private readonly n: number;
  private readonly size: number;
  /** File offset of the next byte pushed. */
  private at = 0;
  /** Elements stored so far (in file order). */
  private done = 0;
  private readonly carry: Uint8Array;
  private carried = 0;
  /** Fortran order: the C-order index of the next element, and the odometer over the shape (first index fastest). */
  private cIndex = 0;
  private readonly idx?: number[];
  private readonly cStride?: number[];

  /** A parser for the file whose first bytes are `head`, or undefined when its header does not end inside `head`. */
  static forHead(head: Uint8Array, fileLength: number, file = 'npy'): NpyChunkParser | undefined {
    let h: NpyHeader;
    try {
      h = parseNpyHeader(head, file);
    } catch (e) {
      if (head.length < fileLength) return undefined;
      throw e;
    }
    return new NpyChunkParser(h, file, fileLength);
  }

  /** Checks the body's size against `fileLength` (the same errors readNpy gives) and allocates the array. */
  constructor(readonly header: NpyHeader, private readonly file: string, fileLength: number) {
    const h = header;
    const n = h.shape.reduce((a, b) => a * b, 1);
    const size = ITEM_SIZE[h.kind];
    const have = fileLength - h.dataOffset;
    if (!Number.isSafeInteger(n * size) || n * size > have) {
      throw new FormatError({ file, offset: fileLength, expected: `${n} elements of ${size} bytes for shape ${pyShape(h.shape)}, file ends after ${Math.floor(have / size)}` });
    }
    if (have > n * size) {
      throw new FormatError({ file, offset: h.dataOffset + n * size, expected: `end of file after ${n} elements of shape ${pyShape(h.shape)}, found ${have - n * size} more bytes` });
    }
    this.n = n;
    this.size = size;
    this.data = new CTORS[h.kind](n);
    const fortran = h.fortranOrder && h.shape.length >= 2;
    if (!fortran && !h.bigEndian && h.kind !== 'i8' && h.kind !== 'u8' && h.kind !== 'b1') this.raw = new Uint8Array(this.data.buffer);
    if (fortran) {
      this.idx = h.shape.map(() => 0);
      // C strides (in elements): the last index varies fastest.
      this.cStride = new Array<number>(h.shape.length);
      for (let d = h.shape.length - 1, s = 1; d >= 0; d--) (this.cStride[d] = s), (s *= h.shape[d]!);
    }
    this.carry = new Uint8Array(size);
  }

  push(chunk: Uint8Array): void {
    let from = Math.max(0, Math.min(chunk.length, this.header.dataOffset - this.at));
    const base = this.at;
    this.at += chunk.length;
    const end = this.header.dataOffset + this.n * this.size;
    const stop = Math.max(from, Math.min(chunk.length, end - base));
    if (this.raw) {
      this.raw.set(chunk.subarray(from, stop), this.done * this.size + this.carried);
      const bytes = this.done * this.size + this.carried + stop - from;
      this.done = Math.floor(bytes / this.size);
      this.carried = bytes - this.done * this.size;
      return;
    }
    if (this.carried > 0) {
      const take = Math.min(this.size - this.carried, stop - from);
      this.carry.set(chunk.subarray(from, from + take), this.carried);
      this.carried += take;
      from += take;
      if (this.carried < this.size) return;
      this.carried = 0;
      this.store(this.carry, 0, 1, base + from - this.size);
    }
    const whole = Math.floor((stop - from) / this.size);
    if (whole > 0) this.store(chunk, from, whole, base);
    from += whole * this.size;
    if (from < stop) {
      this.carry.set(chunk.subarray(from, stop), 0);
      this.carried = stop - from;
    }
  }

  /** Converts `count` elements at bytes[start…] (bytes[0] is file offset `base`) and stores them. */
  private store(bytes: Uint8Array, start: number, count: number, base: number): void {
    const h = this.header;
    const values = readElements(bytes, start, count, h.kind, h.bigEndian, this.file, this.done, base);
    if (!this.idx) this.data.set(values, this.done);
    else this.scatter(values);
    this.done += count;
  }

  /** Fortran order: element k of the file goes to its C-order place, following the odometer. */
  private scatter(values: NpyData): void {
    const idx = this.idx!;
    const stride = this.cStride!;
    const shape = this.header.shape;
    const out = this.data;
    let c = this.cIndex;
    for (let k = 0; k < values.length; k++) {
      out[c] = values[k]!;
      for (let d = 0; d < shape.length; d++) {
        idx[d]!++;
        c += stride[d]!;
        if (idx[d]! < shape[d]!) break;
        c -= stride[d]! * shape[d]!;
        idx[d] = 0;
      }
    }
    this.cIndex = c;
  }

  finish(): NpyArray {
    if (this.done < this.n) {
      // The size was checked against the file's length; a shorter stream means the file shrank.
      const h = this.header;
      throw new FormatError({ file: this.file, offset: h.dataOffset + this.done * this.size + this.carried, expected: `${this.n} elements of ${this.size} bytes for shape ${pyShape(h.shape)}, file ends after ${this.done}` });
    }
    return { descr: this.header.descr, shape: this.header.shape, data: this.data };
  }
}
