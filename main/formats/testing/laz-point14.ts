// Test support: LASzip's layered compression of LAS 1.4 points (compressor 3, item POINT14 v3, and
// RGB14 / RGBNIR14 v3 for colour and near infrared), written from the LASzip format description. Each attribute group is coded
// into its own layer (own range coder): returns / X / Y, Z, classification, flags, intensity, scan
// angle, user data, point source, GPS time; a layer whose attribute never changed in the chunk is
// left out (size 0). The chunk is then: the first record raw, the chunk's point count, the layer
// sizes of every item, the layers' bytes.
//
// Restricted on purpose: one scanner channel and one return number / return count within a chunk
// (so the return-number coding and the per-return contexts are never needed). Everything else
// varies freely: X, Y, Z, intensity, classification, flags, user data, scan angle, point source,
// GPS time and colour. An input outside that is refused with an Error naming the field, never
// encoded wrongly.
import { ArithmeticEncoder, ByteSink, IntegerCompressor, SymbolModel } from './laz-arithmetic';
import { Median5, Rgb12Writer } from './laz-items';

/** A layered item: codes records after the chunk's first, then hands over its layers. */
export interface LayeredItemWriter {
  write(bytes: Uint8Array, dv: DataView, at: number): void;
  /** Ends the chunk: the byte size of each layer (0 for layers left out), and their bytes in the same order. */
  layers(): Uint8Array[];
}

/** One layer: its own byte sink and range coder; `used` when its bytes must be written. */
class Layer {
  readonly sink = new ByteSink();
  readonly enc = new ArithmeticEncoder(this.sink);
  used = false;
  bytes(): Uint8Array {
    if (!this.used) return new Uint8Array(0);
    this.enc.done();
    return this.sink.result();
  }
}

interface P14 {
  x: number;
  y: number;
  z: number;
  intensity: number;
  r: number;
  n: number;
  classFlags: number;
  channel: number;
  scanDir: number;
  edge: number;
  classification: number;
  userData: number;
  scanAngle: number;
  pointSource: number;
  gps: number;
}

/** The LAS 1.4 point record fields (formats 6..10 share the first 30 bytes). */
function read14(bytes: Uint8Array, dv: DataView, at: number): P14 {
  const b14 = bytes[at + 14]!;
  const b15 = bytes[at + 15]!;
  return {
    x: dv.getInt32(at, true),
    y: dv.getInt32(at + 4, true),
    z: dv.getInt32(at + 8, true),
    intensity: dv.getUint16(at + 12, true),
    r: b14 & 15,
    n: b14 >> 4,
    classFlags: b15 & 15,
    channel: (b15 >> 4) & 3,
    scanDir: (b15 >> 6) & 1,
    edge: b15 >> 7,
    classification: bytes[at + 16]!,
    userData: bytes[at + 17]!,
    scanAngle: dv.getInt16(at + 18, true),
    pointSource: dv.getUint16(at + 20, true),
    gps: dv.getFloat64(at + 22, true),
  };
}

const flagsOf = (p: P14) => (p.edge << 5) | (p.scanDir << 4) | p.classFlags;

const GPS_MULTI = 500;
const GPS_MULTI_MINUS = -10;
/** Symbol for "a new time sequence"; CODE_FULL + i: "the sequence i back". */
const GPS_CODE_FULL = GPS_MULTI - GPS_MULTI_MINUS + 1;
const GPS_MULTI_TOTAL = GPS_MULTI - GPS_MULTI_MINUS + 5;

const f64Bits = (v: number) => {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, v, true);
  return dv.getBigInt64(0, true);
};
/** An I64 difference as I32, or undefined when it does not fit. */
const fitI32 = (d: bigint) => (d >= -0x80000000n && d <= 0x7fffffffn ? Number(d) : undefined);
const hiI32 = (v: bigint) => Number(BigInt.asIntN(32, v >> 32n));
const loU32 = (v: bigint) => Number(BigInt.asUintN(32, v));
/** I32_QUANTIZE of a float: round half away from zero, in float arithmetic. */
const quantize = (f: number) => Math.trunc(f >= 0 ? Math.fround(f + 0.5) : Math.fround(f - 0.5));

/**
 * The GPS time layer (v3): up to four interleaved time sequences, each predicting the next time as
 * a multiple of its last integer difference (of the doubles' bit patterns); only called for points
 * whose time changed.
 */
