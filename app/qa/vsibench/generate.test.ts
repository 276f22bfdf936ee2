import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../../scene/types';
import { generateQuestions, type DropRule, type GeneratedSet } from './generate';
import type { BoxQuestionType } from './questions';
import { boxScene } from './testing/box-scene';

const S = Math.SQRT1_2;
const find = (set: GeneratedSet, type: BoxQuestionType, objects: string[]) => set.questions.find((q) => q.question_type === type && q.objects.join('|') === objects.join('|'));
const dropRule = (set: GeneratedSet, type: BoxQuestionType, objects: string[]): DropRule | undefined => set.dropped.find((d) => d.question_type === type && d.objects.join('|') === objects.join('|'))?.rule;

describe('counting, size and room size', () => {
  const scene = boxScene(
    {
      chair: [{ center: [0, 0, 0] }, { center: [2, 0, 0] }, { center: [4, 0, 0] }],
      lamp: [{ center: [0, 3, 0], size: [0.2, 0.4567, 0.3] }],
    },
    18.3817,
  );
  const set = generateQuestions(scene, { types: ['object_counting', 'object_size_estimation', 'room_size_estimation'] });

  it('counts categories with several instances and drops single-instance ones', () => {
    const q = find(set, 'object_counting', ['chair'])!;
    expect(q.question).toBe('How many chair(s) are in this room?');
    expect([q.ground_truth, q.answer, q.options]).toEqual(['3', 3, null]);
    expect(find(set, 'object_counting', ['lamp'])).toBeUndefined();
    expect(dropRule(set, 'object_counting', ['lamp'])).toBe('single_instance');
  });

  it('sizes only single-instance categories, as whole centimetres of the longest side', () => {
    const q = find(set, 'object_size_estimation', ['lamp'])!;
    expect(q.question).toBe('What is the length of the longest dimension (length, width, or height) of the lamp, measured in centimeters?');
    expect(q.ground_truth).toBe('46');
    expect(q.evidence).toEqual({ kind: 'size', sides: [0.2, 0.4567, 0.3], longest: 0.4567 });
    expect(dropRule(set, 'object_size_estimation', ['chair'])).toBe('not_unique');
  });

  it('gives the room area to 0.1 m²', () => {
    const q = find(set, 'room_size_estimation', [])!;
    expect(q.question).toBe('What is the size of this room (in square meters)? \nIf multiple rooms are shown, estimate the size of the combined space.');
    expect(q.ground_truth).toBe('18.4');
  });
});

describe('absolute distance', () => {
  // A 1 m cube turned 45° about z: its edge reaches √½ m from its centre, so the gap to the table is
  // 2 − 0.5 − √½ even though the centres are 2 m apart.
  const turned: [Vec3, Vec3, Vec3] = [
    [S, S, 0],
    [-S, S, 0],
    [0, 0, 1],
  ];
  const scene = boxScene({
    table: [{ center: [0, 0, 0], size: [1, 1, 1] }],
    cabinet: [{ center: [2, 0, 0], size: [1, 1, 1], axes: turned }],
    cup: [{ center: [0, 0, 0.6], size: [0.1, 0.1, 0.1] }],
    stool: [{ center: [-0.8, 0, 0], size: [0.2, 0.2, 0.2] }],
    chair: [{ center: [0, 3, 0] }, { center: [0, 4, 0] }],
  });
  const set = generateQuestions(scene, { types: ['object_abs_distance'] });

  it('uses the exact closest-point distance rounded to 0.1 m, with the closest points as evidence', () => {
    const q = find(set, 'object_abs_distance', ['table', 'cabinet'])!;
    expect(q.question).toBe('Measuring from the closest point of each object, what is the distance between the table and the cabinet (in meters)?');
    expect(q.ground_truth).toBe((1.5 - S).toFixed(1));
    expect(q.evidence.kind === 'distance' && q.evidence.distance).toBeCloseTo(1.5 - S, 12);
    expect(q.evidence.kind === 'distance' && q.evidence.pointB[0]).toBeCloseTo(2 - S, 12);
  });

  it('drops pairs closer than 0.2 m, keeps 0.2 m itself, and never asks about repeated categories', () => {
    expect(dropRule(set, 'object_abs_distance', ['table', 'cup'])).toBe('too_close'); // 0.05 m
    expect(find(set, 'object_abs_distance', ['table', 'stool'])?.ground_truth).toBe('0.2'); // exactly 0.2 m
    expect(dropRule(set, 'object_abs_distance', ['chair'])).toBe('not_unique');
    expect(set.questions.some((q) => q.objects.includes('chair'))).toBe(false);
  });
});

