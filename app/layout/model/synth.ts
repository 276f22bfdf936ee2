// Training instructions for the layout language model, generated from a room: pick an edit (intent,
// target, reference, relation, amount), name each object so that the QA grounding finds exactly that
// one (category, synonym, colour, small/big, "the X by the Y", a relative clause, or the selection),
// and render the words with many templates: verbs and synonyms, word orders (commands, wishes,
// "should go", fronted places, dislocations), politeness, typos. Labels come from the choice, not
// from parsing the text, so the model can learn what the grammar cannot read. The held-out
// paraphrase test set (native-models/layout/paraphrases-test.jsonl) was never read for these templates.
import { groundQuery } from '../../qa/ask/ground';
import { colorName } from '../../qa/ask/color';
import { canonicalCategory } from '../../qa/ask/lexicon';
import type { Attribute, ObjectRef } from '../../qa/ask/types';
import type { QaObject } from '../../qa/workbench/objects';
import type { Random } from '../../sample/random';
import { qaObjectsOf } from '../instruction/ground';
import type { Intent } from '../instruction/types';
import type { LayoutRelation, MoveDirection } from '../request';
import type { LayoutTokenizer } from '../tokenizer';
import type { LayoutDocument } from '../types';
import { synthQuestion } from './synth-questions';
import { DIRECTION_CLASSES, encodeText, INTENTS, MAX_TOKENS, NO_EDIT, REFERENCE_EXTRA, RELATION_CLASSES, SENSE_CLASSES, UNIT_CLASSES, type UnitClass } from './encode';

/** Labels as class indices; pointer labels index the room's objects (then REFERENCE_EXTRA / none). -100: not scored. */
export interface SynthLabels {
  intent: number;
  target: number;
  reference: number;
  reference2: number;
  relation: number;
  direction: number;
  frame: number;
  unit: number;
  sense: number;
  /** Token indices of the number's words (inclusive); [-100, -100] when there is no number. */
  span: [number, number];
}

export interface SynthExample {
  text: string;
  tokens: number[];
  /** Selected objects as row indices (the encoder's selection flags). */
  selection: number[];
  labels: SynthLabels;
}

const IGNORE = -100;

// ---------- words ----------

/** Other names people use for a category (canonical name → alternatives the QA lexicon maps back). */
const SYNONYMS: Record<string, string[]> = {
  sofa: ['couch', 'settee'],
  tv: ['television', 'telly', 'tv set'],
  nightstand: ['bedside table', 'night stand', 'bedside cabinet'],
  'trash can': ['trashcan', 'garbage can', 'waste bin', 'bin', 'dustbin', 'trash bin'],
  refrigerator: ['fridge'],
  bookshelf: ['bookcase', 'book shelf'],
  cabinet: ['cupboard'],
  monitor: ['computer monitor'],
  'office chair': ['desk chair'],
};

const SIZE_TEXT = { small: ['small', 'little', 'tiny', 'smaller', 'smallest'], big: ['big', 'large', 'huge', 'bigger', 'biggest', 'larger'] } as const;
const COLOUR_TEXT: Record<string, string[]> = { gray: ['grey', 'gray', 'silver'], brown: ['brown', 'wooden'], purple: ['purple', 'violet'] };

const MOVE_VERBS = ['move', 'put', 'place', 'set', 'shift', 'push', 'slide', 'bring', 'drag', 'position', 'relocate', 'stick', 'pop', 'get', 'carry', 'stand', 'park', 'nudge', 'reposition', 'scoot', 'shove', 'tuck', 'drop', 'lay'];
const ROTATE_VERBS = ['rotate', 'turn', 'spin', 'pivot', 'twist', 'swivel'];

const RELATION_WORDS: Partial<Record<LayoutRelation, string[]>> = {
  left_of: ['to the left of', 'left of', 'on the left of', 'on the left side of', 'on the left-hand side of', 'to the left side of', 'at the left of'],
  right_of: ['to the right of', 'right of', 'on the right of', 'on the right side of', 'on the right-hand side of', 'to the right side of', 'at the right of'],
  in_front_of: ['in front of', 'ahead of', 'at the front of', 'out in front of', 'directly in front of'],
  behind: ['behind', 'in back of', 'at the back of', 'to the back of', 'round the back of', 'at the rear of', 'right behind', 'just behind'],
  next_to: ['next to', 'beside', 'by', 'near', 'close to', 'alongside', 'adjacent to', 'right next to', 'by the side of', 'up next to', 'close by', 'near to'],
  on_top_of: ['on top of', 'onto', 'on', 'atop', 'up on', 'on to', 'upon', 'up onto'],
  under: ['under', 'underneath', 'beneath', 'below', 'down under'],
  toward: ['closer to', 'nearer to', 'nearer', 'towards', 'toward', 'in the direction of', 'over towards'],
  away_from: ['away from', 'further from', 'farther from', 'further away from', 'farther away from', 'more distant from'],
};