class GpsTime14 {
  private readonly multi = new SymbolModel(GPS_MULTI_TOTAL);
  private readonly zeroDiff = new SymbolModel(5);
  private readonly ic: IntegerCompressor;
  private last = 0;
  private next = 0;
  private readonly lastTime: bigint[];
  private readonly lastDiff = [0, 0, 0, 0];
  private readonly extreme = [0, 0, 0, 0];

  constructor(private readonly enc: ArithmeticEncoder, first: number) {
    this.ic = new IntegerCompressor(enc, 32, 9);
    this.lastTime = [f64Bits(first), 0n, 0n, 0n];
  }

  /** A new sequence (or, with `sym` of another, a switch to it): the time's high half against the sequence's, the low half raw. */
  private startSequence(t: bigint, model: SymbolModel, symbol: number): void {
    this.enc.encodeSymbol(model, symbol);
    this.ic.compress(hiI32(this.lastTime[this.last]!), hiI32(t), 8);
    this.enc.writeInt(loU32(t));
    this.next = (this.next + 1) & 3;
    this.last = this.next;
    this.lastDiff[this.last] = 0;
    this.extreme[this.last] = 0;
  }

  /** Looks for a sequence (other than the current) the time is within 32 bits of; switches to it. */
  private otherSequence(t: bigint, model: SymbolModel, base: number): boolean {
    for (let i = 1; i < 4; i++) {
      if (fitI32(t - this.lastTime[(this.last + i) & 3]!) !== undefined) {
        this.enc.encodeSymbol(model, base + i);
        this.last = (this.last + i) & 3;
        this.write(t);
        return true;
      }
    }
    return false;
  }

  write(t: bigint): void {
    const L = this.last;
    const d = fitI32(t - this.lastTime[L]!);
    if (this.lastDiff[L] === 0) {
      if (d !== undefined) {
        this.enc.encodeSymbol(this.zeroDiff, 0);
        this.ic.compress(0, d, 0);
        this.lastDiff[L] = d;
        this.extreme[L] = 0;
      } else {
        if (this.otherSequence(t, this.zeroDiff, 1)) return;
        this.startSequence(t, this.zeroDiff, 1);
      }
      this.lastTime[this.last] = t;
      return;
    }
    if (d === undefined) {
      if (this.otherSequence(t, this.multi, GPS_CODE_FULL)) return;
      this.startSequence(t, this.multi, GPS_CODE_FULL);
      this.lastTime[this.last] = t;
      return;
    }
    const lastDiff = this.lastDiff[L]!;
    const multi = quantize(Math.fround(Math.fround(d) / Math.fround(lastDiff)));
    const extreme = () => {
      if (++this.extreme[L]! > 3) {
        this.lastDiff[L] = d;
        this.extreme[L] = 0;
      }
    };
    if (multi === 1) {
      this.enc.encodeSymbol(this.multi, 1);
      this.ic.compress(lastDiff, d, 1);
      this.extreme[L] = 0;
    } else if (multi > 0) {
      if (multi < GPS_MULTI) {
        this.enc.encodeSymbol(this.multi, multi);
        this.ic.compress(Math.imul(multi, lastDiff), d, multi < 10 ? 2 : 3);
      } else {
        this.enc.encodeSymbol(this.multi, GPS_MULTI);
        this.ic.compress(Math.imul(GPS_MULTI, lastDiff), d, 4);
        extreme();
      }
    } else if (multi < 0) {
      if (multi > GPS_MULTI_MINUS) {
        this.enc.encodeSymbol(this.multi, GPS_MULTI - multi);
        this.ic.compress(Math.imul(multi, lastDiff), d, 5);
      } else {
        this.enc.encodeSymbol(this.multi, GPS_MULTI - GPS_MULTI_MINUS);
        this.ic.compress(Math.imul(GPS_MULTI_MINUS, lastDiff), d, 6);
        extreme();
      }
    } else {
      this.enc.encodeSymbol(this.multi, 0);
      this.ic.compress(0, d, 7);
      extreme();
    }
    this.lastTime[L] = t;
  }
}

