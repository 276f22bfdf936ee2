// English questions to structured queries (types.ts). Pattern based: a viewpoint clause is taken
// out first, then the question is matched against counting, distance, size, yes/no relation and
// "what is <relation> X" forms. Objects stay phrases here; ground.ts turns them into instances.
import type { SpatialRelation } from '../../geometry/relations';
import type { ViewSide } from '../../geometry/view-angle';
import type { SizeDimension } from '../workbench/object-size';
import { canonicalCategory, SELECTION_PAIR } from './lexicon';
import { parseObjectPhrase, SelectionSlots } from './phrase';
import type { ObjectRef, ParsedQuery, ParseResult, View } from './types';

type RelationWord = SpatialRelation | ViewSide;

/** Relation words; at one position the longest wins ("in front of" over "in"). */
const RELATION_WORDS: Array<[string, RelationWord]> = [
  ['on top of', 'on'],
  ['resting on', 'on'],
  ['sitting on', 'on'],
  ['lying on', 'on'],
  ['placed on', 'on'],
  ['on', 'on'],
  ['above', 'above'],
  ['over', 'above'],
  ['below', 'below'],
  ['under', 'under'],
  ['underneath', 'under'],
  ['beneath', 'under'],
  ['next to', 'next_to'],
  ['beside', 'next_to'],
  ['adjacent to', 'next_to'],
  ['by', 'next_to'],
  ['near', 'near'],
  ['close to', 'near'],
  ['far from', 'far'],
  ['far away from', 'far'],
  ['inside of', 'inside'],
  ['inside', 'inside'],
  ['within', 'inside'],
  ['in', 'inside'],
  ['between', 'between'],
  ['to the left of', 'left'],
  ['on the left of', 'left'],
  ['on the left side of', 'left'],
  ['left of', 'left'],
  ['to the right of', 'right'],
  ['on the right of', 'right'],
  ['on the right side of', 'right'],
  ['right of', 'right'],
  ['in front of', 'front'],
  ['behind', 'behind'],
  ['in back of', 'behind'],
];
const SIDES: readonly string[] = ['left', 'right', 'front', 'behind'];
/** "to my left" / "on my right" / "in front of me" / "behind me": sides of the observer. */
const OWN_SIDE: Array<[RegExp, ViewSide]> = [
  [/^(.+?) (?:to|on) my left$/, 'left'],
  [/^(.+?) (?:to|on) my right$/, 'right'],
  [/^(.+?) in front of me$/, 'front'],
  [/^(.+?) behind me$/, 'behind'],
];

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\bwhat's\b/g, 'what is')
    .replace(/\bwhere's\b/g, 'where is')
    .replace(/\bi'm\b/g, 'i am')
    .replace(/\bt\.v\.?/g, 'tv')
    .replace(/[?!.]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:please|hey|ok|okay),?\s+/, '')
    .replace(/^(?:can|could|would) you (?:please )?(?:tell me|say|check|measure)\s+/, (m) => (/measure/.test(m) ? 'measure ' : ''))
    .replace(/^(?:tell me|do you know|i (?:want|would like) to know)\s+/, '')
    .replace(/,?\s+please$/, '')
    .replace(/[,;:]+$/, '');
}

const VIEW_CLAUSES: RegExp[] = [
  /,?\s*(?:if|when|while|assuming)\s+(?:i|you|we)\s+(?:am\s+|are\s+)?(?:stand|standing|stood|sit|sitting|be)\s+(?:by|at|next to|near|beside|in front of)\s+(.+?),?\s+(?:and\s+)?(?:i am\s+|am\s+|you are\s+)?(?:facing|face|looking at|look at|looking towards?)\s+(.+?)\s*(?=,|$)/,
  /,?\s*(?:standing|from)\s+(?:by|at|next to|near|beside)?\s*(.+?),?\s+(?:and\s+)?(?:facing|looking at|looking towards?)\s+(.+?)\s*(?=,|$)/,
];
const CAMERA_CLAUSE = /,?\s*(?:from (?:here|my (?:view|viewpoint|point of view|position)|the (?:current )?(?:view|camera|viewpoint))|as i (?:see|look at) it|from where i (?:stand|am))\s*(?=,|$)/;

