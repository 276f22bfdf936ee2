import { describe, expect, it } from 'vitest';
import type { GeneratedQuestion } from './generate';
import { sampleBalanced } from './sample';

const q = (type: GeneratedQuestion['question_type'], answer: string | number, objects: string[], n: number): GeneratedQuestion => ({
  id: `${type}/${objects.join('|')}/${n}`,
  scene_name: 's',
  question_type: type,
  question: '',
  options: null,
  ground_truth: String(answer),
  answer,
  objects,
  evidence: { kind: 'count', count: 0 },
});

describe('sampleBalanced', () => {
  // 30 "left" and 3 "right" easy questions, 20 counting questions on chairs and 2 on lamps.
  const pool = [
    ...Array.from({ length: 30 }, (_, i) => q('object_rel_direction_easy', 'left', ['a', 'b', `c${i}`], i)),
    ...Array.from({ length: 3 }, (_, i) => q('object_rel_direction_easy', 'right', ['a', 'b', `d${i}`], i)),
    ...Array.from({ length: 20 }, (_, i) => q('object_counting', 2, ['chair'], i)),
    ...Array.from({ length: 2 }, (_, i) => q('object_counting', 3, ['lamp'], i)),
  ];

  it('draws answers (multiple choice) or categories (numeric) in turn, up to the per-type cap', () => {
    const picked = sampleBalanced(pool, { perType: 6, seed: 5 });
    const easy = picked.filter((p) => p.question_type === 'object_rel_direction_easy');
    expect(easy).toHaveLength(6);
    expect(easy.filter((p) => p.answer === 'right')).toHaveLength(3);
    const counting = picked.filter((p) => p.question_type === 'object_counting');
    expect(counting.filter((p) => p.objects[0] === 'lamp')).toHaveLength(2);
    expect(new Set(picked.map((p) => p.id)).size).toBe(picked.length);
  });

  it('is a function of the seed, not of the input order', () => {
    const a = sampleBalanced(pool, { perType: 5, seed: 1 }).map((p) => p.id);
    expect(sampleBalanced([...pool], { perType: 5, seed: 1 }).map((p) => p.id)).toEqual(a);
    expect(sampleBalanced(pool, { perType: 5, seed: 2 }).map((p) => p.id)).not.toEqual(a);
    expect(sampleBalanced(pool, { perType: 100, seed: 1 })).toHaveLength(pool.length);
  });
});