export class Point14Writer implements LayeredItemWriter {
  // Layers, in the order their sizes and bytes are written.
  private readonly xy = new Layer();
  private readonly zl = new Layer();
  private readonly cls = new Layer();
  private readonly flags = new Layer();
  private readonly intensityLayer = new Layer();
  private readonly scanAngleLayer = new Layer();
  private readonly userDataLayer = new Layer();
  private readonly pointSourceLayer = new Layer();
  private readonly gpsLayer = new Layer();
  private readonly changedValues = Array.from({ length: 8 }, () => new SymbolModel(128));
  private readonly dx = new IntegerCompressor(this.xy.enc, 32, 2);
  private readonly dy = new IntegerCompressor(this.xy.enc, 32, 22);
  private readonly icZ = new IntegerCompressor(this.zl.enc, 32, 20);
  private readonly icIntensity = new IntegerCompressor(this.intensityLayer.enc, 16, 4);
  private readonly icScanAngle = new IntegerCompressor(this.scanAngleLayer.enc, 16, 2);
  private readonly icPointSource = new IntegerCompressor(this.pointSourceLayer.enc, 16);
  private readonly gps: GpsTime14;
  private readonly classModels = new Array<SymbolModel | undefined>(64);
  private readonly flagModels = new Array<SymbolModel | undefined>(64);
  private readonly userDataModels = new Array<SymbolModel | undefined>(64);
  // With one return number and count per chunk every point has the same return context, so LASzip's
  // per-context arrays reduce to one slot per "GPS time changed" (medians, intensity) or to one (Z).
  private readonly xMedian = [new Median5(), new Median5()];
  private readonly yMedian = [new Median5(), new Median5()];
  private lastZ: number;
  private readonly lastIntensity: [number, number];
  private last: P14;
  /** Whether the last point's GPS time changed (part of the next point's context). */
  private lastGpsChange = 0;

  constructor(first: Uint8Array, at: number) {
    const dv = new DataView(first.buffer, first.byteOffset, first.byteLength);
    this.last = read14(first, dv, at);
    this.lastZ = this.last.z;
    this.lastIntensity = [this.last.intensity, this.last.intensity];
    this.gps = new GpsTime14(this.gpsLayer.enc, this.last.gps);
  }

  write(bytes: Uint8Array, dv: DataView, at: number): void {
    const p = read14(bytes, dv, at);
    const last = this.last;
    for (const key of ['channel', 'r', 'n'] as const) {
      if (p[key] !== last[key]) throw new Error(`POINT14 writer: ${key} changes within a chunk (${last[key]} → ${p[key]}), which this test encoder does not code`);
    }
    const gpsChange = p.gps !== last.gps ? 1 : 0;
    const pointSourceChange = p.pointSource !== last.pointSource ? 1 : 0;
    const scanAngleChange = p.scanAngle !== last.scanAngle ? 1 : 0;
    // Context: the last point's return (first / last) and whether its GPS time changed; the mask says
    // what changed (scanner channel and return bits stay 0 here).
    const lpr = (last.r === 1 ? 1 : 0) + (last.r >= last.n ? 2 : 0) + (this.lastGpsChange ? 4 : 0);
    this.xy.enc.encodeSymbol(this.changedValues[lpr]!, (pointSourceChange << 5) | (gpsChange << 4) | (scanAngleChange << 3));
    const cpr = (p.r === 1 ? 1 : 0) + (p.r >= p.n ? 2 : 0);
    const single = p.n === 1 ? 1 : 0;

    const diffX = (p.x - last.x) | 0;
    this.dx.compress(this.xMedian[gpsChange]!.get(), diffX, single);
    this.xMedian[gpsChange]!.add(diffX);
    const kx = this.dx.k;
    const diffY = (p.y - last.y) | 0;
    this.dy.compress(this.yMedian[gpsChange]!.get(), diffY, single + (kx < 20 ? kx & ~1 : 20));
    this.yMedian[gpsChange]!.add(diffY);
    this.xy.used = true;

    const kz = (this.dx.k + this.dy.k) >>> 1;
    this.icZ.compress(this.lastZ, p.z, single + (kz < 18 ? kz & ~1 : 18));
    this.lastZ = p.z;
    this.zl.used = true;

    if (p.classification !== last.classification) this.cls.used = true;
    const ccc = ((last.classification & 0x1f) << 1) + (cpr === 3 ? 1 : 0);
    this.cls.enc.encodeSymbol((this.classModels[ccc] ??= new SymbolModel(256)), p.classification);

    const lastFlags = flagsOf(last);
    if (flagsOf(p) !== lastFlags) this.flags.used = true;
    this.flags.enc.encodeSymbol((this.flagModels[lastFlags] ??= new SymbolModel(64)), flagsOf(p));

    if (p.intensity !== last.intensity) this.intensityLayer.used = true;
    this.icIntensity.compress(this.lastIntensity[gpsChange]!, p.intensity, cpr);
    this.lastIntensity[gpsChange] = p.intensity;

    if (scanAngleChange) {
      this.scanAngleLayer.used = true;
      this.icScanAngle.compress(last.scanAngle, p.scanAngle, gpsChange);
    }

    if (p.userData !== last.userData) this.userDataLayer.used = true;
    this.userDataLayer.enc.encodeSymbol((this.userDataModels[last.userData >> 2] ??= new SymbolModel(256)), p.userData);

    if (pointSourceChange) {
      this.pointSourceLayer.used = true;
      this.icPointSource.compress(last.pointSource, p.pointSource);
    }

    if (gpsChange) {
      this.gpsLayer.used = true;
      this.gps.write(f64Bits(p.gps));
    }

    this.last = p;
    this.lastGpsChange = gpsChange;
  }