const POLITE_HEAD = ['please ', 'could you ', 'can you ', 'could you please ', 'can you please ', 'would you ', 'would you mind ', 'kindly ', 'hey, ', 'hey ', 'ok, ', 'okay so ', 'so ', 'now ', 'i need you to ', 'i want you to ', "i'd like you to ", 'would you be so kind as to ', 'go ahead and ', 'pls ', 'plz ', 'hi, could you ', 'just ', 'maybe ', 'try to ', 'you should ', 'help me '];
const POLITE_TAIL = [' please', ', please', ' pls', ', thanks', ' thanks', ' thank you', ', thank you!', ' if you can', ' for me', ' when you get a chance', ' if possible', ' real quick', ' now', ', ok?', ' thx'];
const ENDINGS = ['', '', '', '.', '!', '?'];
/** First words of the command forms, after which a polite head reads naturally. */
const COMMAND_STARTS = new Set([...MOVE_VERBS, ...ROTATE_VERBS, 'remove', 'delete', 'get', 'take', 'throw', 'discard', 'ditch', 'erase', 'lose', 'eliminate', 'clear', 'carry', 'swap', 'switch', 'exchange', 'interchange', 'trade', 'have', 'duplicate', 'copy', 'clone', 'replicate', 'make', 'add', 'align', 'line', 'square', 'centre', 'center', 'point', 'orient', 'face', 'give', 'flip', 'push']);

// ---------- numbers ----------

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
export function numberWords(n: number): string | null {
  if (!Number.isInteger(n) || n < 1 || n > 199) return null;
  if (n >= 100) return n === 100 ? 'a hundred' : null;
  if (n < 20) return ONES[n]!;
  return n % 10 === 0 ? TENS[n / 10]! : `${TENS[Math.floor(n / 10)]} ${ONES[n % 10]}`;
}

/** A rendered amount: words before the number, the number's words, words after. */
interface AmountText {
  before: string;
  number: string | null;
  after: string;
  unit: UnitClass;
  value: number;
}

function lengthAmount(rng: Random): AmountText {
  const u = rng.pick<UnitClass>(['cm', 'cm', 'cm', 'm', 'm', 'ft', 'in', 'mm', 'bit', 'bit']);
  const lead = rng.pick(['', '', '', 'about ', 'around ', 'roughly ', 'approximately ', 'some ', 'maybe ', 'just ']);
  const num = (n: number) => (rng.chance(0.2) ? (numberWords(n) ?? String(n)) : String(n));
  switch (u) {
    case 'cm': {
      const n = rng.pick([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 60, 70, 75, 80, 90, 100, 120, 150]);
      return { before: lead, number: num(n), after: rng.pick([' cm', 'cm', ' centimetres', ' centimeters', ' cms', ' centimetre']), unit: u, value: n };
    }
    case 'm': {
      const n = rng.pick([0.5, 1, 1, 1.5, 2, 0.3, 0.75, 1.2, 2.5, 0.25]);
      if (n === 0.5 && rng.chance(0.5)) return { before: lead, number: rng.pick(['half a', 'half of a']), after: rng.pick([' metre', ' meter']), unit: u, value: n };
      if (n === 1 && rng.chance(0.5)) return { before: lead, number: rng.pick(['a', 'one']), after: rng.pick([' metre', ' meter']), unit: u, value: n };
      if (n === 1.5 && rng.chance(0.4)) return { before: lead, number: 'one and a half', after: rng.pick([' metres', ' meters']), unit: u, value: n };
      if (n === 0.25 && rng.chance(0.5)) return { before: lead, number: 'a quarter of a', after: ' metre', unit: u, value: n };
      return { before: lead, number: String(n), after: rng.pick([' m', 'm', ' metres', ' meters', ' metre', ' meter', ' mtrs']), unit: u, value: n };
    }
    case 'ft': {
      const n = rng.pick([1, 2, 3, 4, 5]);
      if (n === 1 && rng.chance(0.5)) return { before: lead, number: rng.pick(['a', 'one']), after: ' foot', unit: u, value: n };
      return { before: lead, number: num(n), after: rng.pick([' ft', 'ft', ' feet', ' foot']), unit: u, value: n };
    }
    case 'in': {
      const n = rng.pick([2, 3, 4, 6, 8, 10, 12]);
      return { before: lead, number: num(n), after: rng.pick([' inches', ' inch', ' in']), unit: u, value: n };
    }
    case 'mm': {
      const n = rng.pick([50, 100, 150, 200, 250, 300, 500]);
      return { before: lead, number: String(n), after: rng.pick([' mm', 'mm', ' millimetres', ' millimeters']), unit: u, value: n };
    }
    default:
      return { before: rng.pick(['a bit', 'a little', 'slightly', 'a touch', 'a tad', 'a smidge', 'just a bit', 'a little bit', 'somewhat', 'a wee bit', 'ever so slightly']), number: null, after: '', unit: 'bit', value: 0 };
  }
}

function turnAmount(rng: Random): AmountText {
  const r = rng.next();
  if (r < 0.62) {
    const n = rng.pick([5, 10, 15, 20, 30, 45, 45, 60, 90, 90, 90, 120, 135, 180, 180, 270]);
    const words = numberWords(n);
    return { before: rng.pick(['', '', 'by ', 'about ']), number: words && rng.chance(0.2) ? words : String(n), after: rng.pick([' degrees', ' degrees', '°', ' deg', ' degree', ' degs']), unit: 'deg', value: n };
  }
  if (r < 0.78) return { before: rng.pick(['a quarter turn', 'a quarter of a turn', 'quarter turn', 'a quarter-turn', 'by a quarter turn']), number: null, after: '', unit: 'quarter_turn', value: 90 };
  if (r < 0.93) return { before: rng.pick(['half a turn', 'a half turn', 'around', 'round', 'the other way', 'a half-turn']), number: null, after: '', unit: 'half_turn', value: 180 };
  return { before: rng.pick(['a bit', 'a little', 'slightly', 'a touch']), number: null, after: '', unit: 'bit', value: 15 };
}

// ---------- object phrases ----------

interface Phrase {
  text: string;
  /** The object this phrase names. */
  id: number;
  /** "it", "this": the phrase uses the selection slot. */
  selected: boolean;
}

