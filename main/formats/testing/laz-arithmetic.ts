// Test support: the entropy coder of LASzip's compressed point stream, written from the published
// format description (an adaptive binary range coder after Said's FastAC, 32-bit base and length).
// Only the ENCODING side exists here: our tests encode LAS into LAZ with it and let laz-perf (the
// decoder the app ships) decode the result, so a mistake anywhere shows up as a mismatch.
//
// All coder state is unsigned 32-bit; JS numbers hold it exactly as long as every product stays below
// 2^53, which the shift widths below guarantee (probabilities < 2^15 times lengths < 2^32).

import { BitModel, BM_SHIFT, DM_SHIFT, SymbolModel } from '../../../app/formats/las/laz-models';

export { BitModel, SymbolModel };

const MIN_LENGTH = 0x01000000;
const MAX_LENGTH = 0xffffffff;
const TWO32 = 2 ** 32;

/** A growable byte buffer the coder appends to (and reaches back into to propagate carries). */
export class ByteSink {
  bytes = new Uint8Array(1 << 16);
  length = 0;

  reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  put(byte: number): void {
    if (this.length === this.bytes.length) this.reserve(1);
    this.bytes[this.length++] = byte;
  }

  putBytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.bytes.set(b, this.length);
    this.length += b.length;
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** The range encoder. One instance codes one chunk (or the chunk table) into `out`, then `done()`. */
export class ArithmeticEncoder {
  private base = 0;
  private length = MAX_LENGTH;
  /** Where this encoder's bytes start in `out`: a carry never reaches before it. */
  private readonly start: number;

  constructor(private readonly out: ByteSink) {
    this.start = out.length;
  }

  /** Adds x to base (mod 2^32), carrying into the bytes already written. */
  private add(x: number): void {
    const b = this.base + x;
    if (b >= TWO32) {
      this.base = b - TWO32;
      this.carry();
    } else this.base = b;
  }

  private carry(): void {
    const buf = this.out.bytes;
    let p = this.out.length - 1;
    while (buf[p] === 0xff) {
      buf[p] = 0;
      p--;
    }
    if (p < this.start) throw new Error('arithmetic encoder: carry past the start of its output');
    buf[p]!++;
  }

  private renormalise(): void {
    do {
      this.out.put(this.base >>> 24);
      this.base = (this.base * 256) % TWO32;
      this.length = this.length * 256;
    } while (this.length < MIN_LENGTH);
  }

  encodeBit(m: BitModel, bit: number): void {
    const x = m.bit0Prob * (this.length >>> BM_SHIFT);
    if (bit === 0) {
      this.length = x;
      m.bit0Count++;
    } else {
      this.add(x);
      this.length -= x;
    }
    if (this.length < MIN_LENGTH) this.renormalise();
    if (--m.untilUpdate === 0) m.update();
  }

  encodeSymbol(m: SymbolModel, sym: number): void {
    if (!(sym >= 0 && sym < m.symbols)) throw new Error(`arithmetic encoder: symbol ${sym} outside 0..${m.symbols - 1}`);
    if (sym === m.last) {
      const x = m.distribution[sym]! * (this.length >>> DM_SHIFT);
      this.add(x);
      this.length -= x;
    } else {
      const l = this.length >>> DM_SHIFT;
      const x = m.distribution[sym]! * l;
      this.add(x);
      this.length = m.distribution[sym + 1]! * l - x;
    }
    if (this.length < MIN_LENGTH) this.renormalise();
    m.counts[sym]!++;
    if (--m.untilUpdate === 0) m.update();
  }

  /** `bits` raw bits (1..32) of `value`, with no model. */
  writeBits(bits: number, value: number): void {
    if (bits > 19) {
      this.writeShort(value & 0xffff);
      value = Math.floor(value / 65536);
      bits -= 16;
    }
    this.length = Math.floor(this.length / 2 ** bits);
    this.add(value * this.length);
    if (this.length < MIN_LENGTH) this.renormalise();
  }

