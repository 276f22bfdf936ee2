// Fisher–Yates over the seeded PRNG: the same seed gives the same order on every runtime.
import type { Random } from '../../sample/random';

export function shuffled<T>(items: readonly T[], rng: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
