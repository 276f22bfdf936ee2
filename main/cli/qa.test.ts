import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
// Standing by the desk facing the door (+y), the plant is front-left; two chairs.
const meta = {
  room1: {
    room_size: 21.04,
    room_center: [0, 0, 1],
    object_counts: { desk: 1, door: 1, plant: 1, chair: 2 },
    object_bbox: { desk: [cube([0, 0, 0], 0.2)], door: [cube([0, 2, 0], 0.2)], plant: [cube([-1, 1, 0], 0.2)], chair: [cube([2, 0, 0], 0.2), cube([3, 0, 0], 0.2)] },
  },
};
const rows = [
  { id: 1, dataset: 'scannetpp', scene_name: 'room1', question_type: 'object_counting', question: 'How many chair(s) are in this room?', ground_truth: '2', options: null },
  { id: 2, dataset: 'scannetpp', scene_name: 'room1', question_type: 'room_size_estimation', question: 'What is the size of this room (in square meters)? \nIf multiple rooms are shown, estimate the size of the combined space.', ground_truth: '25.0', options: null },
  {
    id: 3,
    dataset: 'scannetpp',
    scene_name: 'room1',
    question_type: 'object_rel_direction_easy',
    question: 'If I am standing by the desk and facing the door, is the plant to the left or the right of the door?',
    ground_truth: 'B',
    options: ['A. right', 'B. left'],
  },
  { id: 4, dataset: 'scannetpp', scene_name: 'room1', question_type: 'route_planning', question: 'You are a robot …', ground_truth: 'A', options: ['A. x'] },
];

function files() {
  const dir = mkdtempSync(join(tmpdir(), 'sw-qa-'));
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta));
  writeFileSync(join(dir, 'rows.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
  return dir;
}

describe('scenewright qa audit', () => {
  it('prints the audit object with --json', async () => {
    const dir = files();
    const c = capture();
    expect(await main(['qa', 'audit', '--format', 'vsibench', join(dir, 'rows.jsonl'), '--meta', join(dir, 'meta.json'), '--json'], c.io)).toBe(0);
    const report = JSON.parse(c.out.join(''));
    expect(report.per_type).toEqual({ object_counting: { n: 1, score: 1 }, room_size_estimation: { n: 1, score: 0.7 }, object_rel_direction_easy: { n: 1, score: 1 } });
    expect(report.overall).toEqual({ n: 3, score: 0.9 });
    expect(report.disagreements.map((d: { id: number; ours: string }) => [d.id, d.ours])).toEqual([[2, '21.0']]);
    expect(report.unchecked).toEqual([{ id: 4, reason: 'route_planning questions are written by people; no box rule defines their answer' }]);
  });

  it('prints a table by default and rejects a missing --format or --meta with exit code 2', async () => {
    const dir = files();
    const c = capture();
    expect(await main(['qa', 'audit', '--format', 'vsibench', join(dir, 'rows.jsonl'), '--meta', join(dir, 'meta.json')], c.io)).toBe(0);
    const text = c.out.join('');
    expect(text).toMatch(/^question type\s+rows\s+score\n/);
    expect(text).toMatch(/room_size_estimation\s+1\s+0\.700\n/);
    expect(text).toMatch(/1 rows not checked:\n\s+1 {2}route_planning questions/);
    expect(await main(['qa', 'audit', join(dir, 'rows.jsonl'), '--meta', join(dir, 'meta.json')], capture().io)).toBe(2);
    expect(await main(['qa', 'audit', '--format', 'vsibench', join(dir, 'rows.jsonl')], capture().io)).toBe(2);
    expect(await main(['qa', 'nothing'], capture().io)).toBe(2);
  });
});

describe('scenewright qa generate', () => {
  it('writes every valid question of the chosen types for one room, with what the rules dropped', async () => {
    const dir = files();
    const out = join(dir, 'q.json');
    const c = capture();
    expect(await main(['qa', 'generate', `${join(dir, 'meta.json')}#room1`, '--types', 'object_counting,object_rel_direction_easy', '--out', out, '--seed', '3', '--json'], c.io)).toBe(0);
    const report = JSON.parse(c.out.join(''));
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.scenes).toEqual(['room1']);
    expect(written.questions.length).toBe(report.questions);
    const counting = written.questions.filter((q: { question_type: string }) => q.question_type === 'object_counting');
    expect(counting.map((q: { question: string; ground_truth: string }) => [q.question, q.ground_truth])).toEqual([['How many chair(s) are in this room?', '2']]);
    const easy = written.questions.find((q: { objects: string[]; question_type: string }) => q.question_type === 'object_rel_direction_easy' && q.objects.join() === 'desk,door,plant');
    expect(easy.answer).toBe('left');
    expect(report.dropped_by_rule['object_counting: single_instance']).toBe(3);
    expect(written.dropped.length).toBe(report.dropped);
  });

  it('rejects unknown types and scenes', async () => {
    const dir = files();
    expect(await main(['qa', 'generate', join(dir, 'meta.json'), '--types', 'object_colour', '--out', join(dir, 'x.json')], capture().io)).toBe(2);
    const c = capture();
    expect(await main(['qa', 'generate', `${join(dir, 'meta.json')}#nowhere`, '--out', join(dir, 'x.json')], c.io)).toBe(1);
    expect(c.err.join('')).toMatch(/no scene named "nowhere"/);
  });
});
