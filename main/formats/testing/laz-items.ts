// Test support: LASzip's version-2 item coders (encoding side) for the fields of LAS point formats
// 0..3, written from the format description. Each coder is created fresh for every chunk, from the
// chunk's first record (which the chunk stores raw), and then codes each later record against the
// state the previous ones left, exactly as the decoder will rebuild it.
import { ArithmeticEncoder, IntegerCompressor, SymbolModel } from './laz-arithmetic';

export interface ItemWriter {
  /** Codes the item stored at `at` in `bytes` (its record's bytes). */
  write(bytes: Uint8Array, dv: DataView, at: number): void;
}

/** Context for a return number r of n returns (rows n, columns r), shared by x, y and intensity. */
const RETURN_MAP = [
  [15, 14, 13, 12, 11, 10, 9, 8],
  [14, 0, 1, 3, 6, 10, 10, 9],
  [13, 1, 2, 4, 7, 11, 11, 10],
  [12, 3, 4, 5, 8, 12, 12, 11],
  [11, 6, 7, 8, 9, 13, 13, 12],
  [10, 10, 11, 12, 13, 14, 14, 13],
  [9, 10, 11, 12, 13, 14, 15, 14],
  [8, 9, 10, 11, 12, 13, 14, 15],
];
/** The z context is |n − r|: returns equally far from the last share a height. */
const returnLevel = (n: number, r: number) => Math.abs(n - r);

/** The middle of the last five values, kept sorted incrementally (LASzip's streaming median). */
export class Median5 {
  private readonly v = [0, 0, 0, 0, 0];
  private high = true;

  get(): number {
    return this.v[2]!;
  }

  add(x: number): void {
    const v = this.v;
    if (this.high) {
      if (x < v[2]!) {
        v[4] = v[3]!;
        v[3] = v[2]!;
        if (x < v[0]!) {
          v[2] = v[1]!;
          v[1] = v[0]!;
          v[0] = x;
        } else if (x < v[1]!) {
          v[2] = v[1]!;
          v[1] = x;
        } else v[2] = x;
      } else {
        if (x < v[3]!) {
          v[4] = v[3]!;
          v[3] = x;
        } else v[4] = x;
        this.high = false;
      }
    } else if (v[2]! < x) {
      v[0] = v[1]!;
      v[1] = v[2]!;
      if (v[4]! < x) {
        v[2] = v[3]!;
        v[3] = v[4]!;
        v[4] = x;
      } else if (v[3]! < x) {
        v[2] = v[3]!;
        v[3] = x;
      } else v[2] = x;
    } else {
      if (v[1]! < x) {
        v[0] = v[1]!;
        v[1] = x;
      } else v[0] = x;
      this.high = true;
    }
  }
}

const lazyModels = (n: number) => new Array<SymbolModel | undefined>(n);
const modelAt = (models: (SymbolModel | undefined)[], i: number, symbols = 256) => (models[i] ??= new SymbolModel(symbols));

/**
 * POINT10 v2 (the 20 bytes every format 0..5 record starts with): a 6-bit mask of which non-coordinate
 * fields changed, those fields against the previous point, then x and y as a correction to the median
 * of the last five differences for this return context, z against the last z of the same return level.
 */
export class Point10Writer implements ItemWriter {
  private readonly last = new Uint8Array(20);
  private readonly lastView = new DataView(this.last.buffer);
  private readonly lastIntensity = new Uint16Array(16);
  private readonly xMedian = Array.from({ length: 16 }, () => new Median5());
  private readonly yMedian = Array.from({ length: 16 }, () => new Median5());
  private readonly lastHeight = new Int32Array(8);
  private readonly changed = new SymbolModel(64);
  private readonly scanAngle = [new SymbolModel(256), new SymbolModel(256)];
  private readonly bitByte = lazyModels(256);
  private readonly classification = lazyModels(256);
  private readonly userData = lazyModels(256);
  private readonly intensity: IntegerCompressor;
  private readonly pointSource: IntegerCompressor;
  private readonly dx: IntegerCompressor;
  private readonly dy: IntegerCompressor;
  private readonly z: IntegerCompressor;

