// The released VSI-Bench ScanNet++ rows against their own box meta data (../shared/data/vsibench),
// and the generator's questions on those 50 rooms re-checked rule by rule.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { obbDistance } from '../../geometry/obb-distance';
import type { Vec3 } from '../../scene/types';
import { meanRelativeAccuracy } from '../mra';
import { auditRows, parseVsiRows } from './audit';
import { generateQuestions } from './generate';
import { parseVsiMetaText, type BoxScene } from './meta';
import { parseQuestion, type BoxQuestionType } from './questions';

// app/ may not import main/, so the data folder is found relative to this file (as the other app real tests do).
const dir = process.env.SCENEWRIGHT_SHARED_DATA ? join(process.env.SCENEWRIGHT_SHARED_DATA, 'vsibench') : fileURLToPath(new URL('../../../../shared/data/vsibench', import.meta.url));
const scenes = parseVsiMetaText(readFileSync(join(dir, 'scannetpp_meta_info_val.json'), 'utf8'), 'scannetpp_meta_info_val.json');
const rows = parseVsiRows(readFileSync(join(dir, 'vsibench_scannetpp_rows.jsonl'), 'utf8'), 'vsibench_scannetpp_rows.jsonl');

/** The README's figures for an independent implementation on a 5 cm grid of box-surface points. */
const README_FIGURES: Record<BoxQuestionType, number> = {
  object_counting: 0.987,
  object_size_estimation: 1.0,
  room_size_estimation: 1.0,
  object_abs_distance: 0.956,
  object_rel_distance: 1.0,
  object_rel_direction_easy: 1.0,
  object_rel_direction_medium: 1.0,
  object_rel_direction_hard: 1.0,
};

describe('VSI-Bench audit on the released ScanNet++ rows', () => {
  const report = auditRows(rows, scenes);

  it('reaches at least the README figure on every box question type', () => {
    console.log(JSON.stringify(report.per_type), `unchecked ${report.unchecked.length}`, `disagreements ${report.disagreements.length}`);
    for (const [type, figure] of Object.entries(README_FIGURES)) {
      const got = report.per_type[type as BoxQuestionType];
      expect(got, type).toBeDefined();
      expect(Number(got!.score.toFixed(3)), type).toBeGreaterThanOrEqual(figure);
    }
  });

  it('scores or lists every row, with a reason for each unchecked one', () => {
    expect(rows).toHaveLength(1458);
    const scored = Object.values(report.per_type).reduce((s, t) => s + t.n, 0);
    expect(scored + report.unchecked.length).toBe(rows.length);
    const ids = new Set([...report.unchecked.map((u) => u.id)]);
    expect(ids.size).toBe(report.unchecked.length);
    for (const u of report.unchecked) expect(u.reason.length).toBeGreaterThan(10);
    // route_planning (26) and obj_appearance_order (228) have no box answer; 38 rows name a category
    // the meta lacks (the README counts 37 box rows plus the counting row for "coat rack").
    const byReason = (re: RegExp) => report.unchecked.filter((u) => re.test(u.reason)).length;
    expect(byReason(/^route_planning/)).toBe(26);
    expect(byReason(/^obj_appearance_order/)).toBe(228);
    expect(byReason(/which the meta of scene \w+ lacks/)).toBe(38);
    expect(report.unchecked).toHaveLength(26 + 228 + 38);
    expect(report.unchecked.find((u) => u.id === 2203)?.reason).toBe('names "coat rack", which the meta of scene c50d2d1d42 lacks');
  });

  it('flags the known count mismatch with its evidence', () => {
    const lights = report.disagreements.find((d) => d.question === 'How many ceiling light(s) are in this room?' && d.ground_truth === '12');
    expect(lights?.ours).toBe('10');
    expect(lights?.evidence).toEqual({ kind: 'count', count: 10 });
  });
});

const xy = (v: Vec3) => [v[0], v[1]] as const;
/** θ recomputed independently: degrees counter-clockwise from o to q via the two polar angles. */
function theta(pos: Vec3, ori: Vec3, qry: Vec3): number {
  const [px, py] = xy(pos);
  const a = Math.atan2(ori[1] - py, ori[0] - px);
  const b = Math.atan2(qry[1] - py, qry[0] - px);
  return ((((b - a) * 180) / Math.PI) % 360 + 360) % 360;
}
const one = (s: BoxScene, c: string) => {
  expect(s.instances[c], c).toHaveLength(1);
  return s.instances[c]![0]!.box;
};
// Memoised per scene and pair: the rel-distance re-check asks the same pairs tens of thousands of times.
const pairMemo = new Map<string, number>();
function minDistance(s: BoxScene, a: string, b: string): number {
  const key = `${s.id}|${a}|${b}`;
  let d = pairMemo.get(key);
  if (d === undefined) pairMemo.set(key, (d = Math.min(...s.instances[a]!.flatMap((x) => s.instances[b]!.map((y) => obbDistance(x.box, y.box).distance)))));
  return d;
}

