// `info` and `import` on the real ScanNet scene0000_00 folder in ../shared/data (never copied).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createHost } from '../host/create-host';
import type { Io } from './command';
import { main } from './index';

const SCENE = fileURLToPath(new URL('../../../shared/data/scannet/scene0000_00', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'sw-real-import-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t) };
  return { code: await main(argv, io), out, err };
}

describe.skipIf(!existsSync(SCENE))('scene0000_00 through the CLI', () => {
  it('info reports the mesh, superpoints and the 55 annotated instances', async () => {
    const { code, out, err } = await run(['info', SCENE, '--json']);
    expect([code, err]).toEqual([0, '']);
    const r = JSON.parse(out);
    expect(r).toMatchObject({ format: 'scannet', pointCount: 81369, faceCount: 153587, superpointCount: 668, instanceCount: 55, upAxis: 'z' });
    expect(r.labels).toContainEqual({ label: 'wall', count: 9 });
    expect(r.labels.map((l: { label: string }) => l.label)).toEqual(expect.arrayContaining(['refrigerator', 'guitar']));
    // A room of a few metres, with a whole-metre origin inside its box.
    for (let a = 0; a < 3; a++) {
      expect(r.bbox.max[a] - r.bbox.min[a]).toBeLessThan(12);
      expect(Number.isInteger(r.origin[a])).toBe(true);
    }
  });

  it('imports, opens from the cache with the same counts, and recognises a re-import', async () => {
    const first = await run(['import', SCENE, '--data-dir', dataDir, '--json']);
    expect(first.code).toBe(0);
    const result = JSON.parse(first.out);
    expect(result).toMatchObject({ name: 'scene0000_00', format: 'scannet', pointCount: 81369, instanceCount: 55, alreadyImported: false });

    const again = await run(['import', SCENE, '--data-dir', dataDir]);
    expect(again).toMatchObject({ code: 0, out: `scene0000_00: already imported as ${result.id}\n` });

    const host = await createHost({ dataDir, transport: 'in-process', backupIntervalMs: 0 });
    try {
      const { scenes } = await host.client.listScenes();
      expect(scenes.filter((s) => s.format === 'scannet')).toHaveLength(1);
      const opened = await host.client.openScene({ sceneId: result.id });
      expect(opened.buffers.positions.length).toBe(81369 * 3);
      expect(opened.instances).toHaveLength(55);
      expect(opened.instances.filter((i) => i.label === 'wall')).toHaveLength(9);
    } finally {
      await host.close();
    }
  });
});