function namesOf(category: string): string[] {
  const canon = canonicalCategory(category);
  const plain = category.toLowerCase().replace(/[_-]+/g, ' ');
  const names = new Set([plain, canon, ...(SYNONYMS[canon] ?? [])]);
  return [...names].filter((n) => n !== '');
}

class Namer {
  readonly objects: QaObject[];
  constructor(
    readonly doc: LayoutDocument,
    readonly rng: Random,
  ) {
    this.objects = qaObjectsOf(doc);
  }

  /** Does `ref` ground to exactly `id` (with this selection)? */
  picks(ref: ObjectRef, id: number, selection: readonly number[] = []): boolean {
    const r = groundQuery({ kind: 'size', target: ref, dimension: 'all' }, { objects: this.objects, selection });
    return r.kind === 'query' && r.query.kind === 'size' && r.query.target === id;
  }

  private catRef(name: string, attributes: Attribute[] = []): ObjectRef {
    return { kind: 'category', phrase: name, category: canonicalCategory(name), attributes };
  }

  /** A plain name that picks this object alone ("the couch"), or null. */
  plain(id: number): string | null {
    const o = this.doc.objects.find((x) => x.id === id)!;
    const names = namesOf(o.category).filter((n) => this.picks(this.catRef(n), id));
    return names.length ? this.rng.pick(names) : null;
  }

  /** A phrase for the object: plain, by attribute, by a nearby object, or the selection (when allowed). */
  phrase(id: number, allowSelection: boolean, exclude: readonly number[] = []): Phrase | null {
    const rng = this.rng;
    const o = this.doc.objects.find((x) => x.id === id)!;
    const det = () => rng.pick(['the ', 'the ', 'the ', 'the ', 'that ', 'this ', 'my ', '']);
    const names = namesOf(o.category);
    const options: Array<() => Phrase | null> = [];
    const plain = this.plain(id);
    if (plain) options.push(() => ({ text: `${det()}${plain}`, id, selected: false }), () => ({ text: `the ${plain}`, id, selected: false }));
    // Size and colour.
    for (const size of ['small', 'big'] as const) {
      const name = rng.pick(names);
      if (this.picks(this.catRef(name, [{ kind: 'size', size }]), id)) {
        const word = rng.pick(SIZE_TEXT[size]);
        const base = size === 'small' ? rng.pick(['small', 'little', 'tiny']) : rng.pick(['big', 'large', 'huge']);
        options.push(() => ({ text: rng.chance(0.75) ? `the ${word} ${name}` : `the ${name} that is ${base}`, id, selected: false }));
      }
    }
    if (o.color) {
      const colour = colorName(o.color);
      const name = rng.pick(names);
      if (this.picks(this.catRef(name, [{ kind: 'color', color: colour }]), id)) {
        const word = rng.pick(COLOUR_TEXT[colour] ?? [colour]);
        options.push(() => ({ text: rng.chance(0.75) ? `the ${word} ${name}` : `the ${name} that is ${word}`, id, selected: false }));
      }
    }
    // "the chair by the window", "the chair that is next to the bed".
    const anchors = this.objects
      .filter((a) => a.id !== id && !exclude.includes(a.id))
      .sort((a, b) => Math.hypot(a.centroid[0] - o.pose.center[0], a.centroid[1] - o.pose.center[1]) - Math.hypot(b.centroid[0] - o.pose.center[0], b.centroid[1] - o.pose.center[1]))
      .slice(0, 3);
    for (const a of anchors) {
      const anchorName = this.plain(a.id);
      if (!anchorName) continue;
      const name = rng.pick(names);
      const ref = this.catRef(name, [{ kind: 'near', anchor: this.catRef(anchorName) }]);
      if (!this.picks(ref, id)) continue;
      const near = rng.pick(['by', 'near', 'next to', 'beside', 'close to', 'by', 'near']);
      // In a clause, "on / under / behind the desk" says where it is now, which the grounding reads as "nearest the desk".
      const where = rng.pick(['by', 'near', 'next to', 'beside', 'on', 'under', 'behind', 'in front of', 'against']);
      options.push(() => {
        const form = rng.pick([
          `the ${name} ${near} the ${anchorName}`,
          `the ${name} that is ${where} the ${anchorName}`,
          `the ${name} which is ${where} the ${anchorName}`,
          `the ${name} ${rng.pick(['standing', 'sitting', 'located', 'right'])} ${near} the ${anchorName}`,
          `the ${name} that sits ${where} the ${anchorName}`,
          `the ${name} that's ${where} the ${anchorName}`,
          `the ${name} currently ${where} the ${anchorName}`,
          `the ${name} closest to the ${anchorName}`,
          `the ${name} nearest the ${anchorName}`,
        ]);
        return { text: form, id, selected: false };
      });
      break;
    }
    if (allowSelection) {
      const cat = rng.pick(names);
      options.push(() => ({ text: rng.pick(['it', 'this', 'that', 'this one', 'that one', 'the selected one', 'the selected object', 'the selection', `this ${cat}`, `that ${cat}`]), id, selected: true }));
    }
    if (options.length === 0) return null;
    // Plain names dominate where they exist, as in real use.
    const choice = plain && rng.chance(0.55) ? options[rng.int(0, 1)]! : rng.pick(options);
    return choice();
  }
}

