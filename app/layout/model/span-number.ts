// The layout model points at the words of a number ("50", "1.5", "half a", "one and a half",
// "fifty"); this turns those tokens back into the number. Word pieces ("##") join their word, and
// digits, "." and "/" join each other, so "1 . 5" read back as 1.5.

import { CARDINAL_WORDS } from '../number-words';

const WORDS: Record<string, number> = { ...CARDINAL_WORDS, couple: 2, few: 3 };

/** The span's tokens as text: "1.5", "half a", "forty five". */
export function spanText(tokens: readonly string[]): string {
  let out = '';
  let prev = '';
  for (const t of tokens) {
    if (t.startsWith('[')) continue;
    if (t.startsWith('##')) out += t.slice(2);
    else if (/^[0-9./]$/.test(t) && /[0-9./]$/.test(prev)) out += t;
    else out += (out ? ' ' : '') + t;
    prev = t.startsWith('##') ? t.slice(2) : t;
  }
  return out.trim();
}

/** A number from its words, or null: digits, decimals, fractions, number words, "half", "a quarter", "… and a half". */
export function numberFromText(text: string): number | null {
  let t = text.toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ').trim();
  t = t.replace(/^(?:by|about|around|roughly|approximately|some|maybe|just)\s+/, '').trim();
  if (t === '') return null;
  if (/^\d+(?:\.\d+)?$|^\.\d+$/.test(t)) return Number(t);
  const frac = /^(\d+)\s*\/\s*(\d+)$/.exec(t);
  if (frac) return Number(frac[2]) === 0 ? null : Number(frac[1]) / Number(frac[2]);
  if (/^half(?:\s+of)?(?:\s+an?)?$/.test(t)) return 0.5;
  if (/^(?:a\s+)?quarter(?:\s+of)?(?:\s+an?)?$/.test(t)) return 0.25;
  const andHalf = /^(.+?)\s+and\s+a\s+half$/.exec(t);
  if (andHalf) {
    const n = numberFromText(andHalf[1]!);
    return n === null ? null : n + 0.5;
  }
  const words = t.replace(/^an?\s+(?=couple|few|hundred)/, '').replace(/\s+of$/, '').split(' ');
  let total = 0;
  let current = 0;
  for (const w of words) {
    if (w === 'and') continue;
    if (/^\d+(?:\.\d+)?$/.test(w)) {
      current += Number(w);
      continue;
    }
    const v = WORDS[w];
    if (v === undefined) return null;
    if (v === 100) current = (current || 1) * 100;
    else current += v;
  }
  total += current;
  return total > 0 ? total : null;
}
