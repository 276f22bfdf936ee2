// Keys of the review queue. They act only while focus is inside the review panel and not in a text
// field, so the viewer's A (fly), E (eye-dome lighting) and R keep their meaning everywhere else.
export type ReviewCommand = 'accept' | 'reject' | 'edit' | 'next' | 'previous';

export const REVIEW_KEYS: Readonly<Record<string, ReviewCommand>> = { a: 'accept', r: 'reject', e: 'edit', j: 'next', k: 'previous' };

export interface ReviewKeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** True when the key went to an input, textarea, select or editable element. */
  typing: boolean;
}

export function reviewCommand(e: ReviewKeyPress): ReviewCommand | null {
  if (e.typing || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return null;
  return REVIEW_KEYS[e.key.toLowerCase()] ?? null;
}

/** The answer a person typed, as the item stores it: a number where the answer was a number. */
export function parseEditedAnswer(text: string, previous: number | string): number | string | null {
  const t = text.trim();
  if (t === '') return null;
  if (typeof previous === 'number') {
    const n = Number(t);
    return Number.isFinite(n) ? n : null;
  }
  return t;
}
