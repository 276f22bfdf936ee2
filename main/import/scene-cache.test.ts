// The scene cache file: a round trip keeps every buffer and the float64 origin; damage is a typed error.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../app/contract/errors';
import type { PointScene } from '../../app/scene/types';
import { cachePath, encodeSceneCache, readSceneCache, SCENES_DIR, writeSceneCache } from './scene-cache';

const dataDir = mkdtempSync(join(tmpdir(), 'sw-cache-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const scene: PointScene = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  name: 'survey',
  source: '/scans/survey.las',
  format: 'las',
  upAxis: 'z',
  origin: [500000, 4100000, 12],
  positions: new Float32Array([0.123, -0.5, 1, 2, 3, 4]),
  colors: new Uint8Array([1, 2, 3, 4, 5, 6]),
  normals: new Float32Array([0, 0, 1, 0, 1, 0]),
  instanceIds: new Int32Array([7, -1]),
  instances: [{ id: 7, label: 'pole' }],
};

describe('scene cache', () => {
  it('round-trips buffers, normals, origin and instances, leaving no temporary file', async () => {
    const file = await writeSceneCache(dataDir, scene);
    expect(file).toBe(cachePath(dataDir, scene.id));
    expect(readdirSync(join(dataDir, SCENES_DIR))).toEqual([`${scene.id}.swscene`]);
    expect(await readSceneCache(dataDir, scene.id)).toEqual(scene);
    // Streamed in pieces, the file holds exactly the one-buffer encoding.
    expect(new Uint8Array(readFileSync(file))).toEqual(encodeSceneCache(scene));
  });

  it('reports a damaged or missing cache by file, as bad_file or not_found', async () => {
    const file = cachePath(dataDir, scene.id);
    writeFileSync(file, readFileSync(file).subarray(0, 40));
    const damaged = await readSceneCache(dataDir, scene.id).catch((e: unknown) => e);
    expect(damaged).toBeInstanceOf(AppError);
    expect(damaged).toMatchObject({ code: 'bad_file', message: expect.stringContaining(file) });
    const missing = await readSceneCache(dataDir, 'nope').catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'not_found', message: expect.stringContaining('import it again') });
  });
});
