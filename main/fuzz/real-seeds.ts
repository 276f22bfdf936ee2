// Seeds cut from real ScanNet files in ../shared/data, when it is there: the scene0000_00 mesh and
// labels PLY reduced to their header plus the first kilobytes (the header's counts rewritten so the
// seed is valid, and the raw truncated prefix as it is), and the real segs and aggregation JSON.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlyHeader } from '../../app/formats/ply/header';
import { SEGS_VERTEX_COUNT } from './targets';
import type { FuzzSeed } from './types';

const SCENE = 'scene0000_00';
const PREFIX_BYTES = 4096;
const SEGS_KEPT = 2000;

/** Header + the first vertices of a binary PLY, its element counts rewritten to what is kept. */
function plyPrefixSeeds(bytes: Uint8Array, file: string): FuzzSeed[] {
  const h = parsePlyHeader(bytes, file);
  const vertex = h.elements.find((e) => e.name === 'vertex');
  const sizes: Record<string, number> = { int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, float32: 4, float64: 8 };
  const stride = vertex?.properties.reduce((s, p) => s + (p.listCountType ? NaN : sizes[p.type]!), 0) ?? NaN;
  const raw = { name: `${file}: first ${PREFIX_BYTES} bytes after the header, as cut`, files: { [file]: bytes.slice(0, h.bodyOffset + PREFIX_BYTES) } };
  if (!vertex || !Number.isFinite(stride)) return [raw];
  const keep = Math.floor(PREFIX_BYTES / stride);
  const header = new TextDecoder('latin1').decode(bytes.subarray(0, h.bodyOffset));
  const rewritten = header.replace(/element vertex \d+/, `element vertex ${keep}`).replace(/element face \d+/, 'element face 0');
  const head = Uint8Array.from(rewritten, (c) => c.charCodeAt(0));
  const seed = new Uint8Array(head.length + keep * stride);
  seed.set(head);
  seed.set(bytes.subarray(h.bodyOffset, h.bodyOffset + keep * stride), head.length);
  return [raw, { name: `${file}: header + first ${keep} vertices`, files: { [file]: seed } }];
}

/** The real segs.json with segIndices cut to the first SEGS_KEPT, layout and params kept. */
function segsSeed(text: string, file: string): FuzzSeed | undefined {
  const open = text.indexOf('[', text.indexOf('"segIndices"'));
  const close = text.lastIndexOf(']');
  if (open < 0 || close < open) return undefined;
  const ids = text.slice(open + 1, close).split(',').slice(0, SEGS_KEPT);
  const name = `${file}: first ${ids.length} segIndices`;
  SEGS_VERTEX_COUNT.set(name, ids.length);
  return { name, files: { [file]: new TextEncoder().encode(`${text.slice(0, open + 1)}${ids.join(',')}${text.slice(close)}`) } };
}

/** Extra seeds by target name; empty when the data folder is absent. */
export function realSeeds(dataDir: string): Record<string, FuzzSeed[]> {
  const dir = join(dataDir, 'scannet', SCENE);
  if (!existsSync(dir)) return {};
  const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
  const out: Record<string, FuzzSeed[]> = { 'ply-binary': [], 'scannet-segs': [], 'scannet-aggregation': [] };
  for (const name of [`${SCENE}_vh_clean_2.ply`, `${SCENE}_vh_clean_2.labels.ply`]) {
    if (existsSync(join(dir, name))) out['ply-binary']!.push(...plyPrefixSeeds(read(name), name));
  }
  const segsName = `${SCENE}_vh_clean_2.0.010000.segs.json`;
  const segs = existsSync(join(dir, segsName)) ? segsSeed(new TextDecoder().decode(read(segsName)), segsName) : undefined;
  if (segs) out['scannet-segs']!.push(segs);
  for (const name of [`${SCENE}.aggregation.json`, `${SCENE}_vh_clean.aggregation.json`]) {
    if (existsSync(join(dir, name))) out['scannet-aggregation']!.push({ name, files: { [name]: read(name) } });
  }
  return out;
}
