// From every valid question of a scene to the set a dataset takes: exact duplicates removed, those
// already stored skipped, then a seeded per-type balanced sample. Every question that does not make
// it is recorded with the rule and a reason, like the asking rules' drops.
import type { DroppedQuestion, GeneratedQuestion, GeneratedSet } from './generate';
import { balanceKey, sampleBalanced } from './sample';

export interface CurateOptions {
  /** At most this many questions of each type per scene; null or absent keeps every one. */
  perType?: number | null;
  /** Seeds the balanced sample. */
  seed?: number;
  /** Question ids already in the store for this scene: asked again, they would be duplicates there. */
  existing?: ReadonlySet<string>;
}

/** Two questions with the same text about the same scene ask the same thing, whatever their ids. */
const textKey = (q: GeneratedQuestion) => `${q.scene_name}\u0000${q.question}`;

export function curateQuestions(set: GeneratedSet, options: CurateOptions = {}): GeneratedSet {
  const dropped: DroppedQuestion[] = [...set.dropped];
  const drop = (q: GeneratedQuestion, rule: DroppedQuestion['rule'], reason: string) =>
    dropped.push({ scene_name: q.scene_name, question_type: q.question_type, id: q.id, objects: q.objects, rule, reason });

  const seen = new Map<string, GeneratedQuestion>();
  const unique: GeneratedQuestion[] = [];
  for (const q of set.questions) {
    const first = seen.get(textKey(q));
    if (first) drop(q, 'duplicate', `same question text as ${first.id}`);
    else if (options.existing?.has(q.id)) drop(q, 'already_stored', 'this question is already in the store for the scene');
    else {
      seen.set(textKey(q), q);
      unique.push(q);
    }
  }

  const perType = options.perType ?? null;
  if (perType === null) return { questions: unique, dropped };
  const seed = options.seed ?? 0;
  const kept = sampleBalanced(unique, { perType, seed });
  const keptIds = new Set(kept.map((q) => q.id));
  const typeCounts = new Map<string, { n: number; buckets: Set<string> }>();
  for (const q of unique) {
    const c = typeCounts.get(q.question_type) ?? { n: 0, buckets: new Set<string>() };
    c.n++;
    c.buckets.add(balanceKey(q));
    typeCounts.set(q.question_type, c);
  }
  for (const q of unique) {
    if (keptIds.has(q.id)) continue;
    const c = typeCounts.get(q.question_type)!;
    drop(q, 'over_quota', `${c.n} valid ${q.question_type} questions, ${perType} kept, balanced over ${c.buckets.size} answer or object buckets (seed ${seed})`);
  }
  // Kept questions stay in generation order, so the output does not depend on the sampler's draw order.
  return { questions: unique.filter((q) => keptIds.has(q.id)), dropped };
}
