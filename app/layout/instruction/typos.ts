// Typo tolerance: a word the grammar does not know is replaced by the one known word within a small
// edit distance (optimal string alignment: insert, delete, substitute, swap two neighbours). Short
// words are left alone (too many near neighbours); a tie between two known words is not guessed.

/** Edit distance allowed by word length: none under 4 letters, 1 up to 6, 2 from 7. */
export const maxEdits = (length: number): number => (length < 4 ? 0 : length < 7 ? 1 : 2);

export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = new Array<number>(m + 1).fill(0);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[m]!;
}

export interface Correction {
  from: string;
  to: string;
}

/** Corrects each unknown word of a space-separated text against `known`; returns the text and what changed. */
export function correctTypos(text: string, known: ReadonlySet<string>): { text: string; corrections: Correction[] } {
  const corrections: Correction[] = [];
  const words = text.split(' ').map((w) => {
    if (w === '' || known.has(w) || /\d/.test(w)) return w;
    const limit = maxEdits(w.length);
    if (limit === 0) return w;
    let best: string | null = null;
    let bestD = limit + 1;
    let tie = false;
    for (const k of known) {
      if (k.includes(' ') || k.length < 3) continue;
      const d = editDistance(w, k, bestD);
      if (d < bestD) {
        best = k;
        bestD = d;
        tie = false;
      } else if (d === bestD && best !== null && k !== best) tie = true;
    }
    if (best === null || tie || bestD > limit) return w;
    corrections.push({ from: w, to: best });
    return best;
  });
  return { text: words.join(' '), corrections };
}
