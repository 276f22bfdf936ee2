// The binary scene cache: `<dataDir>/scenes/<id>.swscene`, one contract frame (app/contract/codec)
// holding the recentred buffers and the scene's metadata, so an imported scene opens without
// re-parsing its source. Written to a temporary name and renamed: a crash never leaves half a file.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../app/contract/errors';
import { decodeFrame, encodeFrame, encodeFrameParts } from '../../app/contract/codec';
import type { CompactScene } from '../../app/scene/load';
import type { PointScene } from '../../app/scene/types';

export const SCENES_DIR = 'scenes';
export const CACHE_EXTENSION = '.swscene';
const CACHE_KIND = 'scenewright-scene';
const CACHE_VERSION = 1;

export const cachePath = (dataDir: string, id: string) => join(dataDir, SCENES_DIR, `${id}${CACHE_EXTENSION}`);

/** A scene with no instance on any point (CompactScene without instanceIds) is stored without ids. */
const cacheFrame = (scene: CompactScene) => {
  const { positions, colors, instanceIds, normals, ...meta } = scene;
  return { kind: CACHE_KIND, version: CACHE_VERSION, meta, positions, colors, instanceIds, normals };
};

export const encodeSceneCache = (scene: CompactScene): Uint8Array => encodeFrame(cacheFrame(scene));

/** Largest single write: Linux writes at most ~2 GiB per call. */
const WRITE_CHUNK = 256 * 2 ** 20;

/** Streams the frame's pieces to `file` and syncs it: the scene's arrays are never copied into one buffer. */
async function writeFrameFile(file: string, parts: Uint8Array[]): Promise<void> {
  const fh = await open(file, 'w');
  try {
    for (const p of parts) {
      for (let at = 0; at < p.byteLength; ) at += (await fh.write(p, at, Math.min(p.byteLength - at, WRITE_CHUNK))).bytesWritten;
    }
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Throws AppError bad_file naming the file when it is not a cache this version wrote. */
export function decodeSceneCache(bytes: Uint8Array, file: string): PointScene {
  let frame: unknown;
  try {
    frame = decodeFrame(bytes);
  } catch (err) {
    throw new AppError('bad_file', `${file}: ${err instanceof Error ? err.message : String(err)}`, { file });
  }
  const f = frame as Record<string, unknown>;
  const meta = f.meta as Omit<PointScene, 'positions' | 'colors' | 'instanceIds' | 'normals'> | undefined;
  const ok =
    f.kind === CACHE_KIND &&
    f.version === CACHE_VERSION &&
    meta !== undefined &&
    f.positions instanceof Float32Array &&
    f.positions.length % 3 === 0 &&
    f.colors instanceof Uint8Array &&
    (f.instanceIds === undefined || (f.instanceIds instanceof Int32Array && f.instanceIds.length * 3 === f.positions.length)) &&
    f.colors.length === f.positions.length &&
    (f.normals === undefined || (f.normals instanceof Float32Array && f.normals.length === f.positions.length));
  if (!ok) throw new AppError('bad_file', `${file}: expected a version ${CACHE_VERSION} Scenewright scene cache with consistent buffers`, { file });
  const positions = f.positions as Float32Array;
  // No ids stored: no point has an instance.
  const instanceIds = f.instanceIds instanceof Int32Array ? f.instanceIds : new Int32Array(positions.length / 3).fill(-1);
  const scene: PointScene = { ...meta, positions, colors: f.colors as Uint8Array, instanceIds };
  if (f.normals instanceof Float32Array) scene.normals = f.normals;
  return scene;
}

/** Writes the cache atomically; returns its path. */
export async function writeSceneCache(dataDir: string, scene: CompactScene): Promise<string> {
  const final = cachePath(dataDir, scene.id);
  await mkdir(join(dataDir, SCENES_DIR), { recursive: true });
  const temp = `${final}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFrameFile(temp, encodeFrameParts(cacheFrame(scene)));
    await rename(temp, final);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  return final;
}

export async function readSceneCache(dataDir: string, id: string): Promise<PointScene> {
  const file = cachePath(dataDir, id);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch {
    throw new AppError('not_found', `scene ${id} has no cache file ${file}; import it again`, { sceneId: id, file });
  }
  const scene = decodeSceneCache(bytes, file);
  if (scene.id !== id) throw new AppError('bad_file', `${file}: holds scene ${scene.id}, expected ${id}`, { file });
  return scene;
}