  constructor(private readonly enc: ArithmeticEncoder, first: Uint8Array, at: number) {
    this.intensity = new IntegerCompressor(enc, 16, 4);
    this.pointSource = new IntegerCompressor(enc, 16);
    this.dx = new IntegerCompressor(enc, 32, 2);
    this.dy = new IntegerCompressor(enc, 32, 22);
    this.z = new IntegerCompressor(enc, 32, 20);
    this.last.set(first.subarray(at, at + 20));
  }

  write(bytes: Uint8Array, dv: DataView, at: number): void {
    const enc = this.enc;
    const last = this.last;
    const lv = this.lastView;
    const bits = bytes[at + 14]!;
    const r = bits & 7;
    const n = (bits >> 3) & 7;
    const m = RETURN_MAP[n]![r]!;
    const l = returnLevel(n, r);
    const intensity = dv.getUint16(at + 12, true);
    const pointSource = dv.getUint16(at + 18, true);
    const changed =
      (+(last[14] !== bits) << 5) |
      (+(this.lastIntensity[m] !== intensity) << 4) |
      (+(last[15] !== bytes[at + 15]) << 3) |
      (+(last[16] !== bytes[at + 16]) << 2) |
      (+(last[17] !== bytes[at + 17]) << 1) |
      +(lv.getUint16(18, true) !== pointSource);
    enc.encodeSymbol(this.changed, changed);
    if (changed & 32) enc.encodeSymbol(modelAt(this.bitByte, last[14]!), bits);
    if (changed & 16) {
      this.intensity.compress(this.lastIntensity[m]!, intensity, m < 3 ? m : 3);
      this.lastIntensity[m] = intensity;
    }
    if (changed & 8) enc.encodeSymbol(modelAt(this.classification, last[15]!), bytes[at + 15]!);
    // Scan angle rank is signed; its difference mod 256, one model per scan direction.
    if (changed & 4) enc.encodeSymbol(this.scanAngle[(bits >> 6) & 1]!, (bytes[at + 16]! - last[16]!) & 0xff);
    if (changed & 2) enc.encodeSymbol(modelAt(this.userData, last[17]!), bytes[at + 17]!);
    if (changed & 1) this.pointSource.compress(lv.getUint16(18, true), pointSource);

    const single = n === 1 ? 1 : 0;
    const dx = (dv.getInt32(at, true) - lv.getInt32(0, true)) | 0;
    this.dx.compress(this.xMedian[m]!.get(), dx, single);
    this.xMedian[m]!.add(dx);

    const kx = this.dx.k;
    const dy = (dv.getInt32(at + 4, true) - lv.getInt32(4, true)) | 0;
    this.dy.compress(this.yMedian[m]!.get(), dy, single + (kx < 20 ? kx & ~1 : 20));
    this.yMedian[m]!.add(dy);

    const kxy = (this.dx.k + this.dy.k) >>> 1;
    const z = dv.getInt32(at + 8, true);
    this.z.compress(this.lastHeight[l]!, z, single + (kxy < 18 ? kxy & ~1 : 18));
    this.lastHeight[l] = z;

    last.set(bytes.subarray(at, at + 20));
  }
}

const MULTI = 500;
const MULTI_MINUS = -10;
const MULTI_UNCHANGED = MULTI - MULTI_MINUS + 1;
const MULTI_CODE_FULL = MULTI - MULTI_MINUS + 2;
const MULTI_TOTAL = MULTI - MULTI_MINUS + 6;
const fitsI32 = (v: bigint) => v >= -0x80000000n && v <= 0x7fffffffn;

/**
 * GPSTIME11 v2: the double's bit pattern as a 64-bit integer. Up to four interleaved time sequences
 * are tracked; within one, the integer difference is coded as a multiple of the sequence's last
 * difference plus a correction; a difference that needs more than 32 bits switches to another sequence
 * or starts a new one (upper 32 bits coded, lower 32 raw).
 */