const DOUBLE = new Set(['put', 'set', 'get', 'drop', 'swap', 'stick', 'pop', 'scoot', 'shove', 'tuck', 'spin', 'pivot', 'trade', 'clone', 'line', 'square', 'place']);
function gerund(verb: string): string {
  if (['put', 'set', 'get', 'drop', 'swap', 'pop', 'spin'].includes(verb)) return `${verb}${verb.slice(-1)}ing`;
  if (DOUBLE.has(verb) && verb.endsWith('e')) return `${verb.slice(0, -1)}ing`;
  if (/[^e]e$/.test(verb)) return `${verb.slice(0, -1)}ing`;
  return `${verb}ing`;
}

// ---------- typos and casing ----------

const KEYS = 'qwertyuiopasdfghjklzxcvbnm';
function typo(word: string, rng: Random): string {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return word;
  const i = rng.int(1, word.length - 2);
  switch (rng.int(0, 3)) {
    case 0:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + word[i] + word.slice(i);
    default:
      return word.slice(0, i) + rng.pick([...KEYS]) + word.slice(i + 1);
  }
}

export function roughen(text: string, rng: Random): string {
  if (!text) return text;
  let t = text;
  if (rng.chance(0.2)) {
    const words = t.split(' ');
    const n = rng.int(1, 2);
    for (let k = 0; k < n; k++) {
      const i = rng.int(0, words.length - 1);
      words[i] = words[i] === 'the' && rng.chance(0.5) ? rng.pick(['teh', 'hte', 'th']) : typo(words[i]!, rng);
    }
    t = words.join(' ');
  }
  return t;
}

// ---------- instruction shapes ----------

interface Plan {
  intent: Intent;
  target: Phrase;
  relation: LayoutRelation | null;
  /** Reference slot: an object phrase, or room / wall / none. */
  reference: Phrase | 'room' | 'wall' | null;
  reference2: Phrase | null;
  direction: MoveDirection | null;
  frame: 'object' | 'viewer';
  amount: AmountText | null;
  sense: 'ccw' | 'cw';
}

/** Text pieces in order; the one marked `number` is the amount's span. Others get typos. */
type Piece = { text: string; number?: true; keep?: true };

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function amountPieces(a: AmountText): Piece[] {
  return a.number === null ? [{ text: a.before, keep: true }] : [{ text: a.before }, { text: a.number, number: true }, { text: a.after, keep: true }];
}