  writeShort(value: number): void {
    this.length = this.length >>> 16;
    this.add(value * this.length);
    if (this.length < MIN_LENGTH) this.renormalise();
  }

  /** An unsigned 32-bit value, low half first. */
  writeInt(value: number): void {
    this.writeShort(value & 0xffff);
    this.writeShort(value >>> 16);
  }

  /** Flushes enough of base to pin the final interval, then the zero bytes the decoder reads ahead. */
  done(): void {
    let anotherByte = true;
    if (this.length > 2 * MIN_LENGTH) {
      this.add(MIN_LENGTH);
      this.length = MIN_LENGTH >>> 1;
    } else {
      this.add(MIN_LENGTH >>> 1);
      this.length = MIN_LENGTH >>> 9;
      anotherByte = false;
    }
    this.renormalise();
    this.out.put(0);
    this.out.put(0);
    if (anotherByte) this.out.put(0);
  }
}

/**
 * Codes an integer against a prediction: the correction (real − prediction, folded into the range of
 * `bits` bits) is sent as its bit length k (one adaptive model per context), then its value within
 * that length (one model per k; above `bitsHigh` bits the low bits go raw).
 */
export class IntegerCompressor {
  private readonly corrBits: number;
  private readonly corrRange: number;
  private readonly corrMin: number;
  private readonly corrMax: number;
  private readonly mBits: SymbolModel[];
  private readonly mCorrector0 = new BitModel();
  private readonly mCorrector: SymbolModel[] = [];
  /** Bit length of the last correction, which item coders use as context. */
  k = 0;

  constructor(private readonly enc: ArithmeticEncoder, bits = 16, contexts = 1, private readonly bitsHigh = 8) {
    if (bits > 0 && bits < 32) {
      this.corrBits = bits;
      this.corrRange = 2 ** bits;
      this.corrMin = -(this.corrRange / 2);
      this.corrMax = this.corrMin + this.corrRange - 1;
    } else {
      this.corrBits = 32;
      this.corrRange = 0;
      this.corrMin = -0x80000000;
      this.corrMax = 0x7fffffff;
    }
    this.mBits = Array.from({ length: contexts }, () => new SymbolModel(this.corrBits + 1));
    for (let i = 1; i <= this.corrBits; i++) this.mCorrector[i] = new SymbolModel(1 << Math.min(i, bitsHigh));
  }

  compress(pred: number, real: number, context = 0): void {
    let corr = (real - pred) | 0;
    if (this.corrRange) {
      if (corr < this.corrMin) corr += this.corrRange;
      else if (corr > this.corrMax) corr -= this.corrRange;
    }
    this.writeCorrector(corr, this.mBits[context]!);
  }

  private writeCorrector(c: number, mBits: SymbolModel): void {
    // The smallest k with c in [-(2^k - 1), 2^k].
    let c1 = c <= 0 ? -c : c - 1;
    let k = 0;
    while (c1) {
      c1 = Math.floor(c1 / 2);
      k++;
    }
    this.k = k;
    this.enc.encodeSymbol(mBits, k);
    if (k === 0) {
      this.enc.encodeBit(this.mCorrector0, c); // c is 0 or 1
      return;
    }
    if (k >= 32) return; // only I32_MIN: the length alone says it
    // Map [-(2^k - 1), -2^(k-1)] and [2^(k-1) + 1, 2^k] onto [0, 2^k - 1].
    c = c < 0 ? c + (2 ** k - 1) : c - 1;
    if (k <= this.bitsHigh) {
      this.enc.encodeSymbol(this.mCorrector[k]!, c);
    } else {
      const k1 = k - this.bitsHigh;
      this.enc.encodeSymbol(this.mCorrector[k]!, c >>> k1);
      this.enc.writeBits(k1, c & ((1 << k1) - 1));
    }
  }
}
