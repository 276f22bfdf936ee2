// The model's pointers always pick one object, but grounding must never guess ("move the plant next
// to the bed" with two plants is a question back, as the grammar path answers). An object the reading
// names is settled when its category is the only one of its kind in the room, or when the instruction
// carries something that can tell same-category objects apart: a selection word for a selected
// object, a size / colour / side / order word, or a mention of another object than the ones the edit
// itself names (an anchor: "the chair by the window"). Otherwise the reading is ambiguous.
import { COLOR_WORDS, SIZE_WORDS, canonicalCategory, singular } from '../../qa/ask/lexicon';
import type { LayoutDocument } from '../types';
import type { ModelReading } from './decode';

const SELECTION_WORDS = new Set(['it', 'this', 'that', 'these', 'those', 'selected', 'selection', 'them']);
const ORDER_WORDS = new Set(['left', 'right', 'leftmost', 'rightmost', 'first', 'second', 'third', 'last', 'other', 'nearest', 'closest', 'farthest', 'furthest', 'front', 'back', 'middle', 'tall', 'taller', 'tallest', 'short', 'shorter', 'shortest', 'long', 'longer', 'longest', 'wide', 'wider', 'widest', 'low', 'lower', 'lowest', 'high', 'higher', 'highest']);

export interface Ambiguity {
  id: number;
  category: string;
  candidates: number[];
}

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z\s]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => singular(w));

/** The first object of the reading that the text does not single out, or null when all are settled. */
export function readingAmbiguity(doc: LayoutDocument, text: string, reading: ModelReading, selection: readonly number[]): Ambiguity | null {
  const named = [reading.target, reading.reference?.kind === 'object' ? reading.reference.id : reading.reference?.kind === 'wall' ? reading.reference.near : undefined, reading.reference2 ?? undefined].filter((x): x is number => x !== undefined);
  const w = words(text);
  const has = (set: (x: string) => boolean) => w.some(set);
  const cue = has((x) => x in SIZE_WORDS || x in COLOR_WORDS || ORDER_WORDS.has(x));
  const categoryOf = (id: number) => canonicalCategory(doc.objects.find((o) => o.id === id)!.category);
  const namedCategories = new Set(named.map(categoryOf));
  const joined = ` ${w.join(' ')} `;
  // Another category of the room that the text mentions (as a whole word or phrase): an anchor.
  const anchor = [...new Set(doc.objects.map((o) => canonicalCategory(o.category)))].some((c) => !namedCategories.has(c) && c !== '' && joined.includes(` ${c.split(' ').map(singular).join(' ')} `));
  for (const id of named) {
    const cat = categoryOf(id);
    const same = doc.objects.filter((o) => canonicalCategory(o.category) === cat).map((o) => o.id);
    if (same.length < 2) continue;
    if (selection.includes(id) && has((x) => SELECTION_WORDS.has(x))) continue;
    if (cue || anchor) continue;
    return { id, category: cat, candidates: same };
  }
  return null;
}

/** Edits (insert, delete, replace, swap two neighbours) from a to b. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

/**
 * Does the text name this object: its category (or a known synonym, by the QA lexicon) in one to three
 * words, a word of the name within one typo (two for long words), or a selection word when it is selected?
 * The model may act only on objects the instruction names: "thanks" names none.
 */
export function textNames(doc: LayoutDocument, text: string, id: number, selection: readonly number[]): boolean {
  const o = doc.objects.find((x) => x.id === id);
  if (!o) return false;
  const w = words(text);
  if (selection.includes(id) && w.some((x) => SELECTION_WORDS.has(x) || x === 'one')) return true;
  const cat = canonicalCategory(o.category);
  for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= w.length; i++) if (canonicalCategory(w.slice(i, i + n).join(' ')) === cat) return true;
  const nameWords = `${o.category} ${cat}`.toLowerCase().replace(/[_-]+/g, ' ').split(/\s+/).filter((x) => x.length >= 3);
  return w.some((x) => x.length >= 3 && nameWords.some((n) => editDistance(x, n) <= (n.length >= 7 ? 2 : n.length >= 4 ? 1 : 0)));
}
