// Dataset statistics as plain data the UI can chart: questions per type and per scene, answer
// distributions (option texts and letters for multiple choice, a histogram for numbers), and how many
// of the objects and object pairs present in the rooms the questions cover.
import type { GeneratedQuestion } from '../vsibench/generate';
import type { BoxScene } from '../vsibench/meta';
import { isMultipleChoice } from '../vsibench/questions';

export interface NumericSummary {
  n: number;
  min: number;
  max: number;
  mean: number;
  /** `bins` equal-width bins over [min, max]: counts[i] covers [edges[i], edges[i+1]). */
  histogram: { edges: number[]; counts: number[] };
}

export interface DatasetStats {
  questions: number;
  scenes: number;
  perType: Record<string, number>;
  perScene: Record<string, number>;
  /** Multiple choice: answer text → count, and letter → count (to spot position bias). */
  choiceAnswers: Record<string, { byAnswer: Record<string, number>; byLetter: Record<string, number> }>;
  numericAnswers: Record<string, NumericSummary>;
  /** Category → questions naming it. */
  objectMentions: Record<string, number>;
  coverage: {
    /** Distinct (scene, category) pairs named by some question. */
    objectsCovered: number;
    /** (scene, category) pairs present in the given scenes; null when no scenes were given. */
    objectsPresent: number | null;
    /** Distinct unordered (scene, category, category) pairs named together. */
    pairsCovered: number;
    pairsPresent: number | null;
  };
}

const bump = (r: Record<string, number>, k: string) => void (r[k] = (r[k] ?? 0) + 1);

export function summarise(values: number[], bins: number): NumericSummary {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const width = (max - min) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + i * width));
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[width > 0 ? Math.min(bins - 1, Math.floor((v - min) / width)) : 0]!++;
  return { n: values.length, min, max, mean: values.reduce((s, v) => s + v, 0) / values.length, histogram: { edges, counts } };
}

export function datasetStats(questions: readonly GeneratedQuestion[], scenes?: readonly BoxScene[], bins = 10): DatasetStats {
  const perType: Record<string, number> = {};
  const perScene: Record<string, number> = {};
  const choiceAnswers: DatasetStats['choiceAnswers'] = {};
  const numbers: Record<string, number[]> = {};
  const objectMentions: Record<string, number> = {};
  const objects = new Set<string>();
  const pairs = new Set<string>();
  for (const q of questions) {
    bump(perType, q.question_type);
    bump(perScene, q.scene_name);
    if (isMultipleChoice(q.question_type)) {
      const c = (choiceAnswers[q.question_type] ??= { byAnswer: {}, byLetter: {} });
      bump(c.byAnswer, String(q.answer));
      bump(c.byLetter, q.ground_truth);
    } else (numbers[q.question_type] ??= []).push(Number(q.answer));
    const named = [...new Set(q.objects)].sort();
    for (const o of named) {
      bump(objectMentions, o);
      objects.add(`${q.scene_name}\u0000${o}`);
    }
    for (let i = 0; i < named.length; i++) for (let j = i + 1; j < named.length; j++) pairs.add(`${q.scene_name}\u0000${named[i]}\u0000${named[j]}`);
  }
  const numericAnswers = Object.fromEntries(Object.entries(numbers).map(([t, v]) => [t, summarise(v, bins)]));
  const objectsPresent = scenes ? scenes.reduce((s, sc) => s + sc.categories.length, 0) : null;
  const pairsPresent = scenes ? scenes.reduce((s, sc) => s + (sc.categories.length * (sc.categories.length - 1)) / 2, 0) : null;
  return {
    questions: questions.length,
    scenes: Object.keys(perScene).length,
    perType,
    perScene,
    choiceAnswers,
    numericAnswers,
    objectMentions,
    coverage: { objectsCovered: objects.size, objectsPresent, pairsCovered: pairs.size, pairsPresent },
  };
}
