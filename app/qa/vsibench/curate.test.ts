import { describe, expect, it } from 'vitest';
import { auditRows } from './audit';
import { curateQuestions } from './curate';
import { generateQuestions, type GeneratedQuestion } from './generate';
import { boxScene } from './testing/box-scene';

// A 0.6 × 0.25 × 0.9 m bookshelf turned 90° (its long side along y), two chairs, a lamp, a desk.
const scene = boxScene(
  {
    bookshelf: [{ center: [0, 0, 0.45], size: [0.6, 0.25, 0.9], axes: [[0, 1, 0], [-1, 0, 0], [0, 0, 1]] }],
    chair: [{ center: [2, 0, 0.4], size: [0.5, 0.5, 0.8] }, { center: [3, 0, 0.4], size: [0.5, 0.5, 0.8] }],
    lamp: [{ center: [0, 2, 0.6], size: [0.3, 0.3, 1.2] }],
    desk: [{ center: [2, 2.5, 0.38], size: [1.2, 0.6, 0.76] }],
    sofa: [{ center: [-2, 1, 0.4], size: [2, 0.9, 0.8] }],
    tv: [{ center: [-2, -2, 1.2], size: [1.1, 0.1, 0.6] }],
  },
  24,
);

describe('MultiSPA object size', () => {
  const set = generateQuestions(scene, { types: ['multispa_object_size'] });

  it('asks height, length and width in whole millimetres from the axis-aligned box of unique objects', () => {
    const shelf = set.questions.filter((q) => q.objects[0] === 'bookshelf');
    expect(shelf.map((q) => [q.question, q.ground_truth])).toEqual([
      ['What is the height (in millimeters) of the bookshelf?', '900'],
      ['What is the length (in millimeters) of the bookshelf?', '600'],
      ['What is the width (in millimeters) of the bookshelf?', '250'],
    ]);
    expect(shelf[2]!.evidence).toMatchObject({ kind: 'axis_size', dimension: 'width' });
    expect((shelf[2]!.evidence as { dx: number }).dx).toBeCloseTo(0.25, 12);
  });

  it('drops categories with several instances, and audits back at 1.0', () => {
    expect(set.questions.some((q) => q.objects[0] === 'chair')).toBe(false);
    expect(set.dropped.find((d) => d.objects[0] === 'chair')).toMatchObject({ rule: 'not_unique' });
    const rows = set.questions.map((q, id) => ({ id, dataset: 't', scene_name: q.scene_name, question_type: q.question_type, question: q.question, ground_truth: q.ground_truth, options: q.options }));
    const report = auditRows(rows, [scene]);
    expect(report.unchecked).toEqual([]);
    expect(report.per_type.multispa_object_size).toEqual({ n: 15, score: 1 });
  });
});

describe('curation', () => {
  const all = generateQuestions(scene, { seed: 3 });

  it('keeps every question when no quota is set, and records a reason for every drop', () => {
    const out = curateQuestions(all, { seed: 3 });
    expect(out.questions).toEqual(all.questions);
    expect(out.dropped).toEqual(all.dropped);
  });

  it('removes exact duplicates and questions already stored, naming the rule', () => {
    const first = all.questions[0]!;
    const copy: GeneratedQuestion = { ...first, id: `${first.id}#copy` };
    const stored = all.questions[1]!.id;
    const out = curateQuestions({ questions: [...all.questions, copy], dropped: [] }, { existing: new Set([stored]) });
    expect(out.questions.map((q) => q.id)).toEqual(all.questions.filter((q) => q.id !== stored).map((q) => q.id));
    expect(out.dropped).toEqual([
      expect.objectContaining({ id: stored, rule: 'already_stored' }),
      expect.objectContaining({ id: copy.id, rule: 'duplicate', reason: `same question text as ${first.id}` }),
    ]);
  });

  it('samples at most perType per type, seeded, and drops the rest as over_quota', () => {
    const a = curateQuestions(all, { perType: 2, seed: 5 });
    const b = curateQuestions(all, { perType: 2, seed: 5 });
    expect(a).toEqual(b);
    const perType = new Map<string, number>();
    for (const q of a.questions) perType.set(q.question_type, (perType.get(q.question_type) ?? 0) + 1);
    for (const n of perType.values()) expect(n).toBeLessThanOrEqual(2);
    const overQuota = a.dropped.filter((d) => d.rule === 'over_quota');
    // Every valid question is either kept or dropped over quota: nothing disappears silently.
    expect(a.questions.length + overQuota.length).toBe(all.questions.length);
    expect(overQuota[0]!.reason).toMatch(/valid .* questions, 2 kept, balanced over \d+ answer or object buckets \(seed 5\)/);
    // Multiple-choice types spread over their answers rather than taking two of one answer.
    const easy = a.questions.filter((q) => q.question_type === 'object_rel_direction_easy');
    const easyAll = all.questions.filter((q) => q.question_type === 'object_rel_direction_easy');
    expect(new Set(easyAll.map((q) => q.answer)).size).toBe(2);
    expect(easy).toHaveLength(2);
    expect(easy[0]!.answer).not.toBe(easy[1]!.answer);
  });
});
