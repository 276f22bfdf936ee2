import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './index';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

const cube = (centroid: number[], side: number) => ({
  centroid,
  axesLengths: [side, side, side],
  normalizedAxes: [1, 0, 0, 0, 1, 0, 0, 0, 1],
  min: centroid.map((c) => c - side / 2),
  max: centroid.map((c) => c + side / 2),
});
const room = (dx: number) => ({
  room_size: 20 + dx,
  room_center: [0, 0, 1],
  object_counts: { desk: 1, door: 1, plant: 1, sofa: 1, chair: 2 },
  object_bbox: {
    desk: [cube([dx, 0, 0], 0.4)],
    door: [cube([0, 2.5, 0], 0.4)],
    plant: [cube([-1.5, 1, 0], 0.3)],
    sofa: [cube([2, -1.2, 0], 0.8)],
    chair: [cube([1.5, 1.5, 0], 0.4), cube([-1.5, -1.5, 0], 0.4)],
  },
});
const meta = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`room${i}`, room(i * 0.1)]));

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'sw-qa-export-'));
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta));
  return dir;
}

describe('scenewright qa generate --format vsibench', () => {
  it('writes VSI-Bench rows that audit back at 1.0 against the same meta', async () => {
    const dir = setup();
    const rows = join(dir, 'rows.json');
    expect(await main(['qa', 'generate', join(dir, 'meta.json'), '--out', rows, '--format', 'vsibench', '--seed', '2', '--jobs', '1'], capture().io)).toBe(0);
    const parsed = JSON.parse(readFileSync(rows, 'utf8')) as Array<Record<string, unknown>>;
    expect(Object.keys(parsed[0]!)).toEqual(['id', 'dataset', 'scene_name', 'question_type', 'question', 'ground_truth', 'options']);
    const c = capture();
    expect(await main(['qa', 'audit', '--format', 'vsibench', rows, '--meta', join(dir, 'meta.json'), '--json'], c.io)).toBe(0);
    const report = JSON.parse(c.out.join(''));
    expect(report.overall).toEqual({ n: parsed.length, score: 1 });
    expect(report.unchecked).toEqual([]);
    expect(await main(['qa', 'generate', join(dir, 'meta.json'), '--out', rows, '--format', 'csv'], capture().io)).toBe(2);
  });
});

describe('scenewright qa export', () => {
  it('writes each format per split, by scene, with statistics', async () => {
    const dir = setup();
    const generated = join(dir, 'generated.json');
    expect(await main(['qa', 'generate', join(dir, 'meta.json'), '--out', generated, '--seed', '1', '--jobs', '1'], capture().io)).toBe(0);
    for (const format of ['vsibench', 'llava', 'scanqa', 'csv']) {
      const out = join(dir, `out-${format}`);
      const c = capture();
      expect(await main(['qa', 'export', generated, '--format', format, '--out', out, '--splits', 'train=0.8,val=0.1,test=0.1', '--seed', '4', '--meta', join(dir, 'meta.json'), '--json'], c.io)).toBe(0);
      const report = JSON.parse(c.out.join(''));
      expect(Object.keys(report.splits)).toEqual(['train', 'val', 'test']);
      expect([report.splits.train.scenes, report.splits.val.scenes, report.splits.test.scenes]).toEqual([8, 1, 1]);
      expect(readdirSync(out).sort()).toEqual([...['test', 'train', 'val'].map((s) => `${s}.${format === 'llava' ? 'jsonl' : format === 'csv' ? 'csv' : 'json'}`), 'stats.json'].sort());
      const stats = JSON.parse(readFileSync(join(out, 'stats.json'), 'utf8'));
      expect(stats.scenes).toBe(10);
      expect(stats.coverage.objectsPresent).toBe(50);
    }
    // The scenes of the three VSI-Bench splits do not overlap.
    const sceneSets = ['train', 'val', 'test'].map((s) => new Set((JSON.parse(readFileSync(join(dir, 'out-vsibench', `${s}.json`), 'utf8')) as Array<{ scene_name: string }>).map((r) => r.scene_name)));
    const all = sceneSets.flatMap((s) => [...s]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('exports everything as one "all" split by default, and rejects bad flags with exit code 2', async () => {
    const dir = setup();
    const generated = join(dir, 'generated.json');
    await main(['qa', 'generate', `${join(dir, 'meta.json')}#room0`, '--out', generated], capture().io);
    const out = join(dir, 'csv');
    expect(await main(['qa', 'export', generated, '--format', 'csv', '--out', out], capture().io)).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['all.csv', 'stats.json']);
    expect(await main(['qa', 'export', generated, '--format', 'yaml', '--out', out], capture().io)).toBe(2);
    expect(await main(['qa', 'export', generated, '--format', 'csv', '--out', out, '--splits', 'train=0.5'], capture().io)).toBe(2);
    expect(await main(['qa', 'export', generated, '--format', 'csv'], capture().io)).toBe(2);
  });
});