  layers(): Uint8Array[] {
    // Returns/XY and Z are always written, the others only when their attribute changed in the chunk.
    this.xy.used = this.zl.used = true;
    return [this.xy, this.zl, this.cls, this.flags, this.intensityLayer, this.scanAngleLayer, this.userDataLayer, this.pointSourceLayer, this.gpsLayer].map((l) => l.bytes());
  }
}

/** RGB14 v3: RGB12 v2's coding in a layer of its own, left out when no colour changed in the chunk. */
export class Rgb14Writer implements LayeredItemWriter {
  private readonly layer = new Layer();
  private readonly rgb: Rgb12Writer;
  private readonly last = new Uint16Array(3);

  constructor(first: Uint8Array, at: number) {
    const dv = new DataView(first.buffer, first.byteOffset, first.byteLength);
    this.rgb = new Rgb12Writer(this.layer.enc, dv, at);
    for (let c = 0; c < 3; c++) this.last[c] = dv.getUint16(at + 2 * c, true);
  }

  write(bytes: Uint8Array, dv: DataView, at: number): void {
    for (let c = 0; c < 3; c++) {
      const v = dv.getUint16(at + 2 * c, true);
      if (v !== this.last[c]) this.layer.used = true;
      this.last[c] = v;
    }
    this.rgb.write(bytes, dv, at);
  }

  layers(): Uint8Array[] {
    return [this.layer.bytes()];
  }
}

/**
 * RGBNIR14 v3 (format 8): colour as RGB14 in one layer, near infrared in a second: a 2-bit mask of
 * which NIR byte changed, then each changed byte's difference mod 256 (one model per byte).
 */
export class RgbNir14Writer implements LayeredItemWriter {
  private readonly rgb: Rgb14Writer;
  private readonly nirLayer = new Layer();
  private readonly used = new SymbolModel(4);
  private readonly diff = [new SymbolModel(256), new SymbolModel(256)];
  private lastNir: number;

  constructor(first: Uint8Array, at: number) {
    this.rgb = new Rgb14Writer(first, at);
    this.lastNir = new DataView(first.buffer, first.byteOffset, first.byteLength).getUint16(at + 6, true);
  }

  write(bytes: Uint8Array, dv: DataView, at: number): void {
    this.rgb.write(bytes, dv, at);
    const nir = dv.getUint16(at + 6, true);
    const last = this.lastNir;
    const sym = +((last & 0xff) !== (nir & 0xff)) | (+((last & 0xff00) !== (nir & 0xff00)) << 1);
    if (sym) this.nirLayer.used = true;
    const enc = this.nirLayer.enc;
    enc.encodeSymbol(this.used, sym);
    if (sym & 1) enc.encodeSymbol(this.diff[0]!, ((nir & 0xff) - (last & 0xff)) & 0xff);
    if (sym & 2) enc.encodeSymbol(this.diff[1]!, ((nir >> 8) - (last >> 8)) & 0xff);
    this.lastNir = nir;
  }

  layers(): Uint8Array[] {
    return [...this.rgb.layers(), this.nirLayer.bytes()];
  }
}
