// Reading a classification head: logits to probabilities, and the likeliest allowed class. Shared by
// the edit reading (decode.ts) and the question reading (question-decode.ts).

export function softmax(logits: ArrayLike<number>): number[] {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]!);
  const e = Array.from(logits, (v) => Math.exp(v - max));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** The most probable class that `allowed` accepts (the first on ties), or null when none is allowed. */
export function pickAllowed(p: readonly number[], allowed: (i: number) => boolean): { index: number; p: number } | null {
  let best = -1;
  for (let i = 0; i < p.length; i++) if (allowed(i) && (best < 0 || p[i]! > p[best]!)) best = i;
  return best < 0 ? null : { index: best, p: p[best]! };
}
