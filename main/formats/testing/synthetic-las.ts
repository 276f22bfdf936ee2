// Test support: deterministic, varied LAS 1.2 files of point formats 0..3 for the LAZ tests, fuzz seeds
// and bench. The points imitate an airborne scan: pulses along scan lines with up to 5 returns (and,
// rarely, the odd return/count combinations real files contain), interleaved flight lines whose GPS
// times jump, colours that are sometimes grey, sometimes 8-bit, and a few wild outliers, so every
// branch of the LASzip item coders is exercised.
import { lasFile } from '../../../app/formats/las/testLas.fixture';

export interface SyntheticLasOptions {
  format: 0 | 1 | 2 | 3;
  points: number;
  seed?: number;
  /** Extra bytes per record after the format's fields. */
  extraBytes?: number;
}

const BASE_LENGTH = [20, 28, 26, 34];

const lcg = (seed: number) => () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);

export function syntheticLas(o: SyntheticLasOptions): Uint8Array {
  const { format, points: n } = o;
  const rand = lcg(o.seed ?? 1);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const len = BASE_LENGTH[format]! + (o.extraBytes ?? 0);
  const head = lasFile({ minor: 2, format, points: [], scale: [0.01, 0.01, 0.01], offset: [350000, 5600000, 0], extra: o.extraBytes ?? 0 });
  const out = new Uint8Array(head.length + n * len);
  out.set(head);
  const dv = new DataView(out.buffer);
  dv.setUint32(107, n, true);
  const hasTime = format === 1 || format === 3;
  const hasRgb = format === 2 || format === 3;
  const rgbAt = format === 2 ? 20 : 28;

  // Scanner state: two flight lines whose pulses interleave in blocks, each with its own clock.
  const lines = [
    { x: 0, y: 0, time: 302_400.125, source: 11 },
    { x: 40_000, y: 90_000, time: 309_871.5, source: 12 },
  ];
  let line = 0;
  let along = 0;
  let direction = 0;
  let userData = 0;
  let pulseLeft = 0;
  let returns = 1;
  let returnNo = 1;
  let pulseTime = 0;
  for (let i = 0, at = head.length; i < n; i++, at += len) {
    if (pulseLeft === 0) {
      if (rand() < 0.002) line = 1 - line; // switch flight line: a big GPS time jump
      const L = lines[line]!;
      if (++along === 240) {
        along = 0;
        direction ^= 1;
        L.y += 37;
      }
      L.x += (direction ? -1 : 1) * int(12, 18);
      // Pulse spacing: mostly regular; sometimes skipped pulses, a stall, a step back in time, a long
      // run of missing pulses, rarely a gap of seconds to minutes.
      const u = rand();
      L.time +=
        u < 0.9 ? 1e-5 : u < 0.96 ? int(2, 40) * 1e-5 : u < 0.975 ? 0 : u < 0.98 ? -int(1, 9) * 1e-5 : u < 0.985 ? -int(20, 100) * 1e-5 : u < 0.99 ? int(600, 5000) * 1e-5 : int(1, 600);
      pulseTime = L.time;
      const v = rand();
      returns = v < 0.6 ? 1 : v < 0.8 ? 2 : v < 0.9 ? 3 : v < 0.97 ? int(4, 5) : int(0, 7);
      pulseLeft = Math.max(1, returns);
      returnNo = returns === 0 ? int(0, 7) : 1;
      if (rand() < 0.01) userData = int(0, 255);
    }
    const L = lines[line]!;
    const terrain = Math.round(1200 + 300 * Math.sin(L.x / 4000) + 200 * Math.cos(L.y / 3000));
    const onEdge = along === 0 || along === 239 ? 1 : 0;
    const outlier = rand() < 0.0005;
    const x = outlier ? int(-2_000_000_000, 2_000_000_000) : L.x + int(-2, 2);
    const y = outlier ? int(-2_000_000_000, 2_000_000_000) : L.y + int(-3, 3) + (returnNo - 1) * 2;
    const z = outlier ? int(-2_000_000_000, 2_000_000_000) : terrain + (returns - returnNo) * int(150, 900) + int(-4, 4);
    dv.setInt32(at, x, true);
    dv.setInt32(at + 4, y, true);
    dv.setInt32(at + 8, z, true);
    dv.setUint16(at + 12, rand() < 0.1 ? 0 : Math.min(65535, int(200, 900) * (returnNo === 1 ? 40 : 12)) & ~7, true);
    out[at + 14] = (returnNo & 7) | ((returns & 7) << 3) | (direction << 6) | (onEdge << 7);
    const ground = returnNo === returns;
    const flags = rand() < 0.02 ? 0x20 << int(0, 2) : 0;
    out[at + 15] = (ground ? 2 : returnNo === 1 && z > 1500 ? 6 : int(3, 5)) | flags;
    out[at + 16] = (Math.round(((along - 120) / 120) * 30) + (rand() < 0.01 ? int(-100, 100) : 0)) & 0xff;
    out[at + 17] = userData;
    dv.setUint16(at + 18, rand() < 0.001 ? int(0, 65535) : L.source, true);
    if (hasTime) dv.setFloat64(at + 20, rand() < 0.0005 ? int(0, 10_000) / 7 : pulseTime, true);
    if (hasRgb) {
      const shade = (x * 7 + y * 3 + z) & 0xff;
      const grey = L.x % 5000 < 800;
      const eightBit = L.y % 3000 < 500;
      const c = [shade, grey ? shade : (shade * 5 + 40) & 0xff, grey ? shade : (255 - shade) & 0xff];
      for (let k = 0; k < 3; k++) {
        const low = rand() < 0.3 ? int(0, 255) : c[k]!;
        dv.setUint16(at + rgbAt + 2 * k, eightBit ? c[k]! : (c[k]! << 8) | (grey ? c[k]! : low), true);
      }
    }
    for (let e = BASE_LENGTH[format]!; e < len; e++) out[at + e] = e & 1 ? i & 0xff : (i >> 5) & 0xff;
    pulseLeft--;
    if (returnNo < 7) returnNo++;
  }
  return out;
}