export class GpsTime11Writer implements ItemWriter {
  private last = 0;
  private next = 0;
  private readonly lastTime: bigint[] = [0n, 0n, 0n, 0n];
  private readonly lastDiff = new Int32Array(4);
  private readonly extremeCount = new Int32Array(4);
  private readonly multi = new SymbolModel(MULTI_TOTAL);
  private readonly zeroDiff = new SymbolModel(6);
  private readonly ic: IntegerCompressor;

  constructor(private readonly enc: ArithmeticEncoder, first: DataView, at: number) {
    this.ic = new IntegerCompressor(enc, 32, 9);
    this.lastTime[0] = first.getBigInt64(at, true);
  }

  write(_bytes: Uint8Array, dv: DataView, at: number): void {
    this.code(dv.getBigInt64(at, true));
  }

  private code(t: bigint): void {
    const enc = this.enc;
    const last = this.last;
    const lastDiff = this.lastDiff[last]!;
    if (t === this.lastTime[last]) {
      enc.encodeSymbol(lastDiff === 0 ? this.zeroDiff : this.multi, lastDiff === 0 ? 0 : MULTI_UNCHANGED);
      return;
    }
    const diff64 = t - this.lastTime[last]!;
    if (!fitsI32(diff64)) {
      // Another sequence this time is close to, or a new sequence.
      for (let i = 1; i < 4; i++) {
        if (fitsI32(t - this.lastTime[(last + i) & 3]!)) {
          enc.encodeSymbol(lastDiff === 0 ? this.zeroDiff : this.multi, lastDiff === 0 ? i + 2 : MULTI_CODE_FULL + i);
          this.last = (last + i) & 3;
          this.code(t);
          return;
        }
      }
      enc.encodeSymbol(lastDiff === 0 ? this.zeroDiff : this.multi, lastDiff === 0 ? 2 : MULTI_CODE_FULL);
      this.ic.compress(Number(BigInt.asIntN(32, this.lastTime[last]! >> 32n)), Number(BigInt.asIntN(32, t >> 32n)), 8);
      enc.writeInt(Number(BigInt.asUintN(32, t)));
      this.next = (this.next + 1) & 3;
      this.last = this.next;
      this.lastDiff[this.last] = 0;
      this.extremeCount[this.last] = 0;
      this.lastTime[this.last] = t;
      return;
    }
    const diff = Number(diff64);
    if (lastDiff === 0) {
      enc.encodeSymbol(this.zeroDiff, 1);
      this.ic.compress(0, diff, 0);
      this.lastDiff[last] = diff;
      this.extremeCount[last] = 0;
    } else {
      // The multiplier in single precision, rounded half away from zero, as LASzip computes it; only
      // the encoder computes it (the decoder reads it), so any consistent choice decodes.
      const f = Math.fround(Math.fround(diff) / Math.fround(lastDiff));
      const multi = f >= 0 ? Math.trunc(Math.fround(f + 0.5)) : Math.trunc(Math.fround(f - 0.5));
      const extreme = () => {
        if (++this.extremeCount[last]! > 3) {
          this.lastDiff[last] = diff;
          this.extremeCount[last] = 0;
        }
      };
      if (multi === 1) {
        enc.encodeSymbol(this.multi, 1);
        this.ic.compress(lastDiff, diff, 1);
        this.extremeCount[last] = 0;
      } else if (multi > 0 && multi < MULTI) {
        enc.encodeSymbol(this.multi, multi);
        this.ic.compress(Math.imul(multi, lastDiff), diff, multi < 10 ? 2 : 3);
      } else if (multi >= MULTI) {
        enc.encodeSymbol(this.multi, MULTI);
        this.ic.compress(Math.imul(MULTI, lastDiff), diff, 4);
        extreme();
      } else if (multi < 0 && multi > MULTI_MINUS) {
        enc.encodeSymbol(this.multi, MULTI - multi);
        this.ic.compress(Math.imul(multi, lastDiff), diff, 5);
      } else if (multi < 0) {
        enc.encodeSymbol(this.multi, MULTI - MULTI_MINUS);
        this.ic.compress(Math.imul(MULTI_MINUS, lastDiff), diff, 6);
        extreme();
      } else {
        enc.encodeSymbol(this.multi, 0);
        this.ic.compress(0, diff, 7);
        extreme();
      }
    }
    this.lastTime[last] = t;
  }
}

