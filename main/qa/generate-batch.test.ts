// qa generate over a folder of scenes: two sample rooms written as a PLY and a Pointcept folder, a
// truncated PLY beside them, run on this thread and across worker threads (a fresh bundle).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePointceptFolder } from '../../app/formats/npy/writePointceptFolder';
import { writePly } from '../../app/formats/ply';
import { generateSampleRoom } from '../../app/sample';
import { generate } from '../cli/commands/qa';
import { discoverTasks, runBatch } from './generate-batch';
import type { GenerateParams } from './generate-task';
import { bundleGenerateWorker, type WorkerBundle } from './testing/bundle-worker';

let dir: string;
let bundle: WorkerBundle;
let worker: string;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

/** Per-point semantic ids from the instance labels, so the readers name instances "class <id>". */
function labelIds(room: ReturnType<typeof generateSampleRoom>) {
  const byLabel = new Map<string, number>();
  const classOf = new Map(room.scene.instances.map((i) => [i.id, byLabel.get(i.label) ?? (byLabel.set(i.label, byLabel.size + 1), byLabel.size)]));
  return Int32Array.from(room.scene.instanceIds, (id) => classOf.get(id) ?? 0);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sw-qa-batch-'));
  const scenes = join(dir, 'scenes');
  mkdirSync(join(scenes, 'room_b'), { recursive: true });
  const a = generateSampleRoom({ seed: 3, targetPoints: 20_000 });
  writeFileSync(join(scenes, 'room_a.ply'), writePly({ positions: a.scene.positions, colors: a.scene.colors, scalars: { instance: a.scene.instanceIds, label: labelIds(a) } }));
  const b = generateSampleRoom({ seed: 4, targetPoints: 20_000, roomType: 'office' });
  for (const [name, bytes] of Object.entries(writePointceptFolder({ coord: b.scene.positions, color: b.scene.colors, instance: b.scene.instanceIds, segment20: labelIds(b) }))) {
    writeFileSync(join(scenes, 'room_b', name), bytes);
  }
  writeFileSync(join(scenes, 'notes.txt'), 'not a scan');
  bundle = bundleGenerateWorker();
  worker = bundle.file;
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  bundle.remove();
});

const params: GenerateParams = { types: ['object_counting', 'object_abs_distance', 'object_rel_direction_hard', 'multispa_object_size', 'room_size_estimation'], seed: 9, perType: 5 };

describe('finding the scenes a path names', () => {
  it('takes scan files and scene folders of a folder in name order, and says what it skipped', () => {
    const { tasks, skipped } = discoverTasks(join(dir, 'scenes'));
    expect(tasks.map((t) => t.kind === 'scan' && t.name)).toEqual(['room_a', 'room_b']);
    expect(skipped).toEqual([{ path: join(dir, 'scenes', 'notes.txt'), reason: 'not a scan file or a scene folder' }]);
    // A scene folder named directly is one scene, not a batch of its files.
    expect(discoverTasks(join(dir, 'scenes', 'room_b')).tasks).toEqual([{ kind: 'scan', path: join(dir, 'scenes', 'room_b'), name: 'room_b' }]);
  });

  it('refuses a folder with nothing to read, naming it', () => {
    mkdirSync(join(dir, 'empty'), { recursive: true });
    expect(() => discoverTasks(join(dir, 'empty'))).toThrow(/empty: holds no scan file or scene folder/);
  });
});

describe('running a batch', () => {
  it('gives the same results, in input order, on worker threads as on this thread', async () => {
    const { tasks } = discoverTasks(join(dir, 'scenes'));
    const serial = await runBatch(tasks, params, { jobs: 1 });
    const seen: string[] = [];
    const threaded = await runBatch(tasks, params, { jobs: 2, workerScript: worker, onResult: (r, done, total) => seen.push(`${r.scene} ${done}/${total}`) });
    expect(seen).toHaveLength(2);
    expect(seen.map((s) => s.split(' ')[1]).sort()).toEqual(['1/2', '2/2']);
    const strip = (rs: typeof serial) => rs.map((r) => (r.ok ? { ...r, ms: 0 } : r));
    expect(strip(threaded)).toEqual(strip(serial));
    for (const r of serial) {
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.questions.length).toBeGreaterThan(5);
      // The quota holds per type, and each quota drop names its rule.
      const perType = new Map<string, number>();
      for (const q of r.questions) perType.set(q.question_type, (perType.get(q.question_type) ?? 0) + 1);
      for (const n of perType.values()) expect(n).toBeLessThanOrEqual(5);
      expect(r.dropped.some((d) => d.rule === 'over_quota')).toBe(true);
    }
  });

  it('reports a broken scene and still writes the others (CLI, worker threads)', async () => {
    const bytes = readFileSync(join(dir, 'scenes', 'room_a.ply'));
    writeFileSync(join(dir, 'scenes', 'room_c.ply'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const out = join(dir, 'out.json');
    const { io, out: stdout, err } = capture();
    const code = await generate([join(dir, 'scenes'), '--out', out, '--types', 'object_counting,multispa_object_size', '--seed', '1', '--jobs', '3', '--json'], io, { workerScript: worker });
    rmSync(join(dir, 'scenes', 'room_c.ply'));
    expect(code).toBe(1);
    const report = JSON.parse(stdout.join('')) as { scenes: number; failed: number; jobs: number; errors: Array<{ scene: string; message: string }> };
    expect(report).toMatchObject({ scenes: 2, failed: 1, jobs: 3 });
    expect(report.errors[0]!.scene).toBe('room_c');
    expect(report.errors[0]!.message).toMatch(/room_c\.ply/);
    expect(err.join('')).toMatch(/^room_c: /m);
    const file = JSON.parse(readFileSync(out, 'utf8')) as { scenes: string[]; questions: Array<{ scene_name: string; question_type: string }>; engineVersion: string };
    expect(file.scenes).toEqual(['room_a', 'room_b']);
    // Input order: every room_a question before any room_b question.
    const order = file.questions.map((q) => q.scene_name);
    expect(order.lastIndexOf('room_a')).toBeLessThan(order.indexOf('room_b'));
    expect(new Set(file.questions.map((q) => q.question_type))).toEqual(new Set(['object_counting', 'multispa_object_size']));
    expect(file.engineVersion).toMatch(/\S/);
  });
});
