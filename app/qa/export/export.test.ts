import { describe, expect, it } from 'vitest';
import { auditRows, parseVsiRows } from '../vsibench/audit';
import { generateQuestions, type GeneratedQuestion } from '../vsibench/generate';
import { boxScene } from '../vsibench/testing/box-scene';
import { parseGeneratedFile } from './generated-file';
import { csvField, serialise, toCsv, toLlavaRows, toScanQaRows, toVsiBenchRows, MC_POST_PROMPT } from './formats';
import { applySplits, parseSplits, splitScenes } from './splits';
import { datasetStats } from './stats';

const room = (id: string, dx = 0) =>
  boxScene(
    {
      bed: [{ center: [0 + dx, 0, 0.3], size: [2, 1.6, 0.6] }],
      door: [{ center: [0, -3, 1], size: [0.9, 0.1, 2] }],
      window: [{ center: [0, 3, 1.5], size: [1.2, 0.1, 1] }],
      sofa: [{ center: [-2.5, 1, 0.4], size: [0.9, 2, 0.8] }],
      tv: [{ center: [2.5, 1.2, 1], size: [0.1, 1.2, 0.7] }],
      chair: [{ center: [1.5, -1.5, 0.45], size: [0.5, 0.5, 0.9] }, { center: [-1.5, -1.8, 0.45], size: [0.5, 0.5, 0.9] }],
    },
    24.3,
    id,
  );
const scenes = [room('r1'), room('r2', 0.4), room('r3', -0.3)];
const questions: GeneratedQuestion[] = scenes.flatMap((s) => generateQuestions(s, { seed: 3 }).questions);

describe('VSI-Bench rows', () => {
  it('have the released field names in order and the generator question strings', () => {
    const rows = toVsiBenchRows(questions, 'scannet');
    expect(Object.keys(rows[0]!)).toEqual(['id', 'dataset', 'scene_name', 'question_type', 'question', 'ground_truth', 'options']);
    expect(rows.map((r) => r.question)).toEqual(questions.map((q) => q.question));
    expect(rows.find((r) => r.question_type === 'room_size_estimation')).toMatchObject({
      dataset: 'scannet',
      question: 'What is the size of this room (in square meters)? \nIf multiple rooms are shown, estimate the size of the combined space.',
      ground_truth: '24.3',
      options: null,
    });
  });

  it('round-trip: exported rows audit back at score 1.0 against the same boxes', () => {
    const { text } = serialise('vsibench', questions, 'all');
    const report = auditRows(parseVsiRows(text), scenes);
    expect(report.unchecked).toEqual([]);
    expect(report.disagreements).toEqual([]);
    // The eight VSI-Bench types and MultiSPA object size.
    expect(Object.keys(report.per_type).length).toBe(9);
    for (const t of Object.values(report.per_type)) expect(t.score).toBe(1);
    expect(report.overall).toEqual({ n: questions.length, score: 1 });
  });
});