describe('generated questions on the 50 rooms obey every rule', () => {
  it('re-checks each generated question independently', () => {
    const counts: Record<string, number> = {};
    for (const scene of scenes) {
      const { questions, dropped } = generateQuestions(scene, { seed: 1 });
      expect(dropped.every((d) => d.reason.length > 0)).toBe(true);
      for (const q of questions) {
        counts[q.question_type] = (counts[q.question_type] ?? 0) + 1;
        if (q.question_type === 'multispa_object_size') {
          // MultiSPA: the meta's own axis-aligned min/max of the category's only box, in whole millimetres.
          const [o] = scene.instances[q.objects[0]!]!;
          expect(scene.instances[q.objects[0]!]).toHaveLength(1);
          const [dx, dy, dz] = [0, 1, 2].map((k) => o!.max[k]! - o!.min[k]!) as Vec3;
          const dim = /^What is the (height|length|width) \(in millimeters\)/.exec(q.question)![1];
          expect(q.answer).toBe(Math.round(1000 * (dim === 'height' ? dz : dim === 'length' ? Math.max(dx, dy) : Math.min(dx, dy))));
          continue;
        }
        const slots = parseQuestion(q.question_type, q.question);
        expect(slots, q.question).not.toBeNull();
        const truth = q.options ? q.options.find((o) => o.startsWith(`${q.ground_truth}. `))!.slice(3) : Number(q.ground_truth);
        expect(truth).toBe(q.answer);
        switch (q.question_type) {
          case 'object_counting':
            expect(scene.instances[q.objects[0]!]!.length).toBe(q.answer);
            expect(q.answer).toBeGreaterThan(1);
            break;
          case 'object_size_estimation':
            expect(q.answer).toBe(Math.round(100 * Math.max(...one(scene, q.objects[0]!).size)));
            break;
          case 'room_size_estimation':
            expect(meanRelativeAccuracy(q.answer as number, scene.roomSize)).toBe(1);
            expect(Math.abs((q.answer as number) - scene.roomSize)).toBeLessThanOrEqual(0.05 + 1e-9);
            break;
          case 'object_abs_distance': {
            const d = obbDistance(one(scene, q.objects[0]!), one(scene, q.objects[1]!)).distance;
            expect(d).toBeGreaterThanOrEqual(0.2);
            expect(Math.abs((q.answer as number) - d)).toBeLessThanOrEqual(0.05 + 1e-9);
            break;
          }
          case 'object_rel_distance': {
            const [primary, ...opts] = q.objects;
            one(scene, primary!);
            const ds = opts.map((o) => minDistance(scene, o, primary!));
            const limit = scene.roomSize > 40 ? 0.3 : 0.15;
            for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) expect(Math.abs(ds[i]! - ds[j]!)).toBeGreaterThanOrEqual(limit);
            expect(Math.min(...ds)).toBeGreaterThanOrEqual(0.15);
            expect(q.answer).toBe(opts[ds.indexOf(Math.min(...ds))]);
            break;
          }
          default: {
            const [pos, ori, qry] = q.objects.map((c) => one(scene, c));
            for (const [a, b] of [
              [pos, ori],
              [pos, qry],
              [ori, qry],
            ] as const) {
              const d = obbDistance(a!, b!).distance;
              expect(d).toBeGreaterThanOrEqual(0.3);
              expect(d).toBeLessThanOrEqual(5);
            }
            const t = theta(pos!.center, ori!.center, qry!.center);
            const level = q.question_type.slice('object_rel_direction_'.length);
            const label = (deg: number) =>
              level === 'hard'
                ? ['front-left', 'back-left', 'back-right', 'front-right'][Math.floor(deg / 90)]
                : level === 'medium'
                  ? deg < 135
                    ? 'left'
                    : deg < 225
                      ? 'back'
                      : 'right'
                  : deg < 180
                    ? 'left'
                    : 'right';
            expect(q.answer).toBe(label(t));
            const edges = level === 'hard' ? [0, 90, 180, 270, 360] : level === 'medium' ? [0, 135, 225, 360] : [];
            for (const e of edges) expect(Math.abs(t - e)).toBeGreaterThan(10);
            if (level === 'easy') expect(t < 135 || t >= 225).toBe(true);
            const { center, size, axes } = qry!;
            let off = 0;
            for (const sx of [-0.5, 0.5])
              for (const sy of [-0.5, 0.5])
                for (const sz of [-0.5, 0.5]) {
                  const c: Vec3 = [0, 1, 2].map((k) => center[k]! + sx * size[0] * axes[0][k]! + sy * size[1] * axes[1][k]! + sz * size[2] * axes[2][k]!) as Vec3;
                  if (label(theta(pos!.center, ori!.center, c)) !== q.answer) off++;
                }
            expect(off).toBeLessThanOrEqual(2);
          }
        }
      }
    }
    console.log(JSON.stringify(counts));
    for (const type of Object.keys(README_FIGURES)) expect(counts[type], type).toBeGreaterThan(0);
    expect(counts.multispa_object_size).toBeGreaterThan(0);
  });
});
