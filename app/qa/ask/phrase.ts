// One object phrase ("the small brown table by the window", "this chair", "it") as an ObjectRef.
import { canonicalCategory, COLOR_WORDS, DETERMINERS, SELECTION_SINGULAR, SIZE_WORDS } from './lexicon';
import type { Attribute, ObjectRef } from './types';

/** Hands out selection slots in the order references appear: "this … that" → selection[0], selection[1]. */
export class SelectionSlots {
  private next = 0;
  take(): number {
    return this.next++;
  }
}

const NEAR_WORDS = /^(.+?)\s+(?:by|near|next to|beside|close to|closest to|nearest to|nearest|closest)\s+(.+)$/;
const SIDE_SUFFIX = /^(.+?)\s+(?:on|to) the (left|right)(?: side)?$/;
const SIDE_WORDS: Record<string, 'left' | 'right'> = { left: 'left', leftmost: 'left', 'left-most': 'left', right: 'right', rightmost: 'right', 'right-most': 'right' };

export function parseObjectPhrase(raw: string, slots: SelectionSlots): ObjectRef | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  if (SELECTION_SINGULAR.includes(text)) return { kind: 'selection', phrase: text, index: slots.take() };
  const demonstrative = /^(?:this|that|the selected)\s+(.+)$/.exec(text);
  if (demonstrative) {
    const category = canonicalCategory(demonstrative[1]!);
    if (category === '' || category === 'one') return { kind: 'selection', phrase: text, index: slots.take() };
    return { kind: 'selection', phrase: text, index: slots.take(), category };
  }
  const attributes: Attribute[] = [];
  let body = text;
  const side = SIDE_SUFFIX.exec(body);
  if (side) {
    body = side[1]!;
    attributes.push({ kind: 'side', side: side[2] as 'left' | 'right' });
  }
  const near = NEAR_WORDS.exec(body);
  if (near) {
    const anchor = parseObjectPhrase(near[2]!, slots);
    if (!anchor) return null;
    body = near[1]!;
    attributes.push({ kind: 'near', anchor });
  }
  body = body.replace(DETERMINERS, '');
  const words = body.split(' ');
  while (words.length > 1) {
    const w = words[0]!;
    if (COLOR_WORDS[w]) attributes.unshift({ kind: 'color', color: COLOR_WORDS[w] });
    else if (SIZE_WORDS[w]) attributes.unshift({ kind: 'size', size: SIZE_WORDS[w] });
    else if (SIDE_WORDS[w]) attributes.unshift({ kind: 'side', side: SIDE_WORDS[w] });
    else if (w === 'one' || w === 'other') {
      /* filler: "the big one" is handled below */
    } else break;
    words.shift();
  }
  const category = canonicalCategory(words.join(' '));
  if (category === '' || category === 'one' || /^(?:it|this|that|them|there)$/.test(category)) return null;
  return { kind: 'category', phrase: text, category, attributes };
}
