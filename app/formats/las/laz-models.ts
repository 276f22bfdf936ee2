// LASzip's adaptive probability models (after Said's FastAC), shared by the chunk-table decoder the
// app runs and the test encoder that writes LAZ: both sides must adapt identically, so one definition.
//
// All state is unsigned 32-bit; JS numbers hold it exactly as long as every product stays below 2^53.

/** Binary models: probabilities have 13 bits. */
export const BM_SHIFT = 13;
export const BM_MAX_COUNT = 1 << BM_SHIFT;
/** Multi-symbol models: cumulative frequencies have 15 bits. */
export const DM_SHIFT = 15;
export const DM_MAX_COUNT = 1 << DM_SHIFT;

/** Adaptive model of one bit: counts zeros, re-estimates after a growing number of bits. */
export class BitModel {
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

/** Adaptive model of `symbols` symbols: symbol counts turned into a cumulative distribution. */
export class SymbolModel {
  readonly distribution: Uint32Array;
  readonly counts: Uint32Array;
  readonly last: number;
  totalCount = 0;
  updateCycle: number;
  untilUpdate = 0;

  constructor(readonly symbols: number) {
    this.distribution = new Uint32Array(symbols);
    this.counts = new Uint32Array(symbols).fill(1);
    this.last = symbols - 1;
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