describe('LLaVA, ScanQA and CSV', () => {
  const mc = questions.find((q) => q.question_type === 'object_rel_direction_easy')!;
  const num = questions.find((q) => q.question_type === 'object_abs_distance')!;

  it('LLaVA: a human turn with the options and the post prompt, a gpt turn with the ground truth', () => {
    const [row] = toLlavaRows([mc]);
    expect(row!.conversations[0]!.value).toBe(`<video>\n${mc.question}\n${mc.options!.join('\n')}\n${MC_POST_PROMPT}`);
    expect(row!.conversations[1]).toEqual({ from: 'gpt', value: mc.ground_truth });
    expect(toLlavaRows([num])[0]!.conversations[1]!.value).toBe(num.ground_truth);
    expect(serialise('llava', [mc, num], 'train').text.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('ScanQA: text answers, object names and the objects\' ids in the scene', () => {
    const count = questions.find((q) => q.question_type === 'object_counting')!;
    const [a, b] = toScanQaRows([num, count], 'val', scenes);
    expect(Object.keys(a!)).toEqual(['question_id', 'scene_id', 'question', 'answers', 'object_ids', 'object_names']);
    expect(a).toMatchObject({ question_id: `val-${num.scene_name}-0`, scene_id: num.scene_name, answers: [String(num.answer)], object_names: num.objects });
    expect(a!.object_ids).toHaveLength(2);
    // Counting names a category with two instances: both ids (positions 5 and 6 in the room's list).
    expect(b!.object_ids).toEqual([5, 6]);
    expect(toScanQaRows([mc], 'val')[0]!.answers).toEqual([String(mc.answer)]);
  });

  it('CSV quotes commas, quotes and line breaks (RFC 4180) and ends records in CRLF', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    const csv = toCsv([mc]);
    expect(csv.startsWith('id,scene_name,question_type,question,options,ground_truth,answer,objects\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain(`"${mc.options!.join('\n')}"`);
  });
});

describe('scene-level splits', () => {
  it('parses and checks ratios', () => {
    expect(parseSplits('train=0.8,val=0.1,test=0.1')).toEqual([['train', 0.8], ['val', 0.1], ['test', 0.1]]);
    expect(() => parseSplits('train=0.8,val=0.1')).toThrow(/sum to 1/);
    expect(() => parseSplits('train=1,train=0')).toThrow();
    expect(() => parseSplits('train:1')).toThrow(/name=ratio/);
  });

  it('deals whole scenes by largest remainder, the same for a seed and input order', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `s${i}`);
    const ratios = parseSplits('train=0.8,val=0.1,test=0.1');
    const a = splitScenes(ids, ratios, 7);
    const counts: Record<string, number> = {};
    for (const v of a.values()) counts[v] = (counts[v] ?? 0) + 1;
    expect(counts).toEqual({ train: 8, val: 1, test: 1 });
    expect([...splitScenes([...ids].reverse(), ratios, 7)].sort()).toEqual([...a].sort());
    expect([...splitScenes(ids, ratios, 8)].sort()).not.toEqual([...a].sort());
  });

  it('never puts one scene in two splits', () => {
    const split = applySplits(questions, (q) => q.scene_name, parseSplits('train=0.34,val=0.33,test=0.33'), 1);
    const splitOf = new Map<string, Set<string>>();
    for (const [name, list] of split) for (const q of list) splitOf.set(q.scene_name, (splitOf.get(q.scene_name) ?? new Set()).add(name));
    expect([...splitOf.values()].map((s) => s.size)).toEqual([1, 1, 1]);
    expect([...split.values()].reduce((s, l) => s + l.length, 0)).toBe(questions.length);
    expect(new Set([...split.values()].map((l) => new Set(l.map((q) => q.scene_name)).size))).toEqual(new Set([1]));
  });
});

describe('dataset statistics', () => {
  it('counts per type and scene, answer distributions and coverage', () => {
    const stats = datasetStats(questions, scenes, 4);
    expect(stats.questions).toBe(questions.length);
    expect(stats.scenes).toBe(3);
    expect(stats.perType.room_size_estimation).toBe(3);
    expect(stats.numericAnswers.object_counting).toMatchObject({ n: 3, min: 2, max: 2, mean: 2 });
    const easy = stats.choiceAnswers.object_rel_direction_easy!;
    expect(Object.values(easy.byAnswer).reduce((s, n) => s + n, 0)).toBe(stats.perType.object_rel_direction_easy);
    expect(Object.keys(easy.byLetter).every((l) => l === 'A' || l === 'B')).toBe(true);
    const dist = stats.numericAnswers.object_abs_distance!;
    expect(dist.histogram.counts.reduce((s, n) => s + n, 0)).toBe(dist.n);
    expect(stats.coverage).toMatchObject({ objectsPresent: 18, pairsPresent: 45 });
    expect(stats.coverage.objectsCovered).toBeLessThanOrEqual(18);
    expect(stats.coverage.pairsCovered).toBeGreaterThan(0);
    expect(datasetStats(questions).coverage.objectsPresent).toBeNull();
  });
});

describe('generated file', () => {
  it('reads what qa generate writes and rejects a wrong type', () => {
    const text = JSON.stringify({ format: 'vsibench', seed: 3, types: [], scenes: ['r1'], questions: questions.slice(0, 2), dropped: [] });
    expect(parseGeneratedFile(text).questions).toHaveLength(2);
    expect(() => parseGeneratedFile(JSON.stringify({ format: 'vsibench', questions: [{ ...questions[0], question_type: 'route_planning' }] }))).toThrow(/question_type/);
    expect(() => parseGeneratedFile('{')).toThrow(/not JSON/);
  });
});
