// Seeded, balanced subsets of generated questions: per type, buckets are drawn round-robin so no
// answer (multiple choice) or no object category (numeric types) dominates what is kept.
import { deriveSeed, Random } from '../../sample/random';
import type { GeneratedQuestion } from './generate';
import { isMultipleChoice } from './questions';
import { shuffled } from './shuffle';

export interface SampleOptions {
  /** At most this many questions of each type. */
  perType: number;
  seed: number;
}

/** The bucket a question balances over: its answer text for multiple choice, else its first object. */
export const balanceKey = (q: GeneratedQuestion): string => (isMultipleChoice(q.question_type) ? String(q.answer) : (q.objects[0] ?? ''));

export function sampleBalanced(questions: readonly GeneratedQuestion[], options: SampleOptions): GeneratedQuestion[] {
  const byType = new Map<string, GeneratedQuestion[]>();
  for (const q of questions) {
    const list = byType.get(q.question_type);
    if (list) list.push(q);
    else byType.set(q.question_type, [q]);
  }
  const out: GeneratedQuestion[] = [];
  for (const [type, list] of byType) {
    const rng = new Random(deriveSeed(options.seed, type));
    const buckets = new Map<string, GeneratedQuestion[]>();
    for (const q of list) {
      const bucket = buckets.get(balanceKey(q));
      if (bucket) bucket.push(q);
      else buckets.set(balanceKey(q), [q]);
    }
    // Sorted before shuffling so the result depends on the seed, not on the input's bucket order.
    const queues = shuffled([...buckets.keys()].sort(), rng).map((k) => shuffled(buckets.get(k)!, rng));
    let taken = 0;
    while (taken < options.perType && queues.some((q) => q.length > 0)) {
      for (const queue of queues) {
        if (taken >= options.perType) break;
        const q = queue.pop();
        if (q) {
          out.push(q);
          taken++;
        }
      }
    }
  }
  return out;
}