function render(plan: Plan, rng: Random): Piece[] {
  const T = plan.target.text;
  const R = plan.reference && typeof plan.reference === 'object' ? plan.reference.text : '';
  const R2 = plan.reference2?.text ?? '';
  const V = () => rng.pick(MOVE_VERBS);
  const A = plan.amount;
  const amt = (): Piece[] => (A ? amountPieces(A) : []);
  const sp = (s: string): Piece => ({ text: s });
  const withAmountAfter = (core: Piece[]): Piece[] => {
    if (!A) return core;
    const style = rng.int(0, 4);
    if (style === 0) return [...core, sp(' by '), ...amt()];
    if (style === 1) return [...core, sp(', '), ...amt(), sp(rng.pick([' away', ' apart', ' away from it', '', ' gap', ' of space', ' off']))];
    if (style === 2 && A.unit !== 'bit') return [...core, sp(rng.pick([' with ', ' leaving '])), ...amt(), sp(rng.pick([' of space', ' of clearance', ' of gap', ' gap', ' between them']))];
    return [...core, sp(' '), ...amt()];
  };
  switch (plan.intent) {
    case 'remove': {
      const forms = [
        () => `${rng.pick(['remove', 'delete', 'get rid of', 'take away', 'take out', 'throw away', 'throw out', 'discard', 'ditch', 'erase', 'lose', 'eliminate', 'clear away'])} ${T}${rng.pick(['', '', ' from the room', ' from the scene', ' out of the layout'])}`,
        () => `${rng.pick(['take', 'get', 'carry'])} ${T} out of the room`,
        () => `${T} ${rng.pick(['has to go', 'should be removed', 'must go', 'can go', 'needs to go', 'should disappear', 'is not needed'])}`,
        () => `${rng.pick(["we don't need", 'i do not want', "i don't want", 'no more'])} ${T}${rng.pick(['', ' anymore', ' here'])}`,
        () => `${rng.pick(['removing', 'deleting', 'getting rid of'])} ${T}`,
      ];
      return [sp(rng.pick(forms)())];
    }
    case 'swap': {
      const forms = [
        () => `${rng.pick(['swap', 'switch', 'exchange', 'interchange', 'trade'])} ${T} ${rng.pick(['and', 'with', 'and', 'for'])} ${R2}`,
        () => `${rng.pick(['swap', 'switch', 'exchange'])} the ${rng.pick(['positions', 'places', 'spots'])} of ${T} and ${R2}`,
        () => `trade places between ${T} and ${R2}`,
        () => `${T} and ${R2} should ${rng.pick(['switch places', 'trade places', 'swap', 'swap places', 'change places'])}`,
        () => `have ${T} and ${R2} ${rng.pick(['trade places', 'switch spots', 'swap positions'])}`,
        () => `put ${T} where ${R2} is and ${R2.replace(/^the /, 'the ')} where ${T} is`,
        () => `${rng.pick(['swap', 'switch'])} ${T} and ${R2} around`,
      ];
      return [sp(rng.pick(forms)())];
    }
    case 'rotate': {
      const senseWords = plan.sense === 'cw' ? ['clockwise', 'to the right', 'cw', 'rightwards'] : ['counterclockwise', 'counter-clockwise', 'anticlockwise', 'anti-clockwise', 'to the left', 'ccw', 'leftwards'];
      const sense = plan.sense === 'cw' || rng.chance(0.35) ? ` ${rng.pick(senseWords)}` : '';
      const RV = rng.pick(ROTATE_VERBS);
      const a = amt();
      if (A!.unit === 'half_turn' && /^(?:around|round)$/.test(A!.before)) {
        return [sp(rng.pick([`${rng.pick(['turn', 'spin', 'flip', 'rotate'])} ${T} ${A!.before}`, `${T} should be turned ${A!.before}`, `${rng.pick(['turn', 'spin'])} ${T} all the way ${A!.before}`]))];
      }
      const forms: Array<() => Piece[]> = [
        () => [sp(`${RV} ${T} `), ...a, sp(sense)],
        () => [sp(`${RV} ${T} by `), ...a, sp(sense)],
        () => [sp(`${T} should be ${rng.pick(['rotated', 'turned'])} `), ...a, sp(sense)],
        () => [sp(`${RV} `), ...a, sp(`${sense} ${T}`)],
        () => [sp(`give ${T} `), ...a, sp(sense)],
        () => [sp(`can ${T} be ${rng.pick(['rotated', 'turned'])} `), ...a, sp(sense)],
        () => [sp(`${T}: ${RV} it `), ...a, sp(sense)],
      ];
      const f = A!.unit === 'deg' || A!.unit === 'bit' ? rng.pick(forms) : rng.pick([forms[0]!, forms[2]!, forms[4]!]);
      return f();
    }
    case 'move': {
      const d = plan.direction!;
      const viewer = plan.frame === 'viewer';
      const dirWords: Record<MoveDirection, string[]> = viewer
        ? { left: ['to my left', 'left from my point of view', 'to the left as i see it', 'left from where i stand'], right: ['to my right', 'right from my point of view', 'to the right as i see it', 'right from here'], forward: ['away from me', 'further from me', 'forward from my view'], backward: ['towards me', 'toward me', 'closer to me', 'back toward me'] }
        : { left: ['to the left', 'left', 'leftwards', 'over to the left', 'to the left side', 'towards the left'], right: ['to the right', 'right', 'rightwards', 'over to the right', 'to the right side', 'to the right-hand side'], forward: ['forward', 'forwards', 'ahead', 'to the front', 'frontwards'], backward: ['back', 'backward', 'backwards', 'further back', 'to the back', 'farther back'] };
      const dir = rng.pick(dirWords[d]);
      const forms: Array<() => Piece[]> = [
        () => [sp(`${V()} ${T} `), ...amt(), sp(`${A ? ' ' : ''}${dir}`)],
        () => [sp(`${V()} ${T} ${dir}`), ...(A ? [sp(rng.pick([' by ', ' ', ', '])), ...amt()] : [])],
        () => [sp(`${T} ${rng.pick(['should go', 'needs to go', 'could go', 'goes', 'should move'])} `), ...amt(), sp(`${A ? ' ' : ''}${dir}`)],
        () => [sp(`${T}, ${V()} it `), ...amt(), sp(`${A ? ' ' : ''}${dir}`)],
        () => [sp(`${V()} `), ...amt(), sp(`${A ? ' ' : ''}${dir}, ${T}`)],
        () => [sp(`${T} `), ...amt(), sp(`${A ? ' ' : ''}${dir}`)],
      ];
      return rng.pick(forms)();
    }
    case 'duplicate':
    case 'place': {
      const rel = plan.relation;
      const dup = plan.intent === 'duplicate';
      const catName = plan.target.selected ? 'copy of it' : T.replace(/^(?:the|this|that|my)\s+/, '');
      if (dup && !rel) {
        return [sp(rng.pick([`${rng.pick(['duplicate', 'copy', 'clone', 'replicate', 'make a copy of', 'make a duplicate of'])} ${T}`, `add ${rng.pick(['another', 'one more', 'a second'])} ${catName}`, `i need ${rng.pick(['another', 'a second', 'one more'])} ${catName}`, `${T} ${rng.pick(['needs a twin', 'should be duplicated', 'should be copied'])}`]))];
      }
      const where = relationPhrase(plan, rng, R, R2);
      const lead: Array<() => Piece[]> = dup
        ? [
            () => [sp(`${rng.pick(['duplicate', 'copy', 'clone'])} ${T} and ${rng.pick(['put', 'place', 'set', 'move'])} ${rng.pick(['it', 'the copy', 'the new one', 'the duplicate'])} `)],
            () => [sp(`${rng.pick(['put', 'place', 'add'])} ${rng.pick(['a copy of', 'a duplicate of'])} ${T} `)],
            () => [sp(`add ${rng.pick(['another', 'one more', 'a second'])} ${catName} `)],
            () => [sp(`make a copy of ${T} and ${rng.pick(['put', 'stand', 'place'])} it `)],
          ]
        : [
            () => [sp(`${V()} ${T} `)],
            () => [sp(`${V()} ${T} `)],
            () => [sp(`${T} ${rng.pick(['should go', 'should be', 'goes', 'belongs', 'needs to be', 'has to be', 'would look better', 'should sit', 'should stand', 'could go', 'must be'])} `)],
            () => [sp(`${rng.pick(['i want', "i'd like", 'i would like', 'i need', 'i prefer'])} ${T} `)],
            () => [sp(`${rng.pick(['i want', "i'd like", 'i would love'])} ${T} to ${rng.pick(['be', 'go', 'sit', 'end up'])} `)],
            () => [sp(`${rng.pick(['can', 'could'])} ${T} ${rng.pick(['go', 'be moved', 'be placed'])} `)],
            () => [sp(`${T}, ${V()} it `)],
            () => [sp(`${V()} ${T} so ${rng.pick(['that it is', 'it is', "it's", 'it sits', 'it ends up'])} `)],
            () => [sp(`take ${T} and ${rng.pick(['put', 'move', 'place'])} it `)],
            () => [sp(`take ${T} off ${rng.pick(['the floor', 'there', 'its spot'])} and ${rng.pick(['put', 'set', 'place'])} it `)],
            () => [sp(`let's have ${T} `)],
            () => [sp(`make sure ${T} is `)],
            () => [sp(`${rng.pick(['moving', 'putting', 'placing', 'how about moving'])} ${T} `)],
            () => [sp(`${T} `)],
            () => [sp(`${T} `)],
            () => [sp(`${T} `)],
          ];
      // Relations read with their own verbs.
      if (!dup && rel === 'facing') {
        return withAmountAfter([sp(rng.pick([`${rng.pick(['turn', 'rotate', 'spin', 'swivel'])} ${T} to face ${R}`, `make ${T} face ${R}`, `${T} should face ${R}`, `${rng.pick(['turn', 'rotate'])} ${T} so ${rng.pick(['it faces', 'that it faces', 'it is facing'])} ${R}`, `point ${T} ${rng.pick(['at', 'towards', 'toward'])} ${R}`, `orient ${T} towards ${R}`, `have ${T} facing ${R}`, `${T} should look at ${R}`, `face ${T} towards ${R}`, `${rng.pick(['turn', 'rotate'])} ${T} until it faces ${R}`, `i want ${T} to face ${R}`]))]);
      }
      if (!dup && rel === 'facing_away') {
        return [sp(rng.pick([`make ${T} face away from ${R}`, `${T} should face away from ${R}`, `${rng.pick(['turn', 'rotate'])} ${T} so ${rng.pick(['it faces', 'its back is to'])} ${rng.pick(['away from ', ''])}${R}`.replace('its back is to away from ', 'its back is to '), `point ${T} away from ${R}`, `${rng.pick(['turn', 'rotate'])} ${T} to face away from ${R}`, `have ${T} facing away from ${R}`]))];
      }
      if (!dup && rel === 'aligned_with' && rng.chance(0.6)) {
        return [sp(rng.pick([`align ${T} with ${R}`, `line ${T} up with ${R}`, `line up ${T} with ${R}`, `square ${T} up with ${R}`, `make ${T} flush with ${R}`, `${T} should line up with ${R}`, `align ${T} to ${R}`]))];
      }
      if (!dup && rel === 'centred_on' && rng.chance(0.5)) {
        return [sp(`${rng.pick(['centre', 'center'])} ${T} ${plan.reference === 'room' ? rng.pick(['in the room', 'in the middle of the room', 'in the space']) : `${rng.pick(['on', 'under', 'with'])} ${R}`}`)];
      }
      if (!dup && rel === 'against_wall' && rng.chance(0.25)) {
        return [sp(`${rng.pick(['push', 'move', 'put', 'shove', 'slide'])} ${T} ${where}`)];
      }
      // Fronted place: "next to the bed, put the lamp".
      if (!dup && rng.chance(0.08)) return withAmountAfter([sp(`${where}, ${rng.pick(['put', 'place', 'i want'])} ${T}`)]);
      const head = rng.pick(lead)();
      if (A && rng.chance(0.4) && rel !== 'between') return [...head, ...amt(), sp(` ${where}`)];
      return withAmountAfter([...head, sp(where)]);
    }
  }
}