interface Extracted {
  rest: string;
  view?: { standBy: string; facing: string } | 'camera';
}

function extractView(text: string): Extracted {
  for (const re of VIEW_CLAUSES) {
    const m = re.exec(text);
    if (m) return { rest: `${text.slice(0, m.index)}${text.slice(m.index + m[0].length)}`.replace(/^,\s*/, '').trim(), view: { standBy: m[1]!, facing: m[2]! } };
  }
  const c = CAMERA_CLAUSE.exec(text);
  if (c) return { rest: `${text.slice(0, c.index)}${text.slice(c.index + c[0].length)}`.replace(/^,\s*/, '').trim(), view: 'camera' };
  return { rest: text };
}

/** Every way to split `body` at a relation word, leftmost first (longest word first at one position). */
function relationSplits(body: string, fromStart = false): Array<{ left: string; word: string; relation: RelationWord; right: string }> {
  const found: Array<{ at: number; word: string; relation: RelationWord }> = [];
  for (const [word, relation] of RELATION_WORDS) {
    const re = new RegExp(`(?:^|\\s)${word.replace(/ /g, '\\s')}(?=\\s)`, 'g');
    for (const m of body.matchAll(re)) {
      const at = m.index! + (m[0].startsWith(' ') ? 1 : 0);
      if (fromStart ? at !== 0 : at === 0) continue;
      found.push({ at, word, relation });
    }
  }
  found.sort((x, y) => x.at - y.at || y.word.length - x.word.length);
  return found.map((f) => ({ left: body.slice(0, f.at).trim(), word: f.word, relation: f.relation, right: body.slice(f.at + f.word.length).trim() }));
}

const RELATION_WORD_RE = new RegExp(`(?:^|\\s)(?:${RELATION_WORDS.map(([w]) => w.replace(/ /g, '\\s')).join('|')})(?:\\s|$)`);
/** A category phrase that still holds a relation word ("window on the desk") came from a wrong split. */
const clean = (r: ObjectRef | null): r is ObjectRef => r !== null && (r.kind === 'selection' || !RELATION_WORD_RE.test(r.category));

const unsupported = (text: string, reason: string): ParseResult => ({ kind: 'unsupported', text, reason });

