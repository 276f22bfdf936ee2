// Generated PCD and LAS benchmark files, written once into the OS temp folder and reused while
// their size matches. The cloud is room-like (floor and wall planes on a 1 cm grid, a few colours),
// so compressed PCD compresses as real scans do rather than as noise.
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lasFile } from '../../../app/formats/las/testLas.fixture';
import { pcdHeader, type FixtureField } from '../../../app/formats/pcd/testPcd.fixture';
import { lzfCompress } from './lzf-compress';

export type CloudKind = 'pcd-binary' | 'pcd-binary_compressed' | 'las';

const PALETTE = [0xb0a890, 0x7a6a58, 0xd8d8d0, 0x404850, 0x986040];

/** Point i of the synthetic room: xyz in metres and a 0xRRGGBB colour. */
function roomPoint(i: number, rand: () => number): [number, number, number, number] {
  const onFloor = i % 3 !== 0;
  const u = (i % 800) * 0.01;
  const v = Math.floor(i / 800) % 600 * 0.01;
  const jitter = (rand() - 0.5) * 0.002;
  const xyz: [number, number, number] = onFloor ? [u, v, jitter] : [u, 6 + jitter, v * 0.5];
  return [...xyz, PALETTE[Math.floor(i / 4000) % PALETTE.length]!];
}

const lcg = (seed: number) => () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);

const FIELDS: FixtureField[] = ['x', 'y', 'z', 'rgb'].map((name) => ({ name, type: 'F', size: 4 }));

/** PCL's PointXYZRGB layout: x y z float, rgb as the float whose bits are 0x00RRGGBB. */
function pcdBytes(n: number, compressed: boolean): Uint8Array {
  const head = new TextEncoder().encode(pcdHeader({ fields: FIELDS, rows: [], width: n, points: n, data: compressed ? 'binary_compressed' : 'binary' }));
  const body = new Uint8Array(n * 16);
  const dv = new DataView(body.buffer);
  const rand = lcg(n);
  for (let i = 0; i < n; i++) {
    const [x, y, z, rgb] = roomPoint(i, rand);
    // Row-major for binary; field blocks (all x, then all y, …) before LZF for binary_compressed.
    const at = (f: number) => (compressed ? f * n * 4 + i * 4 : i * 16 + f * 4);
    dv.setFloat32(at(0), x, true);
    dv.setFloat32(at(1), y, true);
    dv.setFloat32(at(2), z, true);
    dv.setUint32(at(3), rgb, true);
  }
  if (!compressed) return concat(head, body);
  const packed = lzfCompress(body);
  const sizes = new Uint8Array(8);
  new DataView(sizes.buffer).setUint32(0, packed.length, true);
  new DataView(sizes.buffer).setUint32(4, body.length, true);
  return concat(head, sizes, packed);
}

/** LAS 1.2 point format 2 (xyz int32 at 1 mm, 16-bit rgb, classification), offset to survey coordinates. */
function lasBytes(n: number): Uint8Array {
  const head = lasFile({ minor: 2, format: 2, points: [], scale: [0.001, 0.001, 0.001], offset: [500000, 4100000, 0] });
  const RECORD = 26;
  const out = new Uint8Array(head.length + n * RECORD);
  out.set(head);
  const dv = new DataView(out.buffer);
  dv.setUint32(107, n, true); // legacy point count
  const rand = lcg(n + 1);
  for (let i = 0, o = head.length; i < n; i++, o += RECORD) {
    const [x, y, z, rgb] = roomPoint(i, rand);
    dv.setInt32(o, Math.round(x * 1000), true);
    dv.setInt32(o + 4, Math.round(y * 1000), true);
    dv.setInt32(o + 8, Math.round(z * 1000), true);
    out[o + 15] = i % 3 === 0 ? 6 : 2; // building / ground
    dv.setUint16(o + 20, ((rgb >> 16) & 0xff) << 8, true);
    dv.setUint16(o + 22, ((rgb >> 8) & 0xff) << 8, true);
    dv.setUint16(o + 24, (rgb & 0xff) << 8, true);
  }
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}

const EXTENSION: Record<CloudKind, string> = { 'pcd-binary': 'pcd', 'pcd-binary_compressed': 'pcd', las: 'las' };

/** Path of the generated file for `kind` with `n` points; written (via a temporary name) when absent. */
export function cloudFile(kind: CloudKind, n: number): string {
  const path = join(tmpdir(), `scenewright-bench-${kind}-${n}.${EXTENSION[kind]}`);
  if (existsSync(path)) return path;
  process.stdout.write(`formats: writing ${path} …\n`);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, kind === 'las' ? lasBytes(n) : pcdBytes(n, kind === 'pcd-binary_compressed'));
  renameSync(temp, path);
  return path;
}