function relationPhrase(plan: Plan, rng: Random, R: string, R2: string): string {
  const rel = plan.relation!;
  const viewer = plan.frame === 'viewer' ? rng.pick([' from my point of view', ' as i see it', ' from where i stand', ' from here', ' from my view', ' from my perspective']) : '';
  switch (rel) {
    case 'against_wall':
      return plan.reference && typeof plan.reference === 'object'
        ? `${rng.pick(['against', 'up against', 'flush against', 'along'])} the wall ${rng.pick(['by', 'near', 'next to', 'behind', 'closest to'])} ${R}`
        : `${rng.pick(['against', 'up against', 'flush against', 'along', 'against'])} ${rng.pick(['the wall', 'the wall', 'a wall', 'the nearest wall', 'the closest wall', 'the walls'])}`;
    case 'in_corner': {
      const c = `${rng.pick(['in', 'into', 'to'])} ${rng.pick(['the', 'a', 'the'])} corner`;
      return plan.reference && typeof plan.reference === 'object' ? `${c} ${rng.pick(['by', 'near', 'next to', 'closest to'])} ${R}` : `${c}${rng.pick(['', '', ' of the room'])}`;
    }
    case 'between':
      return `${rng.pick(['between', 'in between', 'midway between', 'halfway between'])} ${R} and ${R2}`;
    case 'centred_on':
      return plan.reference === 'room' ? rng.pick(['in the middle of the room', 'in the centre of the room', 'in the center of the room', 'at the centre of the room', 'centred in the room']) : `${rng.pick(['centred on', 'centered on', 'centred under', 'in the middle of', 'in the centre of', 'centered under'])} ${R}`;
    case 'aligned_with':
      return `${rng.pick(['in line with', 'lined up with', 'aligned with', 'flush with'])} ${R}`;
    case 'facing':
      return `facing ${R}`;
    case 'facing_away':
      return `facing away from ${R}`;
    default: {
      if (plan.frame === 'viewer' && (rel === 'left_of' || rel === 'right_of') && rng.chance(0.4)) return `${rel === 'left_of' ? 'to my left of' : 'to my right of'} ${R}`.replace(/to my (left|right) of/, 'to the $1 of') + viewer;
      return `${rng.pick(RELATION_WORDS[rel]!)} ${R}${viewer}`;
    }
  }
}