export function parseQuestion(input: string): ParseResult {
  const text = normalise(input);
  if (text === '') return unsupported(input, 'empty question');
  const slots = new SelectionSlots();
  const { rest, view: viewText } = extractView(text);
  const obj = (s: string) => parseObjectPhrase(s, slots);
  const pairOf = (s: string): [ObjectRef, ObjectRef] | null => {
    const t = s.replace(/\s+(?:from each other|apart)$/, '').trim();
    if (SELECTION_PAIR.includes(t)) return [{ kind: 'selection', phrase: t, index: slots.take() }, { kind: 'selection', phrase: t, index: slots.take() }];
    const and = /^(.+?) and (.+)$/.exec(t);
    if (!and) return null;
    const a = obj(and[1]!);
    const b = obj(and[2]!);
    return a && b ? [a, b] : null;
  };
  let view: View<ObjectRef> | undefined;
  const withView = (): View<ObjectRef> | undefined | null => {
    if (!viewText || view) return view;
    if (viewText === 'camera') return (view = { kind: 'camera' });
    const standBy = obj(viewText.standBy);
    const facing = obj(viewText.facing);
    if (!standBy || !facing) return null;
    return (view = { kind: 'objects', standBy, facing });
  };
  const done = (query: ParsedQuery): ParseResult => ({ kind: 'parsed', query });

  // Counting.
  let m = /^(?:how many|count(?: the)?|what is the number of|number of)\s+(.+?)(?:\s+(?:are|is) there|\s+there (?:are|is))?(?:\s+(?:are|is))?(?:\s+(?:do|can) you see)?(?:\s+(?:in|inside) (?:the|this) (?:room|scene|space))?(?:\s+(?:are|is) there)?(?:\s+here)?$/.exec(rest);
  if (m) {
    const phrase = m[1]!.replace(/^(?:the|of the)\s+/, '');
    const category = canonicalCategory(phrase);
    return category ? done({ kind: 'count', category, phrase }) : unsupported(input, 'no category to count');
  }

  // Distance.
  const distanceForms: RegExp[] = [
    /^how (?:far|close)(?: away)? (?:is|are) (.+?) (?:from|to) (.+)$/,
    /^(?:what is )?(?:the )?distance (?:between|from) (.+?) (?:and|to) (.+)$/,
    /^measure (?:the distance )?(?:between|from) (.+?) (?:and|to) (.+)$/,
  ];
  for (const re of distanceForms) {
    m = re.exec(rest);
    if (!m) continue;
    if (m[2] === 'each other' || SELECTION_PAIR.includes(m[1]!)) break;
    const a = obj(m[1]!);
    const b = obj(m[2]!);
    if (a && b) return done({ kind: 'distance', a, b });
  }
  m = /^(?:how far apart (?:is|are)|how far (?:is|are)|how far away (?:is|are)|(?:what is )?(?:the )?distance between|measure (?:the distance )?between) (.+?)(?: from each other)?$/.exec(rest);
  if (m) {
    const pair = pairOf(m[1]!);
    if (pair) return done({ kind: 'distance', a: pair[0], b: pair[1] });
  }

  // Size.
  m = /^how (big|large|tall|high|long|wide|deep) (?:is|are) (.+)$/.exec(rest) ?? /^what (?:is|are) (?:the )?(size|dimensions|height|length|width|depth) of (.+)$/.exec(rest) ?? /^what (size) is (.+)$/.exec(rest);
  if (m) {
    const word = m[1]!;
    const dimension: SizeDimension | 'all' = /^(?:tall|high|height)$/.test(word) ? 'height' : /^(?:long|length)$/.test(word) ? 'length' : /^(?:wide|width|deep|depth)$/.test(word) ? 'width' : 'all';
    const target = obj(m[2]!);
    if (target) return done({ kind: 'size', target, dimension });
  }

  // "what is left of the bed", "what is on the table".
  m = /^(?:what|which (?:objects?|things?|furniture)|what (?:objects?|things?)) (?:is|are)(?: there)? (.+)$/.exec(rest);
  if (m) {
    for (const split of relationSplits(m[1]!, true)) {
      if (split.relation === 'between') continue;
      const reference = obj(split.right);
      const v = withView();
      if (clean(reference) && v !== null) return done({ kind: 'find', relation: split.relation, reference, ...(v ? { view: v } : {}) });
    }
  }

  // Yes/no relations.
  m = /^(?:is|are) (.+)$/.exec(rest);
  if (m) {
    const body = m[1]!;
    for (const [re, side] of OWN_SIDE) {
      const own = re.exec(body);
      if (!own) continue;
      const target = obj(own[1]!);
      const v = withView();
      if (target && v !== null) return done({ kind: 'side', side, target, view: v ?? { kind: 'camera' } });
    }
    for (const split of relationSplits(body)) {
      const a = obj(split.left);
      if (!clean(a)) continue;
      if (split.relation === 'between') {
        const pair = pairOf(split.right);
        if (pair && pair.every(clean)) return done({ kind: 'relation', relation: 'between', a, b: pair[0], c: pair[1] });
      } else if (SIDES.includes(split.relation)) {
        const reference = obj(split.right);
        const v = withView();
        if (clean(reference) && v !== null) return done({ kind: 'side', side: split.relation as ViewSide, target: a, reference, ...(v ? { view: v } : {}) });
      } else {
        const b = obj(split.right);
        if (clean(b)) return done({ kind: 'relation', relation: split.relation as SpatialRelation, a, b });
      }
    }
  }
  return unsupported(input, 'not a counting, distance, size or relation question I know');
}