const clampU8 = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);

/**
 * RGB12 v2: a 7-bit mask of which colour bytes changed (bit 6: the channels differ), red's byte
 * differences directly, green's and blue's as corrections to red's (and blue's to red and green's)
 * difference, low and high bytes separately.
 */
export class Rgb12Writer implements ItemWriter {
  private readonly last = new Uint16Array(3);
  private readonly used = new SymbolModel(128);
  private readonly diff = Array.from({ length: 6 }, () => new SymbolModel(256));

  constructor(private readonly enc: ArithmeticEncoder, first: DataView, at: number) {
    for (let c = 0; c < 3; c++) this.last[c] = first.getUint16(at + 2 * c, true);
  }

  write(_bytes: Uint8Array, dv: DataView, at: number): void {
    const enc = this.enc;
    const [lr, lg, lb] = this.last as unknown as [number, number, number];
    const r = dv.getUint16(at, true);
    const g = dv.getUint16(at + 2, true);
    const b = dv.getUint16(at + 4, true);
    const sym =
      +((lr & 0xff) !== (r & 0xff)) |
      (+((lr & 0xff00) !== (r & 0xff00)) << 1) |
      (+((lg & 0xff) !== (g & 0xff)) << 2) |
      (+((lg & 0xff00) !== (g & 0xff00)) << 3) |
      (+((lb & 0xff) !== (b & 0xff)) << 4) |
      (+((lb & 0xff00) !== (b & 0xff00)) << 5) |
      (+((r & 0xff) !== (g & 0xff) || (r & 0xff) !== (b & 0xff) || (r & 0xff00) !== (g & 0xff00) || (r & 0xff00) !== (b & 0xff00)) << 6);
    enc.encodeSymbol(this.used, sym);
    let diffLow = 0;
    let diffHigh = 0;
    if (sym & 1) {
      diffLow = (r & 0xff) - (lr & 0xff);
      enc.encodeSymbol(this.diff[0]!, diffLow & 0xff);
    }
    if (sym & 2) {
      diffHigh = (r >> 8) - (lr >> 8);
      enc.encodeSymbol(this.diff[1]!, diffHigh & 0xff);
    }
    if (sym & 64) {
      if (sym & 4) enc.encodeSymbol(this.diff[2]!, ((g & 0xff) - clampU8(diffLow + (lg & 0xff))) & 0xff);
      if (sym & 16) {
        diffLow = Math.trunc((diffLow + (g & 0xff) - (lg & 0xff)) / 2);
        enc.encodeSymbol(this.diff[4]!, ((b & 0xff) - clampU8(diffLow + (lb & 0xff))) & 0xff);
      }
      if (sym & 8) enc.encodeSymbol(this.diff[3]!, ((g >> 8) - clampU8(diffHigh + (lg >> 8))) & 0xff);
      if (sym & 32) {
        diffHigh = Math.trunc((diffHigh + (g >> 8) - (lg >> 8)) / 2);
        enc.encodeSymbol(this.diff[5]!, ((b >> 8) - clampU8(diffHigh + (lb >> 8))) & 0xff);
      }
    }
    this.last[0] = r;
    this.last[1] = g;
    this.last[2] = b;
  }
}

/** BYTE v2 (extra bytes after the format's fields): each byte's difference mod 256, one model per byte. */
export class ByteWriter implements ItemWriter {
  private readonly last: Uint8Array;
  private readonly models: SymbolModel[];

  constructor(private readonly enc: ArithmeticEncoder, first: Uint8Array, at: number, private readonly size: number) {
    this.last = first.slice(at, at + size);
    this.models = Array.from({ length: size }, () => new SymbolModel(256));
  }

  write(bytes: Uint8Array, _dv: DataView, at: number): void {
    for (let i = 0; i < this.size; i++) {
      this.enc.encodeSymbol(this.models[i]!, (bytes[at + i]! - this.last[i]!) & 0xff);
      this.last[i] = bytes[at + i]!;
    }
  }
}