// ---------- sampling ----------

const PLACE_RELATIONS: Array<[LayoutRelation, number]> = [
  ['left_of', 8],
  ['right_of', 8],
  ['in_front_of', 7],
  ['behind', 7],
  ['next_to', 10],
  ['against_wall', 6],
  ['in_corner', 5],
  ['on_top_of', 8],
  ['under', 4],
  ['between', 6],
  ['facing', 6],
  ['facing_away', 3],
  ['centred_on', 4],
  ['aligned_with', 4],
  ['toward', 6],
  ['away_from', 5],
];
const INTENT_WEIGHTS: Array<[Intent, number]> = [
  ['place', 52],
  ['move', 14],
  ['rotate', 12],
  ['swap', 7],
  ['remove', 7],
  ['duplicate', 8],
];
const AMOUNT_RELATIONS = new Set<LayoutRelation>(['left_of', 'right_of', 'in_front_of', 'behind', 'next_to', 'toward', 'away_from']);
const SIDE_RELATIONS = new Set<LayoutRelation>(['left_of', 'right_of', 'in_front_of', 'behind']);

function weighted<T>(rng: Random, items: ReadonlyArray<[T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [v, w] of items) if ((r -= w) < 0) return v;
  return items[items.length - 1]![0];
}

/**
 * Text that asks for no layout edit: vague wishes, questions (some with relation words), other
 * commands, remarks; objects of the room are named so that naming one is not mistaken for an edit.
 */
function noEditText(doc: LayoutDocument, rng: Random, namer: Namer): string | null {
  const pickName = () => {
    const o = rng.pick(doc.objects);
    return namer.plain(o.id) ?? o.category.toLowerCase();
  };
  const T = `the ${pickName()}`;
  const R = `the ${pickName()}`;
  const forms = [
    () => rng.pick(['make the room nicer', 'make it look better', 'tidy up the room', 'make the room cozier', 'improve the layout', 'i do not like this layout', 'this room is a mess', 'rearrange everything', 'make more space', 'surprise me', 'do something nice with the room', 'make it feel bigger']),
    () => rng.pick(['thanks', 'thank you', 'ok', 'hello', 'hi there', 'never mind', 'cool', 'great job', 'hmm', 'no', 'yes please', 'undo that', 'undo', 'redo', 'save the scene', 'export the layout as ply', 'reset the view', 'open the last scene', 'zoom out', 'show the walls']),
    // Questions the QA engine answers are question classes (synth-questions.ts); these it does not.
    () => `${rng.pick(['what colour is', 'what color is', 'which way does', 'who put', 'why is', 'when was'])} ${T}${rng.pick(['?', '', ' facing?'])}`.replace(/(which way does .+) facing\?/, '$1 face?'),
    () => `${rng.pick(['select', 'show me', 'highlight', 'zoom to', 'hide', 'focus on', 'label', 'measure', 'look at'])} ${T}`,
    () => `${T} ${rng.pick(['looks great', 'is fine where it is', 'is nice', 'is ugly', 'is too big', 'looks old', 'stays where it is', 'is perfect'])}`,
    () => `${rng.pick(['i like', 'i love', 'i hate', 'nice', 'what a nice', 'leave'])} ${T}${rng.pick(['', ' where it is', ' alone', ' as it is'])}`,
    () => `${T} and ${R}`,
    () => T,
  ];
  return rng.pick(forms)();
}

/**
 * One example for the room, or null when the draw leaves nothing nameable (the caller draws again).
 * `questionShare` of the draws are typed questions (synth-questions.ts), the rest edits / no edit.
 */
