// Test support: deterministic LAS 1.4 files of point formats 6, 7 and 8 for the layered LAZ tests,
// fuzz seed and bench: coordinates along a scan path with outliers, varied classes, intensity, flags,
// user data, scan angle, two flight lines' point sources and interleaved GPS clocks (repeats, steps
// back, jumps), 16-bit colour and NIR. One return per pulse and one scanner channel, which is what
// our layered test encoder codes (laz-point14.ts).
import { lasFile, type LasPoint } from '../../../app/formats/las/testLas.fixture';

/** A scan-like LAS 1.4 file: varied coordinates, classes, intensity, flags, user data, scan angle, point source, GPS time, colour, NIR. */
export function syntheticLas14(format: 6 | 7 | 8, n: number, seed: number): Uint8Array {
  let s = seed;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const points: LasPoint[] = Array.from({ length: n }, (_, i) => {
    const t = i / n;
    const x = Math.round(40_000 * t + 300 * Math.sin(i / 17)) + (rand() < 0.001 ? 2_000_000 : 0);
    const y = Math.round(25_000 * Math.cos(t * 9) + (rand() - 0.5) * 40);
    const z = i % 3 === 0 ? Math.round(rand() * 8) : Math.round(2_400 * rand());
    const shade = (i * 13) & 0xff;
    return { xyz: [x, y, z], classification: rand() < 0.7 ? (i >> 6) % 40 : Math.floor(rand() * 256), rgb: [shade << 8, (255 - shade) << 8 | 7, rand() < 0.2 ? 0 : 0x8000 + i % 999] };
  });
  const bytes = lasFile({ minor: 4, format, points, scale: [0.001, 0.001, 0.001], offset: [512_000.25, 4_100_000.5, 12] });
  const dv = new DataView(bytes.buffer);
  const len = [30, 36, 38][format - 6]!;
  const at0 = dv.getUint32(96, true);
  const clocks = [417_123.25, 419_871.5];
  let line = 0;
  for (let i = 0; i < n; i++) {
    const at = at0 + i * len;
    dv.setUint16(at + 12, rand() < 0.05 ? 0 : 400 + ((i * 37) % 3000), true); // intensity
    bytes[at + 15] = (rand() < 0.03 ? 1 << Math.floor(rand() * 4) : 0) | ((i >> 9) & 1) << 6 | (i % 500 === 0 ? 0x80 : 0); // class flags, scan direction, edge
    bytes[at + 17] = rand() < 0.01 ? Math.floor(rand() * 256) : 9; // user data
    dv.setInt16(at + 18, rand() < 0.7 ? -1200 + ((i >> 4) % 300) : Math.floor(rand() * 60000) - 30000, true); // scan angle
    dv.setUint16(at + 20, (i >> 11) % 3 === 2 ? 12 : 7, true); // point source: two flight lines
    // GPS time: regular pulses, repeats, small steps back, and switches between two flight lines'
    // clocks (the coder's interleaved sequences), now and then a time from nowhere.
    const u = rand();
    if (u < 0.01) line = 1 - line;
    clocks[line]! += u < 0.8 ? 1e-5 : u < 0.9 ? 0 : u < 0.95 ? -3e-5 : u < 0.99 ? 7e-4 : 100 + rand() * 1e4;
    dv.setFloat64(at + 22, rand() < 0.002 ? rand() * 1e6 : clocks[line]!, true);
    if (format === 8) dv.setUint16(at + 36, rand() < 0.1 ? 65535 : (i * 211) & 0x3fff, true); // near infrared
  }
  return bytes;
}
