// Statistics of stored QA items for the Stats panel: generated items per type and status, the answer
// distribution of each type (a histogram for numbers, counts per option text for choices), how many
// of a scene's objects and object pairs the questions name, and review progress per scene.
import type { QaStats } from '../../contract/qa-review-schemas';
import { summarise } from '../export/stats';
import { isQuestionType } from '../vsibench/questions';

export interface StatRow {
  sceneId: string;
  kind: string;
  status: 'draft' | 'verified' | 'rejected';
  answer: number | string;
  instanceIds: readonly number[];
}

export interface StatsOptions {
  /** Objects the questions may name in the one scene asked about; null when several or unknown. */
  objectsPresent?: number | null;
  bins?: number;
}

/** Counting names every instance of a category; those are not object pairs asked about together. */
const PAIRLESS = new Set(['object_counting']);

export function qaStats(rows: readonly StatRow[], options: StatsOptions = {}): QaStats {
  const bins = options.bins ?? 10;
  const perType: QaStats['perType'] = {};
  const numbers = new Map<string, number[]>();
  const choices = new Map<string, Record<string, number>>();
  const progress = new Map<string, { total: number; verified: number; rejected: number }>();
  const objects = new Set<string>();
  const pairs = new Set<string>();
  let total = 0;
  let other = 0;
  for (const r of rows) {
    if (!isQuestionType(r.kind)) {
      other++;
      continue;
    }
    total++;
    (perType[r.kind] ??= { draft: 0, verified: 0, rejected: 0 })[r.status]++;
    const p = progress.get(r.sceneId) ?? { total: 0, verified: 0, rejected: 0 };
    p.total++;
    if (r.status !== 'draft') p[r.status]++;
    progress.set(r.sceneId, p);
    if (r.status === 'rejected') continue;
    if (typeof r.answer === 'number') {
      const list = numbers.get(r.kind) ?? [];
      list.push(r.answer);
      numbers.set(r.kind, list);
    } else {
      const counts = choices.get(r.kind) ?? {};
      counts[r.answer] = (counts[r.answer] ?? 0) + 1;
      choices.set(r.kind, counts);
    }
    const ids = [...new Set(r.instanceIds)].sort((a, b) => a - b);
    for (const id of ids) objects.add(`${r.sceneId}\u0000${id}`);
    if (!PAIRLESS.has(r.kind)) for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.add(`${r.sceneId}\u0000${ids[i]}\u0000${ids[j]}`);
  }
  const answers: QaStats['answers'] = {};
  for (const [kind, values] of numbers) answers[kind] = { kind: 'numeric', ...summarise(values, bins) };
  for (const [kind, counts] of choices) answers[kind] = { kind: 'choice', n: Object.values(counts).reduce((s, n) => s + n, 0), counts };
  const present = options.objectsPresent ?? null;
  return {
    total,
    other,
    perType,
    answers,
    coverage: { objectsCovered: objects.size, objectsPresent: present, pairsCovered: pairs.size, pairsPresent: present === null ? null : (present * (present - 1)) / 2 },
    progress: [...progress].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([sceneId, p]) => ({ sceneId, ...p, reviewed: p.verified + p.rejected })),
  };
}
