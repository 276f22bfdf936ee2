// What a stored segmentation draft stands on: the per-point superpoint ids and the per-superpoint
// features its segmentation run produced. Stored once per draft start (not per edit) next to the
// draft record, so a restart rebuilds the draft without re-running segmentation (~1–2 s on a ScanNet
// room). The scene's content hash ties it to the points it was made on: other points, no restore.
//
// Encoding: one zlib-deflated buffer of little-endian 32-bit arrays, in this order:
// superpoints[pointCount] i32, features[superpointCount × FEATURE_COUNT] f32, pointCounts[superpointCount] i32,
// bounds[superpointCount × 6] f32, neighbour offsets[superpointCount + 1] i32, neighbour ids[neighbourCount] i32;
// base64 in the settings value. zlib's Adler-32 catches a damaged buffer; lengths are checked on decode.
import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { z } from 'zod';
import type { PointScene } from '../../app/scene/types';
import { FEATURE_COUNT, FEATURE_LAYOUT_VERSION, type SuperpointFeatures } from '../../app/segment/features';

/** A basis whose encoded form is larger is not stored: that draft is restored by re-running segmentation. */
export const MAX_BASIS_BYTES = 32 * 1024 * 1024;

const Count = z.number().int().nonnegative();

/** The stored record (format 1), parsed on every read. */
export const StoredBasis = z.object({
  format: z.literal(1),
  sceneId: z.string(),
  /** sceneContentHash() of the scene the segmentation ran on. */
  sceneHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  /** superpointHash() of `superpoints`, the value the draft record refers to. */
  superpointHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  featureLayout: z.number().int(),
  pointCount: Count,
  superpointCount: Count,
  neighbourCount: Count,
  floorZ: z.number(),
  /** How the superpoints were made; stored with the accepted instances' superpoint set. */
  superpointParams: z.record(z.string(), z.unknown()),
  data: z.string(),
});
export type StoredBasis = z.infer<typeof StoredBasis>;

export interface DraftBasis {
  superpoints: Int32Array;
  features: SuperpointFeatures;
  superpointParams: Record<string, unknown>;
}

/** SHA-256 over a scene's positions and colours (their bytes): what a layout edit or re-import changes. */
export function sceneContentHash(scene: Pick<PointScene, 'positions' | 'colors'>): string {
  const h = createHash('sha256');
  const bytes = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  h.update(bytes(scene.positions));
  h.update(scene.colors ? bytes(scene.colors) : new Uint8Array(0));
  return `sha256:${h.digest('hex')}`;
}

/** The stored form; null when it would exceed MAX_BASIS_BYTES. */
export function encodeBasis(
  sceneId: string,
  basis: DraftBasis,
  hashes: { sceneHash: string; superpointHash: string },
): StoredBasis | null {
  const f = basis.features;
  const parts: ArrayBufferView[] = [basis.superpoints, f.features, f.pointCounts, f.bounds, f.neighbours.offsets, f.neighbours.ids];
  const raw = Buffer.concat(parts.map((p) => new Uint8Array(p.buffer, p.byteOffset, p.byteLength)));
  const packed = deflateSync(raw);
  // base64 grows by 4/3.
  if (Math.ceil(packed.length / 3) * 4 > MAX_BASIS_BYTES) return null;
  return {
    format: 1,
    sceneId,
    ...hashes,
    featureLayout: FEATURE_LAYOUT_VERSION,
    pointCount: basis.superpoints.length,
    superpointCount: f.count,
    neighbourCount: f.neighbours.ids.length,
    floorZ: f.floorZ,
    superpointParams: basis.superpointParams,
    data: packed.toString('base64'),
  };
}

/** The arrays back, or a reason in words why this record cannot be one. */
export function decodeBasis(record: StoredBasis): { ok: true; basis: DraftBasis } | { ok: false; reason: string } {
  if (record.featureLayout !== FEATURE_LAYOUT_VERSION) return { ok: false, reason: `its superpoint features are layout ${record.featureLayout}, this version computes layout ${FEATURE_LAYOUT_VERSION}` };
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.from(record.data, 'base64'));
  } catch (err) {
    return { ok: false, reason: `its stored superpoints are damaged (${err instanceof Error ? err.message : String(err)})` };
  }
  const n = record.pointCount;
  const c = record.superpointCount;
  const lengths = [n, c * FEATURE_COUNT, c, c * 6, c + 1, record.neighbourCount];
  const words = lengths.reduce((a, b) => a + b, 0);
  if (raw.length !== 4 * words) return { ok: false, reason: `its stored superpoints are ${raw.length} bytes, ${4 * words} expected` };
  // A fresh aligned copy: Buffer slices may start at any byte offset.
  const buf = new Uint8Array(raw).buffer;
  let at = 0;
  const take = <T>(make: (b: ArrayBuffer, offset: number, length: number) => T, length: number): T => {
    const out = make(buf, at, length);
    at += 4 * length;
    return out;
  };
  const i32 = (b: ArrayBuffer, o: number, l: number) => new Int32Array(b, o, l);
  const f32 = (b: ArrayBuffer, o: number, l: number) => new Float32Array(b, o, l);
  const superpoints = take(i32, n);
  const features = take(f32, lengths[1]!);
  const pointCounts = take(i32, c);
  const bounds = take(f32, c * 6);
  const offsets = take(i32, c + 1);
  const ids = take(i32, record.neighbourCount);
  for (let i = 0; i < n; i++) {
    const s = superpoints[i]!;
    if (!(s >= -1 && s < c)) return { ok: false, reason: `point ${i} has superpoint ${s}, not in -1..${c - 1}` };
  }
  if (offsets[0] !== 0 || offsets[c] !== record.neighbourCount) return { ok: false, reason: 'its superpoint adjacency is damaged' };
  return {
    ok: true,
    basis: { superpoints, features: { count: c, features, pointCounts, bounds, floorZ: record.floorZ, neighbours: { offsets, ids } }, superpointParams: record.superpointParams },
  };
}
