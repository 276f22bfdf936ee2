// The import's compact scene: a scan without instance ids converts without the all −1 id array
// (4 bytes a point less while importing), is cached without ids, and reads back as exactly the scene
// the full conversion gives; a scan with ids keeps them.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toCompactScene, toPointScene, type LoadedScan } from '../../app/scene/load';
import { cachePath, encodeSceneCache, readSceneCache, writeSceneCache } from './scene-cache';

const dataDir = mkdtempSync(join(tmpdir(), 'sw-compact-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const N = 5000;
function scan(withIds: boolean): LoadedScan {
  const positions = new Float32Array(N * 3).map((_, i) => 1000 + ((i * 7919) % 1013) / 17);
  const colors = new Uint8Array(N * 3).map((_, i) => (i * 31) & 0xff);
  const s: LoadedScan = { format: 'ply', positions, colors, upAxis: 'z' };
  if (withIds) s.instances = new Int32Array(N).map((_, i) => (i % 5 === 0 ? -1 : i % 3));
  return s;
}

describe('compact scene (import path)', () => {
  it('no instance ids: no id array, cached without ids, read back as the full conversion', async () => {
    const options = { id: 'c0ffee00-0000-4000-8000-000000000001', name: 'cloud', source: '/x/cloud.ply' };
    const compact = toCompactScene(scan(false), options);
    const full = toPointScene(scan(false), options);
    expect(compact.scene.instanceIds).toBeUndefined();
    expect(compact.scene.instances).toEqual([]);
    expect(full.scene.instanceIds).toEqual(new Int32Array(N).fill(-1));
    const { instanceIds: _, ...rest } = full.scene;
    expect(compact.scene).toEqual({ ...rest, instanceIds: undefined });
    expect(compact.bbox).toEqual(full.bbox);

    await writeSceneCache(dataDir, compact.scene);
    // The cache is the full scene's cache less the ids' bytes (and their table entry).
    const stored = readFileSync(cachePath(dataDir, options.id)).byteLength;
    expect(encodeSceneCache(full.scene).byteLength - stored).toBeGreaterThanOrEqual(4 * N);
    expect(await readSceneCache(dataDir, options.id)).toEqual(full.scene);
  });

  it('instance ids present: kept as they are, with their instances', () => {
    const options = { id: 'c0ffee00-0000-4000-8000-000000000002', name: 'ids', source: '/x/ids.ply' };
    const compact = toCompactScene(scan(true), options);
    const full = toPointScene(scan(true), options);
    expect(compact.scene.instanceIds).toEqual(scan(true).instances);
    expect(compact.scene.instances.map((i) => i.id)).toEqual([0, 1, 2]);
    expect(compact.scene).toEqual(full.scene);
  });
});
