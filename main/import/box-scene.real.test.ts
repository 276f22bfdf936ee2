// Box-only scenes from the real VSI-Bench meta file (../shared/data/vsibench, never copied), through
// the host exactly as the CLI and the UI import them: `meta.json#<scene>`, real SQLite, real cache.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { obbDistance } from '../../app/geometry/obb-distance';
import { parseVsiMeta } from '../../app/qa/vsibench/meta';
import { loadScene } from '../../app/scene/load';
import { createHost, type Host } from '../host/create-host';
import { sharedDataDir } from '../launch/paths';
import { readSceneInput } from './read-input';
import { bundleImportWorker, type WorkerBundle } from './testing/worker-bundle';

const META = join(sharedDataDir(), 'vsibench', 'scannetpp_meta_info_val.json');
type RawBox = { min: number[]; max: number[] };
type RawScene = { room_size: number; object_bbox: Record<string, RawBox[]> };
const raw = JSON.parse(readFileSync(META, 'utf8')) as Record<string, RawScene>;
// The first scene, the largest by object count, and one from the middle of the file.
const names = Object.keys(raw);
const count = (n: string) => Object.values(raw[n]!.object_bbox).reduce((t, l) => t + l.length, 0);
const SCENES = [...new Set([names[0]!, names.reduce((a, b) => (count(b) > count(a) ? b : a)), names[Math.floor(names.length / 2)]!])];

let dir: string;
let host: Host;
let worker: WorkerBundle;
const start = () =>
  createHost({
    dataDir: join(dir, 'data'),
    transport: 'in-process',
    backupIntervalMs: 0,
    importWorker: worker.file,
    executionProvider: async () => ({ provider: 'none', reason: 'not probed in this test', fallbacks: [] }),
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-boxes-'));
  worker = bundleImportWorker();
  host = await start();
});
afterAll(async () => {
  await host?.close();
  worker?.remove();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(SCENES)('VSI-Bench meta scene %s as a box-only scene', (name) => {
  const expected = raw[name]!;

  it('imports with one instance per object_bbox entry, per category', async () => {
    const imported = await host.client.importScene({ path: `${META}#${name}` });
    expect(imported).toMatchObject({ name, format: 'vsibench-meta', alreadyImported: false, instanceCount: count(name) });
    const opened = await host.client.openScene({ sceneId: imported.id });
    const perLabel: Record<string, number> = {};
    for (const i of opened.instances) perLabel[i.label] = (perLabel[i.label] ?? 0) + 1;
    expect(perLabel).toEqual(Object.fromEntries(Object.entries(expected.object_bbox).map(([c, l]) => [c, l.length])));
    expect(opened.boxScene!.boxes).toHaveLength(count(name));
    expect(opened.boxScene!.roomSize).toBe(expected.room_size);
    // Every instance's samples span exactly its box's stored min/max (which the reader never uses).
    const boxesOf = Object.values(expected.object_bbox).flat();
    opened.instances.forEach((inst, k) => {
      for (let a = 0; a < 3; a++) {
        expect(inst.bbox.min[a]! + opened.scene.origin[a]!).toBeCloseTo(boxesOf[k]!.min[a]!, 4);
        expect(inst.bbox.max[a]! + opened.scene.origin[a]!).toBeCloseTo(boxesOf[k]!.max[a]!, 4);
      }
    });
  });

  it('reports the room size and the bounds of all boxes', async () => {
    const read = await readSceneInput(`${META}#${name}`);
    const { report } = loadScene(read.input, { id: 'info', name, source: META });
    expect(report.room).toMatchObject({ size: expected.room_size, boxCount: count(name) });
    const all = Object.values(expected.object_bbox).flat();
    for (let a = 0; a < 3; a++) {
      expect(report.bbox.min[a]).toBeCloseTo(Math.min(...all.map((b) => b.min[a]!)), 5);
      expect(report.bbox.max[a]).toBeCloseTo(Math.max(...all.map((b) => b.max[a]!)), 5);
    }
  });

  it('measures two boxes with the exact OBB distance', async () => {
    const { id } = await host.client.importScene({ path: `${META}#${name}` });
    const [scene] = parseVsiMeta({ [name]: raw[name] }, 'meta');
    const boxes = scene!.categories.flatMap((c) => scene!.instances[c]!.map((o) => o.box));
    const last = boxes.length - 1;
    const r = await host.client.measureDistance({ sceneId: id, a: 0, b: last });
    expect(r.distance).toBeCloseTo(obbDistance(boxes[0]!, boxes[last]!).distance, 9);
  });
});

describe('VSI-Bench meta import, across scenes and restarts', () => {
  it('knows a scene imported before, tells scenes of one file apart, and reopens boxes from the cache', async () => {
    const again = await host.client.importScene({ path: `${META}#${SCENES[0]}` });
    expect(again.alreadyImported).toBe(true);
    const other = await host.client.importScene({ path: `${META}#${SCENES[1]}` });
    expect(other.id).not.toBe(again.id);
    await host.close();
    host = await start();
    const reopened = await host.client.openScene({ sceneId: again.id });
    expect(reopened.boxScene!.boxes).toHaveLength(count(SCENES[0]!));
  });

  it('refuses a meta file without a scene name, naming the scenes', async () => {
    await expect(host.client.importScene({ path: META })).rejects.toThrow(/#<scene>: 3864514494, 7b6477cb95/);
    await expect(host.client.importScene({ path: `${META}#no-such-room` })).rejects.toThrow(/no scene "no-such-room"/);
  });
});
