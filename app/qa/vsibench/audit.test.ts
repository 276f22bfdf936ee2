import { describe, expect, it } from 'vitest';
import { AppError } from '../../contract/errors';
import { auditRows, parseVsiRows, type VsiRow } from './audit';
import { questionText } from './questions';
import { boxScene } from './testing/box-scene';

// Standing by the desk at the origin facing the door (+y); the plant is front-left, the bin 1.0 m away.
const scene = boxScene(
  {
    desk: [{ center: [0, 0, 0], size: [0.2, 0.2, 0.2] }],
    door: [{ center: [0, 2, 0], size: [0.2, 0.2, 0.2] }],
    plant: [{ center: [-1, 1, 0], size: [0.2, 0.2, 0.2] }],
    bin: [{ center: [1.2, 0, 0], size: [0.2, 0.2, 0.2] }],
    chair: [{ center: [0, -1, 0] }, { center: [0, -3, 0] }],
  },
  23.46,
  'room1',
);
let nextId = 1;
const row = (question_type: string, question: string, ground_truth: string, options: string[] | null = null): VsiRow => ({ id: nextId++, dataset: 'scannetpp', scene_name: 'room1', question_type, question, ground_truth, options });

describe('auditRows', () => {
  it('scores numeric rows by MRA and multiple choice by the option letter', () => {
    const rows = [
      row('object_counting', questionText('object_counting', ['chair']), '2'),
      row('object_counting', questionText('object_counting', ['chair']), '4'), // ours 2: 50% off → MRA 0.1
      row('room_size_estimation', questionText('room_size_estimation', []), '23.5'),
      row('object_abs_distance', questionText('object_abs_distance', ['desk', 'bin']), '1.0'),
      row('object_size_estimation', questionText('object_size_estimation', ['plant']), '20'),
      row('object_rel_distance', questionText('object_rel_distance', ['desk', 'door', 'plant', 'bin', 'chair']), 'D', ['A. door', 'B. plant', 'C. bin', 'D. chair']),
      row('object_rel_direction_hard', questionText('object_rel_direction_hard', ['desk', 'door', 'plant']), 'B', ['A. back-left', 'B. front-left', 'C. front-right', 'D. back-right']),
      row('object_rel_direction_easy', questionText('object_rel_direction_easy', ['desk', 'door', 'plant']), 'B', ['A. left', 'B. right']),
    ];
    const report = auditRows(rows, [scene]);
    expect(report.unchecked).toEqual([]);
    expect(report.per_type.object_counting).toEqual({ n: 2, score: (1 + 0.1) / 2 });
    expect(report.per_type.room_size_estimation).toEqual({ n: 1, score: 1 });
    expect(report.per_type.object_abs_distance).toEqual({ n: 1, score: 1 });
    expect(report.per_type.object_size_estimation).toEqual({ n: 1, score: 1 });
    expect(report.per_type.object_rel_distance).toEqual({ n: 1, score: 1 }); // chair at 0.85 m beats the bin
    expect(report.per_type.object_rel_direction_hard).toEqual({ n: 1, score: 1 });
    expect(report.per_type.object_rel_direction_easy).toEqual({ n: 1, score: 0 });
    expect(report.overall.n).toBe(8);
    expect(report.overall.score).toBeCloseTo((0.55 + 1 + 1 + 1 + 1 + 1 + 0) / 7, 12);
    expect(report.disagreements.map((d) => [d.question_type, d.ground_truth, d.ours, d.ours_answer])).toEqual([
      ['object_counting', '4', '2', 2],
      ['object_rel_direction_easy', 'B', 'A', 'left'],
    ]);
    expect(report.disagreements[1]!.evidence).toMatchObject({ kind: 'direction', bin: 'left' });
    // Each names its row's dataset and room (to open it as a box scene), right after the id.
    expect(report.disagreements.map((d) => [d.dataset, d.scene_name])).toEqual([['scannetpp', 'room1'], ['scannetpp', 'room1']]);
    expect(Object.keys(report.disagreements[0]!)).toEqual(['id', 'dataset', 'scene_name', 'question_type', 'question', 'ground_truth', 'ours', 'ours_answer', 'score', 'evidence']);
  });

  it('lists every row it cannot check, with the reason', () => {
    const rows = [
      row('route_planning', 'You are a robot …', 'A', ['A. Turn Left']),
      row('obj_appearance_order', 'What will be the first-time appearance order …', 'A', ['A. x']),
      row('object_counting', questionText('object_counting', ['coat rack']), '2'),
      row('object_counting', 'How many chairs are in this room?', '2'),
      row('object_size_estimation', questionText('object_size_estimation', ['chair']), '10'),
      row('object_rel_distance', questionText('object_rel_distance', ['desk', 'door', 'plant', 'bin', 'chair']), 'A', ['A. door', 'B. bin', 'C. plant', 'D. chair']),
      row('object_rel_direction_medium', questionText('object_rel_direction_medium', ['desk', 'door', 'chair']), 'A', ['A. left', 'B. right', 'C. back']),
      row('object_abs_distance', questionText('object_abs_distance', ['desk', 'bin']), 'about 1'),
      { ...row('object_counting', questionText('object_counting', ['chair']), '2'), scene_name: 'elsewhere' },
    ];
    const report = auditRows(rows, [scene]);
    expect(report.overall.n).toBe(0);
    expect(report.unchecked.map((u) => u.reason)).toEqual([
      'route_planning questions are written by people; no box rule defines their answer',
      'obj_appearance_order needs the capture video (first-appearance frames), which box meta data lacks',
      'names "coat rack", which the meta of scene room1 lacks',
      'the question does not match the object_counting template byte for byte',
      'chair has 2 instances in the meta; object size is defined for a single instance',
      'the options ["A. door","B. bin","C. plant","D. chair"] are not the objects listed in the question (door, plant, bin, chair)',
      'chair has 2 instances in the meta; directions are taken from a single instance',
      'ground truth "about 1" is not a number',
      'scene elsewhere is not in the meta',
    ]);
  });
});

describe('parseVsiRows', () => {
  const one = { id: 1, dataset: 'scannetpp', scene_name: 's', question_type: 'object_counting', question: 'q', ground_truth: '2', options: null };
  it('reads JSONL and JSON arrays', () => {
    expect(parseVsiRows(`${JSON.stringify(one)}\n\n${JSON.stringify({ ...one, id: 2 })}\n`)).toHaveLength(2);
    expect(parseVsiRows(JSON.stringify([one]))).toEqual([one]);
  });
  it('names the row and field of a malformed row', () => {
    try {
      parseVsiRows(`${JSON.stringify(one)}\n${JSON.stringify({ ...one, ground_truth: 2 })}`, 'q.jsonl');
      throw new Error('expected an error');
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).message).toMatch(/^q\.jsonl: row 2: ground_truth: /);
    }
  });
});