describe('relative distance', () => {
  const objects = (extra: Record<string, Vec3[]>) =>
    Object.fromEntries(Object.entries({ bed: [[0, 0, 0] as Vec3], ...extra }).map(([c, centers]) => [c, centers.map((center) => ({ center, size: [0.1, 0.1, 0.1] as Vec3 }))]));
  // Box gap = centre distance − 0.1 for these 10 cm cubes on the x axis.
  const clear = { lamp: [[1.1, 0, 0] as Vec3], desk: [[1.6, 0, 0] as Vec3], sofa: [[2.1, 0, 0] as Vec3], rug: [[2.6, 0, 0] as Vec3] };

  it('answers the option with the smallest distance, over all of its instances', () => {
    const scene = boxScene(objects({ ...clear, rug: [[5, 0, 0], [0, 0.5, 0]] }));
    const set = generateQuestions(scene, { types: ['object_rel_distance'], seed: 3 });
    const q = set.questions.find((x) => x.question_type === 'object_rel_distance' && x.objects[0] === 'bed')!;
    expect(q.answer).toBe('rug');
    expect(q.options).toEqual(q.objects.slice(1).map((c, i) => `${'ABCD'[i]}. ${c}`));
    expect(q.question).toBe(`Measuring from the closest point of each object, which of these objects (${q.objects.slice(1).join(', ')}) is the closest to the bed?`);
    expect(q.options![q.ground_truth.charCodeAt(0) - 65]).toBe(`${q.ground_truth}. rug`);
    expect(q.evidence.kind === 'rel_distance' && q.evidence.gap).toBeCloseTo(0.6, 12);
  });

  it('drops the question when two option distances differ by less than 0.15 m', () => {
    const near = generateQuestions(boxScene(objects({ ...clear, rug: [[2.2, 0, 0]] })), { types: ['object_rel_distance'] });
    expect(dropRule(near, 'object_rel_distance', ['bed', 'lamp', 'desk', 'sofa', 'rug'])).toBe('ambiguous');
    const apart = generateQuestions(boxScene(objects(clear)), { types: ['object_rel_distance'] });
    expect(apart.questions.filter((q) => q.objects[0] === 'bed')).toHaveLength(1);
  });

  it('needs 0.30 m between option distances in rooms over 40 m²', () => {
    const gap02 = objects({ lamp: [[1.1, 0, 0]], desk: [[1.3, 0, 0]], sofa: [[1.5, 0, 0]], rug: [[1.7, 0, 0]] });
    expect(generateQuestions(boxScene(gap02, 40), { types: ['object_rel_distance'] }).questions).toHaveLength(1);
    const big = generateQuestions(boxScene(gap02, 40.5), { types: ['object_rel_distance'] });
    expect(big.questions).toHaveLength(0);
    expect(big.dropped.find((d) => d.objects[0] === 'bed')?.rule).toBe('ambiguous');
  });

  it('drops the question when the closest option is under 0.15 m away', () => {
    const set = generateQuestions(boxScene(objects({ lamp: [[0.2, 0, 0]], desk: [[1.6, 0, 0]], sofa: [[2.1, 0, 0]], rug: [[2.6, 0, 0]] })), { types: ['object_rel_distance'] });
    expect(dropRule(set, 'object_rel_distance', ['bed', 'lamp', 'desk', 'sofa', 'rug'])).toBe('closest_too_close');
  });

  it('asks only about a unique primary object and enumerates every option set', () => {
    const scene = boxScene({ ...objects({ ...clear, tv: [[3.1, 0, 0]] }), bed: [{ center: [0, 0, 0] }, { center: [0, 9, 0] }] });
    const set = generateQuestions(scene, { types: ['object_rel_distance'] });
    expect(dropRule(set, 'object_rel_distance', ['bed'])).toBe('not_unique');
    expect(set.questions.every((q) => q.objects[0] !== 'bed')).toBe(true);
    // Every unique primary with every 4 of the 5 others: 5 primaries × 5 option sets, asked or dropped.
    const candidates = [...set.questions, ...set.dropped.filter((d) => d.objects.length === 5)];
    expect(candidates).toHaveLength(25);
  });
});

