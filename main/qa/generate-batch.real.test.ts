// qa generate on real data (../shared/data, never copied): the ScanNet folder as a batch of scene
// folders, scene0000_00 through the same loader the importer uses, and the 50 VSI-Bench rooms of the
// meta file across worker threads, checked against the same rooms on this thread.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDataDir } from '../launch/paths';
import { discoverTasks, runBatch } from './generate-batch';
import type { GenerateParams, TaskResult } from './generate-task';
import { bundleGenerateWorker, type WorkerBundle } from './testing/bundle-worker';

const SCANNET = join(sharedDataDir(), 'scannet');
const META = join(sharedDataDir(), 'vsibench', 'scannetpp_meta_info_val.json');
let bundle: WorkerBundle;
beforeAll(() => void (bundle = bundleGenerateWorker()));
afterAll(() => bundle.remove());

const ok = (r: TaskResult | undefined) => {
  if (!r?.ok) throw new Error(`scene failed: ${r ? JSON.stringify(r.error) : 'missing'}`);
  return r;
};

describe('qa generate on real scenes', () => {
  it('finds the two ScanNet scene folders and skips the label tables', () => {
    const { tasks, skipped } = discoverTasks(SCANNET);
    expect(tasks.map((t) => t.kind === 'scan' && t.name)).toEqual(['scene0000_00', 'scene0470_00']);
    expect(skipped.map((s) => s.path)).toEqual([join(SCANNET, 'meta')]);
  });

  it('asks every type about scene0000_00, sizes in plausible millimetres, a reason for every drop', async () => {
    const params: GenerateParams = { types: ['object_counting', 'object_size_estimation', 'object_abs_distance', 'object_rel_direction_easy', 'multispa_object_size', 'room_size_estimation'], seed: 0, perType: null };
    const r = ok((await runBatch(discoverTasks(join(SCANNET, 'scene0000_00')).tasks, params, { jobs: 1 }))[0]);
    const types = new Set(r.questions.map((q) => q.question_type));
    expect(types).toEqual(new Set(params.types));
    // The annotation has several tables, cabinets and windows; counting asks only about such categories.
    expect(r.questions.find((q) => q.question === 'How many table(s) are in this room?')?.answer).toBeGreaterThan(1);
    for (const q of r.questions.filter((x) => x.question_type === 'object_counting')) expect(q.answer as number).toBeGreaterThan(1);
    for (const q of r.questions.filter((x) => x.question_type === 'multispa_object_size')) {
      expect(Number.isInteger(q.answer)).toBe(true);
      expect(q.answer as number).toBeGreaterThan(0);
      // Nothing in a bedroom is taller, longer or wider than the room itself (the scan spans under 9 m).
      expect(q.answer as number).toBeLessThan(9000);
    }
    for (const d of r.dropped) expect(d.reason.length).toBeGreaterThan(10);
  });

  it('shards the 50 meta rooms over worker threads with the same output as one thread', async () => {
    const { tasks } = discoverTasks(META);
    expect(tasks).toHaveLength(50);
    const params: GenerateParams = { types: ['object_counting', 'object_abs_distance', 'object_rel_distance', 'multispa_object_size'], seed: 7, perType: 10 };
    const serial = await runBatch(tasks, params, { jobs: 1 });
    const threaded = await runBatch(tasks, params, { jobs: 2, workerScript: bundle.file });
    const strip = (rs: TaskResult[]) => rs.map((r) => ({ ...ok(r), ms: 0 }));
    expect(strip(threaded)).toEqual(strip(serial));
    expect(serial.map((r) => r.scene)).toEqual(tasks.map((t) => (t.kind === 'meta' ? t.scene : '')));
  });
});
