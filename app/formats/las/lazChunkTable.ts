// The LASzip chunk table, decoded here so LAZ can be decompressed chunk by chunk as the file streams
// in (the WASM decoder's whole-file reader would need the file in its heap). Layout, from the LASzip
// format description: at the table's offset a u32 version (0) and a u32 chunk count, then, entropy
// coded with LASzip's range coder, per chunk its point count (variable-size chunking only, context 0)
// and its byte size (context 1), each as a correction to the previous chunk's value.
import { FormatError } from '../errors';

const MIN_LENGTH = 0x01000000;
const BM_SHIFT = 13;
const BM_MAX_COUNT = 1 << BM_SHIFT;
const DM_SHIFT = 15;
const DM_MAX_COUNT = 1 << DM_SHIFT;

class BitModel {
  bit0Count = 1;
  bitCount = 2;
  bit0Prob = 1 << (BM_SHIFT - 1);
  updateCycle = 4;
  untilUpdate = 4;
  update(): void {
    if ((this.bitCount += this.updateCycle) > BM_MAX_COUNT) {
      this.bitCount = (this.bitCount + 1) >>> 1;
      this.bit0Count = (this.bit0Count + 1) >>> 1;
      if (this.bit0Count === this.bitCount) this.bitCount++;
    }
    const scale = Math.floor(0x80000000 / this.bitCount);
    this.bit0Prob = (this.bit0Count * scale) >>> (31 - BM_SHIFT);
    this.updateCycle = Math.min(64, (5 * this.updateCycle) >>> 2);
    this.untilUpdate = this.updateCycle;
  }
}

class SymbolModel {
  readonly distribution: Uint32Array;
  readonly counts: Uint32Array;
  totalCount = 0;
  updateCycle: number;
  untilUpdate = 0;
  constructor(readonly symbols: number) {
    this.distribution = new Uint32Array(symbols);
    this.counts = new Uint32Array(symbols).fill(1);
    this.updateCycle = symbols;
    this.update();
    this.updateCycle = this.untilUpdate = (symbols + 6) >>> 1;
  }
  update(): void {
    if ((this.totalCount += this.updateCycle) > DM_MAX_COUNT) {
      let total = 0;
      for (let n = 0; n < this.symbols; n++) total += this.counts[n] = (this.counts[n]! + 1) >>> 1;
      this.totalCount = total;
    }
    const scale = Math.floor(0x80000000 / this.totalCount);
    let sum = 0;
    for (let k = 0; k < this.symbols; k++) {
      this.distribution[k] = (scale * sum) >>> (31 - DM_SHIFT);
      sum += this.counts[k]!;
    }
    this.updateCycle = Math.min((this.symbols + 6) << 3, (5 * this.updateCycle) >>> 2);
    this.untilUpdate = this.updateCycle;
  }
}

/** The range decoder over bytes[at…]; reading past `end` counts the overrun (the caller rejects it). */
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