describe('relative direction', () => {
  // Standing by the desk at the origin facing the door 2 m along +y.
  const at = (center: Vec3, size: Vec3 = [0.1, 0.1, 0.1]) => [{ center, size }];
  const room = (qry: Vec3, size?: Vec3) => boxScene({ desk: at([0, 0, 0]), door: at([0, 2, 0]), plant: at(qry, size) });
  const gen = (qry: Vec3, size?: Vec3) => generateQuestions(room(qry, size), { types: ['object_rel_direction_easy', 'object_rel_direction_medium', 'object_rel_direction_hard'], seed: 9 });
  const ask = ['desk', 'door', 'plant'];
  const answer = (set: GeneratedSet, level: string) => find(set, `object_rel_direction_${level}` as BoxQuestionType, ask)?.answer;
  const rule = (set: GeneratedSet, level: string) => dropRule(set, `object_rel_direction_${level}` as BoxQuestionType, ask);
  const polar = (deg: number, r = 1.5): Vec3 => [r * Math.cos(((90 + deg) * Math.PI) / 180), r * Math.sin(((90 + deg) * Math.PI) / 180), 0];

  it('writes the three templates byte for byte and puts the answer behind the ground-truth letter', () => {
    const set = gen(polar(45));
    const hard = find(set, 'object_rel_direction_hard', ask)!;
    expect(hard.question).toBe(
      'If I am standing by the desk and facing the door, is the plant to my front-left, front-right, back-left, or back-right?\nThe directions refer to the quadrants of a Cartesian plane (if I am standing at the origin and facing along the positive y-axis).',
    );
    expect(find(set, 'object_rel_direction_medium', ask)!.question).toBe(
      'If I am standing by the desk and facing the door, is the plant to my left, right, or back?\nAn object is to my back if I would have to turn at least 135 degrees in order to face it.',
    );
    expect(find(set, 'object_rel_direction_easy', ask)!.question).toBe('If I am standing by the desk and facing the door, is the plant to the left or the right of the door?');
    expect([...hard.options!].map((o) => o.slice(3)).sort()).toEqual(['back-left', 'back-right', 'front-left', 'front-right']);
    expect(hard.options!.find((o) => o.startsWith(hard.ground_truth))).toBe(`${hard.ground_truth}. front-left`);
    expect(hard.evidence).toMatchObject({ kind: 'direction', level: 'hard', bin: 'front-left', cornersOff: 0 });
    expect(hard.evidence.kind === 'direction' && hard.evidence.theta).toBeCloseTo(45, 9);
    expect(hard.evidence.kind === 'direction' && hard.evidence.margin).toBeCloseTo(45, 9);
  });

  it('measures θ counter-clockwise from the facing direction into the spec bins', () => {
    expect([answer(gen(polar(110)), 'hard'), answer(gen(polar(110)), 'medium'), answer(gen(polar(110)), 'easy')]).toEqual(['back-left', 'left', 'left']);
    expect([answer(gen(polar(200)), 'hard'), answer(gen(polar(200)), 'medium')]).toEqual(['back-right', 'back']);
    expect([answer(gen(polar(300)), 'hard'), answer(gen(polar(300)), 'medium'), answer(gen(polar(300)), 'easy')]).toEqual(['front-right', 'right', 'right']);
    expect([answer(gen(polar(240)), 'hard'), answer(gen(polar(240)), 'medium'), answer(gen(polar(240)), 'easy')]).toEqual(['back-right', 'right', 'right']);
    expect([answer(gen(polar(120)), 'hard'), answer(gen(polar(120)), 'medium'), answer(gen(polar(120)), 'easy')]).toEqual(['back-left', 'left', 'left']);
  });

  it('skips hard and medium within 10° of a bin edge, and easy in the back bin only', () => {
    const nearFront = gen(polar(5));
    expect([rule(nearFront, 'hard'), rule(nearFront, 'medium'), answer(nearFront, 'easy')]).toEqual(['near_edge', 'near_edge', 'left']);
    const nearQuadrant = gen(polar(95));
    expect([rule(nearQuadrant, 'hard'), answer(nearQuadrant, 'medium')]).toEqual(['near_edge', 'left']);
    const nearBack = gen(polar(140));
    expect([rule(nearBack, 'medium'), answer(nearBack, 'hard'), rule(nearBack, 'easy')]).toEqual(['near_edge', 'back-left', 'back_bin']);
    expect(rule(gen(polar(220)), 'easy')).toBe('back_bin');
    expect(answer(gen(polar(226)), 'easy')).toBe('right');
  });

  it('keeps every pair between 0.30 m and 5.0 m apart', () => {
    expect(rule(gen(polar(45, 0.35)), 'hard')).toBe('too_close'); // desk–plant gap about 0.21 m
    expect(answer(gen(polar(45, 0.45)), 'hard')).toBe('front-left');
    expect(rule(gen(polar(45, 6)), 'medium')).toBe('too_far');
  });

  it('skips when more than 2 corners of the query box fall in another bin than its centroid', () => {
    // A 2.6 m wide plant centred at θ = 45° reaches across the facing line: its 4 corners at x > 0 are front-right.
    const wide = gen(polar(45, 1.6), [2.6, 0.1, 0.1]);
    expect(rule(wide, 'hard')).toBe('corners_off');
    expect(wide.dropped.find((d) => d.rule === 'corners_off' && d.objects.join('|') === ask.join('|'))?.reason).toMatch(/^4 of the plant's 8 corners/);
    expect(answer(gen(polar(45, 1.6), [0.4, 0.1, 0.1]), 'hard')).toBe('front-left');
  });

  it('asks only about unique objects', () => {
    const scene = boxScene({ desk: [{ center: [0, 0, 0] }], door: [{ center: [0, 2, 0] }], plant: [{ center: [-1, 1, 0] }, { center: [-2, 1, 0] }] });
    const set = generateQuestions(scene, { types: ['object_rel_direction_hard'] });
    expect(set.questions).toHaveLength(0);
    expect(dropRule(set, 'object_rel_direction_hard', ['plant'])).toBe('not_unique');
  });

  it('orders options from the seed, the same way on every run', () => {
    const a = gen(polar(45));
    const b = gen(polar(45));
    expect(a.questions.map((q) => q.options)).toEqual(b.questions.map((q) => q.options));
    const seeds = new Set(Array.from({ length: 8 }, (_, seed) => generateQuestions(room(polar(45)), { types: ['object_rel_direction_hard'], seed }).questions.find((q) => q.objects.join('|') === ask.join('|'))!.ground_truth));
    expect(seeds.size).toBeGreaterThan(1);
  });
});
