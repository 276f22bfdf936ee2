// The LASzip chunk table, decoded here so LAZ can be decompressed chunk by chunk as the file streams
// in (the WASM decoder's whole-file reader would need the file in its heap). Layout, from the LASzip
// format description: at the table's offset a u32 version (0) and a u32 chunk count, then, entropy
// coded with LASzip's range coder, per chunk its point count (variable-size chunking only, context 0)
// and its byte size (context 1), each as a correction to the previous chunk's value.
import { FormatError } from '../errors';
import { BitModel, BM_SHIFT, DM_SHIFT, SymbolModel } from './laz-models';

const MIN_LENGTH = 0x01000000;

class RangeDecoder {
  private value = 0;
  private length = 0xffffffff;
  overrun = 0;
  constructor(private readonly bytes: Uint8Array, private at: number, private readonly end: number) {
    for (let i = 0; i < 4; i++) this.value = this.value * 256 + this.byte();
  }
  private byte(): number {
    if (this.at >= this.end) {
      this.overrun++;
      return 0;
    }
    return this.bytes[this.at++]!;
  }
  private renormalise(): void {
    do {
      this.value = ((this.value * 256) % 2 ** 32) + this.byte();
      this.length = (this.length * 256) % 2 ** 32;
    } while (this.length < MIN_LENGTH);
  }
  bit(m: BitModel): number {
    const x = m.bit0Prob * (this.length >>> BM_SHIFT);
    const sym = this.value >= x ? 1 : 0;
    if (sym === 0) {
      this.length = x;
      m.bit0Count++;
    } else {
      this.value -= x;
      this.length -= x;
    }
    if (this.length < MIN_LENGTH) this.renormalise();
    if (--m.untilUpdate === 0) m.update();
    return sym;
  }
  symbol(m: SymbolModel): number {
    let y = this.length;
    let x = 0;
    let sym = 0;
    let n = m.symbols;
    const l = this.length >>> DM_SHIFT;
    for (let k = n >>> 1; k !== sym; k = (sym + n) >>> 1) {
      const z = l * m.distribution[k]!;
      if (z > this.value) {
        n = k;
        y = z;
      } else {
        sym = k;
        x = z;
      }
    }
    this.value -= x;
    this.length = y - x;
    if (this.length < MIN_LENGTH) this.renormalise();
    m.counts[sym]!++;
    if (--m.untilUpdate === 0) m.update();
    return sym;
  }
  bits(bits: number): number {
    if (bits > 19) {
      const low = this.short();
      return this.bits(bits - 16) * 65536 + low;
    }
    this.length = Math.floor(this.length / 2 ** bits);
    const sym = Math.floor(this.value / this.length);
    this.value -= this.length * sym;
    if (this.length < MIN_LENGTH) this.renormalise();
    return sym;
  }
  private short(): number {
    this.length = this.length >>> 16;
    const sym = Math.floor(this.value / this.length);
    this.value -= this.length * sym;
    if (this.length < MIN_LENGTH) this.renormalise();
    return sym;
  }
}

/** LASzip's integer decompressor for 32-bit values (no folding), bitsHigh 8. */
class IntegerDecoder {
  private readonly mBits: SymbolModel[];
  private readonly mCorrector0 = new BitModel();
  private readonly mCorrector: SymbolModel[] = [];
  constructor(private readonly dec: RangeDecoder, contexts: number) {
    this.mBits = Array.from({ length: contexts }, () => new SymbolModel(33));
    for (let i = 1; i <= 32; i++) this.mCorrector[i] = new SymbolModel(1 << Math.min(i, 8));
  }
  decompress(pred: number, context: number): number {
    const k = this.dec.symbol(this.mBits[context]!);
    let c: number;
    if (k === 0) c = this.dec.bit(this.mCorrector0);
    else if (k < 32) {
      if (k <= 8) c = this.dec.symbol(this.mCorrector[k]!);
      else {
        const k1 = k - 8;
        c = this.dec.symbol(this.mCorrector[k]!) * 2 ** k1 + this.dec.bits(k1);
      }
      c = c >= 2 ** (k - 1) ? c + 1 : c - (2 ** k - 1);
    } else c = -0x80000000;
    return (pred + c) | 0;
  }
}

export interface LazChunk {
  /** File offset of the chunk's first byte. */
  start: number;
  byteLength: number;
  pointCount: number;
}

/**
 * Decodes the chunk table whose 8-byte head (version, count) is at `table[0]` = file offset `tableAt`.
 * `table` holds the bytes from there on (at most to the file's end). Chunks start right after the
 * 8-byte table offset at `pointOffset`; a table that does not tile the compressed bytes, or that
 * gives more points than the header, is a FormatError.
 */
export function decodeChunkTable(table: Uint8Array, tableAt: number, pointOffset: number, chunkSize: number, pointCount: number, file: string): LazChunk[] {
  const dv = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const count = dv.getUint32(4, true);
  const variable = chunkSize === 0xffffffff;
  if (count > pointCount) throw new FormatError({ file, offset: tableAt + 4, expected: `at most one chunk per point (${pointCount}), found ${count} chunks` });
  const dec = new RangeDecoder(table, 8, table.length);
  const ic = new IntegerDecoder(dec, 2);
  const chunks: LazChunk[] = [];
  let start = pointOffset + 8;
  let points = 0;
  let prevCount = 0;
  let prevBytes = 0;
  for (let i = 0; i < count; i++) {
    const n = variable ? (prevCount = ic.decompress(prevCount, 0)) : Math.min(chunkSize, pointCount - points);
    const bytes = (prevBytes = ic.decompress(prevBytes, 1));
    if (dec.overrun > 4) throw new FormatError({ file, offset: tableAt + table.length, expected: `the chunk table's ${count} entries, file ends after ${i}` });
    if (n <= 0 || points + n > pointCount) throw new FormatError({ file, offset: tableAt + 8, expected: `chunk ${i} of ${count} to hold 1 to ${pointCount - points} points (the header's count), the table says ${n}` });
    if (bytes <= 0 || start + bytes > tableAt) throw new FormatError({ file, offset: tableAt + 8, expected: `chunk ${i} of ${count} to end by the chunk table at byte ${tableAt}, the table gives it ${bytes} bytes from byte ${start}` });
    chunks.push({ start, byteLength: bytes, pointCount: n });
    start += bytes;
    points += n;
  }
  if (points !== pointCount) throw new FormatError({ file, offset: tableAt + 4, expected: `chunks holding the header's ${pointCount} points, the table's ${count} chunks hold ${points}` });
  return chunks;
}