export function synthExample(doc: LayoutDocument, tok: LayoutTokenizer, rng: Random, namer = new Namer(doc, rng), questionShare = 0): SynthExample | null {
  const movable = doc.objects.filter((o) => o.movable);
  if (movable.length === 0 || doc.objects.length < 2) return null;
  if (questionShare > 0 && rng.chance(questionShare)) return synthQuestion(doc, tok, rng, namer);
  if (rng.chance(0.07)) {
    let text = noEditText(doc, rng, namer);
    if (!text) return null;
    text = roughen(text, rng);
    if (rng.chance(0.3)) text = capitalise(text);
    const enc = encodeText(tok, text);
    if (enc.ids.length >= MAX_TOKENS) return null;
    return { text, tokens: enc.ids, selection: [], labels: { intent: NO_EDIT, target: IGNORE, reference: IGNORE, reference2: IGNORE, relation: IGNORE, direction: IGNORE, frame: IGNORE, unit: IGNORE, sense: IGNORE, span: [IGNORE, IGNORE] } };
  }
  const intent = weighted(rng, INTENT_WEIGHTS);
  const targetObj = rng.pick(movable);
  const useSelection = rng.chance(0.08);
  const target = namer.phrase(targetObj.id, useSelection);
  if (!target) return null;
  const others = (exclude: number[]) => doc.objects.filter((o) => !exclude.includes(o.id));
  const plan: Plan = { intent, target, relation: null, reference: null, reference2: null, direction: null, frame: 'object', amount: null, sense: 'ccw' };
  const refPhrase = (exclude: number[]) => {
    const pool = others(exclude);
    if (pool.length === 0) return null;
    return namer.phrase(rng.pick(pool).id, false, exclude);
  };
  switch (intent) {
    case 'remove':
      break;
    case 'swap': {
      plan.reference2 = refPhrase([targetObj.id, ...doc.objects.filter((o) => !o.movable).map((o) => o.id)]);
      if (!plan.reference2) return null;
      break;
    }
    case 'rotate':
      plan.amount = turnAmount(rng);
      plan.sense = rng.chance(0.4) ? 'cw' : 'ccw';
      break;
    case 'move':
      plan.direction = rng.pick(['left', 'right', 'forward', 'backward'] as const);
      plan.frame = rng.chance(0.08) ? 'viewer' : 'object';
      plan.amount = rng.chance(0.75) ? lengthAmount(rng) : null;
      break;
    case 'place':
    case 'duplicate': {
      if (intent === 'duplicate' && rng.chance(0.35)) break;
      const rel = weighted(rng, PLACE_RELATIONS);
      plan.relation = rel;
      if (rel === 'against_wall' || rel === 'in_corner') {
        if (rng.chance(0.25)) {
          const r = refPhrase([targetObj.id]);
          if (!r) return null;
          plan.reference = r;
        } else plan.reference = rel === 'against_wall' ? 'wall' : null;
      } else if (rel === 'centred_on' && rng.chance(0.5)) plan.reference = 'room';
      else {
        const r = refPhrase([targetObj.id]);
        if (!r) return null;
        plan.reference = r;
        if (rel === 'between') {
          plan.reference2 = refPhrase([targetObj.id, r.id]);
          if (!plan.reference2) return null;
        }
      }
      if (SIDE_RELATIONS.has(rel) && rng.chance(0.06)) plan.frame = 'viewer';
      if (AMOUNT_RELATIONS.has(rel) && rng.chance(0.4)) plan.amount = lengthAmount(rng);
      break;
    }
  }
  // Render; typos go everywhere except the number and its unit.
  const pieces = render(plan, rng);
  const polite = rng.chance(0.45);
  // Polite heads go before commands only ("could you move …", not "could you the lamp should …").
  const first = pieces[0]?.text.trim().split(/\s+/)[0] ?? '';
  const imperative = COMMAND_STARTS.has(first);
  let head = polite && imperative && rng.chance(0.6) ? rng.pick(POLITE_HEAD) : '';
  // "would you mind pushing …", "how about moving …": the verb becomes a gerund.
  if (imperative && (head === 'would you mind ' || (polite && !head && rng.chance(0.15)))) {
    head = head || rng.pick(['would you mind ', 'how about ', 'what about ', 'do you mind ']);
    pieces[0] = { ...pieces[0]!, text: pieces[0]!.text.replace(/^\s*(\w+)/, (w) => gerund(w.trim())) };
  }
  const tail = polite && !head ? rng.pick(POLITE_TAIL) : rng.chance(0.1) ? rng.pick(POLITE_TAIL) : '';
  const all: Piece[] = [{ text: head }, ...pieces, { text: tail + rng.pick(ENDINGS) }];
  let text = '';
  // The tokenizer ignores case and spacing, so the raw text before the number gives its first token.
  let before: string | null = null;
  let numberText = '';
  for (const p of all) {
    const t = p.number || p.keep ? p.text : roughen(p.text, rng);
    if (p.number) {
      before = text;
      numberText = t;
    }
    text += t;
  }
  text = text.replace(/\s+/g, ' ').trim();
  if (rng.chance(0.3)) text = capitalise(text);
  else if (rng.chance(0.03)) text = text.toUpperCase();
  const enc = encodeText(tok, text);
  if (enc.ids.length >= MAX_TOKENS) return null;
  let span: [number, number] = [IGNORE, IGNORE];
  if (before !== null) {
    const start = tok.encode(before).ids.length - 1;
    const len = tok.encode(numberText).ids.length - 2;
    span = [start, start + len - 1];
    if (enc.tokens.slice(start, start + len).join(' ') !== tok.encode(numberText).tokens.slice(1, -1).join(' ')) return null;
  }
  const index = new Map(doc.objects.map((o, i) => [o.id, i]));
  const m = doc.objects.length;
  const refSlot =
    plan.reference === null
      ? m + REFERENCE_EXTRA.indexOf('none')
      : plan.reference === 'room'
        ? m + REFERENCE_EXTRA.indexOf('room')
        : plan.reference === 'wall'
          ? m + REFERENCE_EXTRA.indexOf('wall')
          : index.get(plan.reference.id)!;
  const selection = target.selected ? [index.get(target.id)!] : [];
  const relevantSense = intent === 'rotate' && plan.amount?.unit !== 'half_turn';
  return {
    text,
    tokens: enc.ids,
    selection,
    labels: {
      intent: INTENTS.indexOf(intent),
      target: index.get(targetObj.id)!,
      reference: refSlot,
      reference2: plan.reference2 ? index.get(plan.reference2.id)! : m,
      relation: RELATION_CLASSES.indexOf(plan.relation ?? 'none'),
      direction: DIRECTION_CLASSES.indexOf(plan.direction ?? 'none'),
      frame: plan.frame === 'viewer' ? 1 : 0,
      unit: UNIT_CLASSES.indexOf(plan.amount?.unit ?? 'none'),
      sense: relevantSense ? SENSE_CLASSES.indexOf(plan.sense) : IGNORE,
      span,
    },
  };
}

/** The value an example's amount stands for (metres or degrees), for tests: null when it has none. */
export function labelledAmount(ex: SynthExample, tokens: readonly string[]): { unit: UnitClass; numberTokens: string[] } | null {
  const unit = UNIT_CLASSES[ex.labels.unit]!;
  if (unit === 'none') return null;
  const [s, e] = ex.labels.span;
  return { unit, numberTokens: s < 0 ? [] : tokens.slice(s, e + 1) };
}

export { Namer };
