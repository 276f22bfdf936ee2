// The grammar parser for layout instructions: the fallback that always runs when no language model
// is loaded. Normalise (case, punctuation, politeness, contractions, relative clauses), fix typos
// against the words it knows, take out amounts and turns, then match the intent's pattern and split
// target / relation / reference at the relation words. Object phrases go through the QA parser's
// parseObjectPhrase, so "the small table by the window" and "it" mean what they mean in questions.
import { COLOR_WORDS, SIZE_WORDS, canonicalCategory } from '../../qa/ask/lexicon';
import { parseObjectPhrase, SelectionSlots } from '../../qa/ask/phrase';
import type { ObjectRef } from '../../qa/ask/types';
import type { Frame, LayoutRelation, MoveDirection } from '../request';
import { findLength, findTurn, UNITS, type Amount } from './amount';
import { correctTypos, type Correction } from './typos';
import type { InstructionParse, Intent, ParsedInstruction, ReferencePhrase } from './types';

export interface ParseOptions {
  /** Category names of the scene, so typos in them can be fixed too. */
  categories?: readonly string[];
}

type Strength = 'strong' | 'weak';
/** Relation words; at one position the longest wins. Weak ones double as "the chair by the window" attributes. */
const RELATIONS: Array<[string, LayoutRelation, Strength]> = [
  ['to the left of', 'left_of', 'strong'],
  ['to the left side of', 'left_of', 'strong'],
  ['on the left of', 'left_of', 'strong'],
  ['on the left side of', 'left_of', 'strong'],
  ['left of', 'left_of', 'strong'],
  ['to the right of', 'right_of', 'strong'],
  ['to the right side of', 'right_of', 'strong'],
  ['on the right of', 'right_of', 'strong'],
  ['on the right side of', 'right_of', 'strong'],
  ['right of', 'right_of', 'strong'],
  ['in front of', 'in_front_of', 'strong'],
  ['ahead of', 'in_front_of', 'strong'],
  ['behind', 'behind', 'strong'],
  ['in back of', 'behind', 'strong'],
  ['at the back of', 'behind', 'strong'],
  ['to the back of', 'behind', 'strong'],
  ['next to', 'next_to', 'strong'],
  ['right next to', 'next_to', 'strong'],
  ['beside', 'next_to', 'strong'],
  ['besides', 'next_to', 'strong'],
  ['alongside', 'next_to', 'strong'],
  ['adjacent to', 'next_to', 'strong'],
  ['by the side of', 'next_to', 'strong'],
  ['near', 'next_to', 'weak'],
  ['close to', 'next_to', 'weak'],
  ['by', 'next_to', 'weak'],
  ['against', 'against_wall', 'strong'],
  ['up against', 'against_wall', 'strong'],
  ['flush against', 'against_wall', 'strong'],
  ['along', 'against_wall', 'strong'],
  ['on top of', 'on_top_of', 'strong'],
  ['onto', 'on_top_of', 'strong'],
  ['on to', 'on_top_of', 'strong'],
  ['up on', 'on_top_of', 'strong'],
  ['atop', 'on_top_of', 'strong'],
  ['on', 'on_top_of', 'weak'],
  ['under', 'under', 'strong'],
  ['underneath', 'under', 'strong'],
  ['beneath', 'under', 'strong'],
  ['below', 'under', 'strong'],
  ['between', 'between', 'strong'],
  ['in between', 'between', 'strong'],
  ['in the middle of', 'centred_on', 'strong'],
  ['in the centre of', 'centred_on', 'strong'],
  ['at the centre of', 'centred_on', 'strong'],
  ['centred on', 'centred_on', 'strong'],
  ['centred under', 'centred_on', 'strong'],
  ['aligned with', 'aligned_with', 'strong'],
  ['in line with', 'aligned_with', 'strong'],
  ['lined up with', 'aligned_with', 'strong'],
  ['flush with', 'aligned_with', 'strong'],
  ['closer to', 'toward', 'strong'],
  ['nearer to', 'toward', 'strong'],
  ['nearer', 'toward', 'strong'],
  ['towards', 'toward', 'strong'],
  ['toward', 'toward', 'strong'],
  ['away from', 'away_from', 'strong'],
  ['further from', 'away_from', 'strong'],
  ['farther from', 'away_from', 'strong'],
  ['further away from', 'away_from', 'strong'],
  ['farther away from', 'away_from', 'strong'],
  ['facing', 'facing', 'strong'],
  ['so it faces', 'facing', 'strong'],
  ['so that it faces', 'facing', 'strong'],
  ['to face', 'facing', 'strong'],
  ['facing away from', 'facing_away', 'strong'],
  ['in the corner', 'in_corner', 'strong'],
  ['into the corner', 'in_corner', 'strong'],
  ['in a corner', 'in_corner', 'strong'],
  ['into a corner', 'in_corner', 'strong'],
  ['to the corner', 'in_corner', 'strong'],
];

const MOVE_VERBS = ['move', 'put', 'place', 'set', 'shift', 'push', 'pull', 'slide', 'bring', 'drag', 'position', 'relocate', 'get', 'carry', 'nudge', 'stand', 'park', 'stick', 'pop', 'scoot', 'reposition', 'lay', 'drop', 'take', 'shove', 'tuck', 'budge', 'squeeze', 'wheel', 'lift', 'stash', 'fit', 'arrange'];
const ROTATE_VERBS = ['rotate', 'turn', 'spin', 'pivot', 'twist', 'swivel', 'revolve', 'angle'];
const GERUNDS: Record<string, string> = {
  moving: 'move',
  putting: 'put',
  placing: 'place',
  setting: 'set',
  shifting: 'shift',
  pushing: 'push',
  pulling: 'pull',
  sliding: 'slide',
  bringing: 'bring',
  dragging: 'drag',
  rotating: 'rotate',
  turning: 'turn',
  spinning: 'spin',
  swapping: 'swap',
  switching: 'switch',
  removing: 'remove',
  deleting: 'delete',
  duplicating: 'duplicate',
  copying: 'copy',
  aligning: 'align',
  centring: 'centre',
  centering: 'centre',
  relocating: 'relocate',
  nudging: 'nudge',
};

const POLITE_HEAD_WORDS = [
  'it would be great if you could',
  'i would love it if you could',
  'i would love it if you',
  'i would like you to',
  'it would be nice to',
  'i think you should',
  'would you please',
  'be so kind as to',
  'could you please',
  'i would like to',
  'would you mind',
  'can you please',
  'i want you to',
  'i need you to',
  'be a dear and',
  'how about you',
  'go ahead and',
  'do you mind',
  'please just',
  'you should',
  'i need to',
  'i want to',
  'could you',
  'would you',
  'might you',
  'we should',
  'you could',
  'will you',
  'help me',
  'perhaps',
  'alright',
  'can you',
  'try to',
  'kindly',
  'let us',
  'please',
  'maybe',
  'hello',
  'right',
  'just',
  'then',
  'okay',
  'plz',
  'yes',
  'hey',
  'pls',
  'now',
  'and',
  'uh',
  'hi',
  'ok',
  'um',
  'so',
];
/** Longest first, so "would you mind" is taken whole rather than as "would you". */
const POLITE_HEAD = new RegExp(`^(?:${POLITE_HEAD_WORDS.join('|')})\\s+`);
const POLITE_TAIL = /\s+(?:please|pls|plz|for me|if you can|if possible|if you could|if you would|thanks|thank you|thank you very much|thx|when you get a chance|would you|will you|could you|ok|okay|right now|now|real quick|as well)$/;

/** Words the typo fixer may correct to. */
function knownWords(categories: readonly string[]): Set<string> {
  const words = new Set<string>();
  const add = (phrase: string) => phrase.split(/\s+/).forEach((w) => w && words.add(w));
  for (const [w] of RELATIONS) add(w);
  for (const w of [...MOVE_VERBS, ...ROTATE_VERBS, ...Object.keys(GERUNDS), ...Object.values(GERUNDS)]) add(w);
  for (const w of Object.keys(UNITS)) add(w);
  for (const w of Object.keys(COLOR_WORDS)) add(w);
  for (const w of Object.keys(SIZE_WORDS)) add(w);
  for (const c of categories) {
    add(c.toLowerCase());
    add(canonicalCategory(c));
  }
  // Common words, so the typo fixer never "corrects" ordinary English into a grammar word (make → take).
  add(
    'zero one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty seventy eighty ninety hundred couple few make have has let get got give want need like would could should might must can will shall also just very really much more most some any all every each both either only even still again please thanks sure maybe perhaps lot way spot space area location top bottom edge end floor ceiling while when where there what which who whose they their them its itself pair new old same different else last first second third whole full up down over under far into onto with without within out off about above across after along among around before below beyond during inside outside past through until upon such than then though too look looks see seen view keep leave stay moved mind thing things stuff piece item object furniture little bit',
  );
  add(
    'the a an it this that these those one remove delete duplicate copy clone swap switch exchange align centre center room wall walls corner face faces degrees degree clockwise counterclockwise anticlockwise left right forward forwards backward backwards back ahead closer away half quarter metre meter metres meters inches bit little slightly window door other another around with and from my view here where stand camera side middle so turn towards',
  );
  return words;
}

function normalise(input: string): string {
  let t = input
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/(\d)\s*"/g, '$1 in ')
    .replace(/(\d)\s*'/g, '$1 ft ')
    .replace(/°/g, ' degrees ')
    .replace(/\bcentered\b/g, 'centred')
    .replace(/\bcenter\b/g, 'centre')
    .replace(/\b(\d+),(\d+)\b/g, '$1.$2')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/\bit's\b/g, 'it is')
    .replace(/\bthat's\b/g, 'that is')
    .replace(/\bwhat's\b/g, 'what is')
    .replace(/\bi'd\b/g, 'i would')
    .replace(/\byou'd\b/g, 'you would')
    .replace(/\blet's\b/g, 'let us')
    .replace(/\bi'm\b/g, 'i am')
    .replace(/\b(\w+)'s\b/g, '$1')
    .replace(/(?<!\d)\.(?!\d)|[,;:!?()"]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (let k = 0; k < 6; k++) {
    const before = t;
    t = t.replace(POLITE_HEAD, '').replace(POLITE_TAIL, '').trim();
    if (t === before) break;
  }
  t = t.replace(/^(\w+ing)\b/, (w) => GERUNDS[w] ?? w);
  t = imperative(t);
  // Relative clauses name the object, they do not place it: "the chair that is by the window" → "the chair by the window".
  t = t.replace(/\b(?:that|which|who)\s+(?:is|are|was|sits|stands|lies|is sitting|is standing|is currently|currently is|is right)\s+(?:right\s+)?(?:next to|by|near|beside|close to|on|under|in front of|behind|against)\b/g, 'by');
  t = t.replace(/\b(?:standing|sitting|lying|located|positioned)\s+(?:right\s+)?(?:next to|by|near|beside|close to|on|under|in front of|behind)\b/g, 'by');
  t = t.replace(/\b(?:that|which)\s+(?:is|are)\s+(red|black|white|grey|gray|blue|green|brown|yellow|small|big|large|little|tiny)\b/g, '');
  t = t.replace(/\s+(?:over|across)\s+(?=to\b)/g, ' ');
  // "right in front of", "just behind", "directly under": the adverb adds nothing a pose can honour.
  t = t.replace(/\b(?:right|just|directly|immediately|exactly|somewhere)\s+(?=(?:in front of|behind|next to|beside|by|under|underneath|on top of|against|between|above|below|in the)\b)/g, '');
  return t.replace(/\s+/g, ' ').trim();
}

/** Typos too short for the edit-distance fixer. */
const SHORT_TYPOS: Record<string, string> = { teh: 'the', hte: 'the', th: 'the', nxt: 'next', adn: 'and', ot: 'to', fo: 'of', ti: 'it', tv: 'tv' };

const SUBJECT = /^(?:i|we)\s+(?:would\s+|really\s+)?(?:want|need|like|love|prefer|wish)\s+(?:it\s+if\s+|that\s+|for\s+)?/;
const MODAL = /^(?:could|can|should|would|will|might|may)\s+(?=(?:the|this|that|it|my)\b)/;
const PREDICATE =
  /^((?:the|this|that|it|my)\b.*?)\s+(?:should|must|could|can|would|will|needs?\s+to|has\s+to|have\s+to|ought\s+to|is\s+to)?\s*(be turned|be rotated|turned|rotated|to face|face|faces|be facing|look better|be better|be placed|be moved|be put|be pushed|to be|to go|to sit|to stand|be|go|goes|sit|sits|sat|stand|stands|was|were|end up|belongs?)\s+(.+)$/;

/**
 * Declaratives and wishes to commands: "the tv should go left of the sofa", "I'd like the basket in
 * front of the rack", "could the sofa go in the corner", "the chair should face the bed", "the bowl,
 * move it a bit right", "take the cup off the table and put it on the bed".
 */
function imperative(text: string): string {
  let t = text.replace(SUBJECT, '').replace(MODAL, '');
  const dislocated = new RegExp(`^((?:the|this|that|my)\\s.+?)\\s+(${[...MOVE_VERBS, ...ROTATE_VERBS].join('|')})\\s+(?:it|them)\\b\\s*(.*)$`).exec(t);
  if (dislocated) return `${dislocated[2]} ${dislocated[1]} ${dislocated[3]}`.trim();
  const off = /^(?:take|get|lift|grab|pick up)\s+(.+?)\s+(?:off|from|out of)\s+.+?\s+and\s+(?:put|place|set|move|stand)\s+(?:it|them)\s+(.+)$/.exec(t);
  if (off) return `put ${off[1]} ${off[2]}`;
  if (t !== text || /^(?:the|this|that|it|my)\b/.test(t)) {
    const p = PREDICATE.exec(t);
    if (p) {
      const verb = p[2]!;
      if (/turned|rotated/.test(verb)) return `turn ${p[1]} ${p[3]}`;
      if (/face|facing/.test(verb)) return `make ${p[1]} face ${p[3]}`;
      return `move ${p[1]} ${p[3]}`;
    }
  }
  return t;
}

const VIEWER = /\b(?:from my (?:point of view|perspective|view|viewpoint|side)|from here|from where i (?:am|stand|sit|am standing)|as i (?:see|look at) it|as seen from here|from the camera|from this (?:view|angle)|from (?:the|my) current view)\b/;

interface Split {
  left: string;
  relation: LayoutRelation;
  right: string;
  strength: Strength;
  at: number;
}

function splits(body: string): Split[] {
  const found: Split[] = [];
  for (const [word, relation, strength] of RELATIONS) {
    const re = new RegExp(`(?:^|\\s)${word.replace(/ /g, '\\s')}(?=\\s|$)`, 'g');
    for (const m of body.matchAll(re)) {
      const at = m.index! + (m[0].startsWith(' ') ? 1 : 0);
      if (at === 0) continue;
      found.push({ left: body.slice(0, at).trim(), relation, right: body.slice(at + word.length).trim(), strength, at });
    }
  }
  // Strong first, then leftmost, then the longest word at a position.
  return found.sort((a, b) => (a.strength === b.strength ? 0 : a.strength === 'strong' ? -1 : 1) || a.at - b.at || a.right.length - b.right.length);
}

const DIRECTIONS: Array<[RegExp, MoveDirection]> = [
  [/(?:^|\s)(?:over\s+)?(?:to\s+(?:the|my)\s+|to\s+|towards\s+the\s+)?left(?:wards?)?(?:\s+(?:side|hand side|direction))?$/, 'left'],
  [/(?:^|\s)(?:over\s+)?(?:to\s+(?:the|my)\s+|to\s+|towards\s+the\s+)?right(?:wards?)?(?:\s+(?:side|hand side|direction))?$/, 'right'],
  [/(?:^|\s)(?:forwards?|ahead|out|outwards?|to the front|frontwards?)$/, 'forward'],
  [/(?:^|\s)(?:backwards?|back|further back|farther back|to the back|in|inwards?)$/, 'backward'],
];

const isWallPhrase = (s: string) => /\bwalls?\b/.test(s);

export function parseInstruction(input: string, options: ParseOptions = {}): InstructionParse {
  const fail = (reason: string): InstructionParse => ({ kind: 'unsupported', text: input, reason });
  let text = normalise(input);
  if (text === '') return fail('empty instruction');
  text = text.split(' ').map((w) => SHORT_TYPOS[w] ?? w).join(' ');
  const fixed = correctTypos(text, knownWords(options.categories ?? []));
  text = normalise(fixed.text);
  const corrections: Correction[] = fixed.corrections;
  let frame: Frame = 'object';
  const v = VIEWER.exec(text);
  if (v) {
    frame = 'viewer';
    text = `${text.slice(0, v.index)} ${text.slice(v.index + v[0].length)}`.replace(/\s+/g, ' ').trim();
  }
  if (/\b(?:to|on) my (?:left|right)\b|\btowards? me\b|\baway from me\b/.test(text)) {
    frame = 'viewer';
    text = text.replace(/\b(to|on) my (left|right)\b/, '$1 the $2').replace(/\btowards? me\b/, 'back').replace(/\baway from me\b/, 'forward');
  }
  // Trial parses must not use up selection slots; done() numbers "it" / "this" / "that" in reading order.
  // Inside an object phrase, "on / under / behind the desk" only says where it is now: ground it as "by the desk".
  const obj = (s: string): ObjectRef | null =>
    parseObjectPhrase(
      s.replace(/^(?:the\s+)?(?:copy of|duplicate of)\s+/, '').replace(/\s(?:on top of|on|under|underneath|behind|in front of|against|at|in)\s(?=(?:the|a|an|my)\s)/, ' by '),
      new SelectionSlots(),
    );
  const done = (p: Omit<ParsedInstruction, 'corrections' | 'frame' | 'normalised'>): InstructionParse => ({ kind: 'parsed', instruction: numberSelections({ ...p, frame, corrections, normalised: text }) });

  const verb = /^(\S+)(?:\s+(.*))?$/.exec(text)!;
  const head = verb[1]!;
  const tail = verb[2] ?? '';

  // Remove.
  let m =
    /^(?:remove|delete|get rid of|take away|take out|throw away|throw out|discard|clear away|ditch|eliminate|erase|lose)\s+(.+?)(?:\s+(?:from|out of)\s+(?:the|this)\s+(?:room|scene|layout))?$/.exec(text) ??
    /^(?:get|take|move|put|carry)\s+(.+?)\s+out\s+of\s+(?:the|this)\s+(?:room|scene|layout)$/.exec(text);
  if (m) {
    const target = obj(m[1]!);
    return target ? done({ intent: 'remove', target }) : fail(`cannot tell what to remove in "${m[1]}"`);
  }

  // Swap.
  m = /^(?:swap|switch|exchange|trade|interchange)\s+(?:the\s+)?(?:(?:positions?|places?|spots?)\s+(?:of|between)\s+)?(.+?)\s+(?:and|with|for)\s+(.+?)(?:\s+(?:around|places|positions|spots|over|round))?$/.exec(text);
  if (m) {
    const target = obj(m[1]!);
    const other = obj(m[2]!);
    return target && other ? done({ intent: 'swap', target, reference2: other }) : fail(`cannot tell which two objects to swap in "${text}"`);
  }

  // Face: "turn the chair to face the window", "make the sofa face the tv", "face the desk towards the door".
  m = /^(?:turn|rotate|spin|point|orient|angle|swivel|make|have|get|set|position|place|put|move)\s+(.+?)\s+(?:so\s+(?:that\s+)?it\s+|so\s+(?:that\s+)?|to\s+|until\s+it\s+)?(?:faces?|facing|looks?\s+at|looking\s+at|points?\s+(?:at|towards?)|pointing\s+(?:at|towards?))\s+(away\s+from\s+)?(.+)$/.exec(text) ?? /^(?:face|point|orient|aim)\s+(.+?)\s+(?:(away\s+from)|towards?|at|to)\s+(.+)$/.exec(text);
  if (m) {
    const target = obj(m[1]!);
    const ref = obj(m[3]!);
    if (target && ref) return done({ intent: 'place', target, relation: m[2] ? 'facing_away' : 'facing', reference: { kind: 'object', ref } });
  }

  // Duplicate, optionally placed: "duplicate the chair and put it next to the desk", "copy the lamp onto the desk".
  m = /^(?:duplicate|copy|clone|replicate|add another|add one more|make a copy of|make another|add a copy of|add a second|add a duplicate of)\s+(.+)$/.exec(text);
  if (m) {
    const body = m[1]!;
    const and = /^(.+?)\s+and\s+(?:put|place|set|move|stand|position)\s+(?:it|the copy|the new one|that|the duplicate|them)\s+(.+)$/.exec(body);
    const length = findLength(and ? and[2]! : body);
    const clause = length ? length.rest : and ? and[2]! : body;
    if (and) {
      const target = obj(and[1]!);
      if (!target) return fail(`cannot tell what to duplicate in "${and[1]}"`);
      const placed = placement(`x ${clause}`, length?.value, obj);
      return placed ? done({ intent: 'duplicate', target, ...placed.rel }) : fail(`cannot read where to put the copy: "${and[2]}"`);
    }
    const placed = placement(clause, length?.value, obj);
    if (placed) {
      const target = obj(placed.targetText);
      if (target) return done({ intent: 'duplicate', target, ...placed.rel });
    }
    const target = obj(clause);
    return target ? done({ intent: 'duplicate', target, ...(length ? { amount: length.value } : {}) }) : fail(`cannot tell what to duplicate in "${body}"`);
  }

  // Rotate by an angle.
  if (ROTATE_VERBS.includes(head) || /\bdegrees?\b|\bquarter turn\b|\bhalf turn\b/.test(text)) {
    const turn = findTurn(text);
    if (turn) {
      const rest = turn.rest.replace(new RegExp(`^(?:${ROTATE_VERBS.join('|')})\\s+`), '').replace(/\s+(?:by|about|around|round)$/, '').replace(/^(?:by|about)\s+/, '').trim();
      const target = obj(rest);
      if (target) return done({ intent: 'rotate', target, turn: turn.value });
      return fail(`cannot tell what to turn in "${rest}"`);
    }
    if (ROTATE_VERBS.includes(head) && !/\b(?:left|right|to|towards?|next|on|in)\b/.test(tail)) return fail(`how far should it turn? Say e.g. "turn it 90 degrees"`);
  }

  // Align.
  m = /^(?:align|line up|square up|straighten)\s+(.+?)\s+(?:with|to|against|along|alongside)\s+(.+)$/.exec(text) ?? /^(?:line|square)\s+(.+?)\s+up\s+(?:with|to|against|along)\s+(.+)$/.exec(text);
  if (m) {
    const target = obj(m[1]!);
    if (!target) return fail(`cannot tell what to align in "${m[1]}"`);
    if (isWallPhrase(m[2]!)) return done({ intent: 'place', target, relation: 'against_wall', reference: wallRef(m[2]!, obj) });
    const ref = obj(m[2]!);
    return ref ? done({ intent: 'place', target, relation: 'aligned_with', reference: { kind: 'object', ref } }) : fail(`cannot tell what to align it with in "${m[2]}"`);
  }

  // Centre.
  m = /^centre\s+(.+?)\s+(?:on|in|under|with|over|relative to|at)\s+(.+)$/.exec(text);
  if (m) {
    const target = obj(m[1]!);
    if (!target) return fail(`cannot tell what to centre in "${m[1]}"`);
    if (/^(?:the\s+)?(?:room|space|middle)$/.test(m[2]!)) return done({ intent: 'place', target, relation: 'centred_on', reference: { kind: 'room' } });
    const ref = obj(m[2]!);
    return ref ? done({ intent: 'place', target, relation: 'centred_on', reference: { kind: 'object', ref } }) : fail(`cannot tell what to centre it on in "${m[2]}"`);
  }

  // Move / place.
  if (MOVE_VERBS.includes(head) || /\s/.test(text)) {
    let body = MOVE_VERBS.includes(head) ? tail : text;
    body = body.replace(/^(?:over|back)\s+(?=(?:the|it|this|that|a|an)\b)/, '');
    const length = findLength(body);
    if (length) body = length.rest;
    // "put a copy of the chair by the door", "place another chair next to the desk".
    const copy = /^(?:a copy of|a duplicate of|another|a second|one more)\s+(.+)$/.exec(body);
    const intent: Intent = copy ? 'duplicate' : 'place';
    if (copy) body = `the ${copy[1]!}`;
    // Strong relation words first, then a bare direction ("… to the right"), then the weak words ("by", "near", "on").
    const placed = placement(body, length?.value, obj, 'strong');
    if (placed) {
      const target = obj(placed.targetText);
      if (target) return done({ intent, target, ...placed.rel });
    }
    for (const [re, direction] of DIRECTIONS) {
      const d = re.exec(body);
      if (!d) continue;
      const target = obj(body.slice(0, d.index).replace(/\s+(?:over|a bit|further|farther|more)$/, '').trim());
      if (target) return done({ intent: 'move', target, direction, ...(length ? { amount: length.value } : {}) });
    }
    const weak = placement(body, length?.value, obj, 'weak');
    if (weak) {
      const target = obj(weak.targetText);
      if (target) return done({ intent, target, ...weak.rel });
    }
    if (MOVE_VERBS.includes(head)) return fail(`cannot read where to put it: "${body}"`);
  }
  return fail(`not a layout instruction I know (move, put, turn, swap, remove, duplicate, align, centre): "${text}"`);
}

function wallRef(text: string, obj: (s: string) => ObjectRef | null): ReferencePhrase {
  const near = /\b(?:by|near|with|next to|under|beside|behind|closest to|nearest to|nearest|closest)\s+(.+)$/.exec(text);
  if (near) {
    const ref = obj(near[1]!);
    if (ref && ref.kind === 'category') return { kind: 'wall', near: ref };
  }
  const named = /^(?:the\s+)?(.+?)\s+wall$/.exec(text);
  if (named && !/^(?:the|a|this|that|nearest|closest|back|side|far|other|near|same|opposite|left|right)$/.test(named[1]!)) {
    const ref = obj(named[1]!);
    if (ref && ref.kind === 'category') return { kind: 'wall', near: ref };
  }
  return { kind: 'wall' };
}

interface Placement {
  targetText: string;
  rel: Pick<ParsedInstruction, 'relation' | 'reference' | 'reference2' | 'amount'>;
}

/** "<target> <relation> <reference>" with the relation words decided by splits(). */
function placement(body: string, amount: Amount | undefined, obj: (s: string) => ObjectRef | null, only?: Strength): Placement | null {
  const withAmount = amount ? { amount } : {};
  for (const s of splits(body)) {
    if (only && s.strength !== only) continue;
    if (s.left === '' || obj(s.left) === null) continue;
    const right = s.right.replace(/^(?:the\s+)?(?:side of\s+)?/, (x) => (x.includes('side') ? '' : x));
    if (s.relation === 'in_corner') {
      const near = /^(?:of the room\s+)?(?:by|near|next to|with|beside|closest to|nearest to|nearest|closest)\s+(.+)$/.exec(right);
      const ref = near ? obj(near[1]!) : null;
      if (right === '' || /^(?:of the room)$/.test(right) || ref) return { targetText: s.left, rel: { relation: 'in_corner', ...(ref ? { reference: { kind: 'object', ref } } : {}), ...withAmount } };
      continue;
    }
    if (s.relation === 'against_wall') {
      if (isWallPhrase(right)) return { targetText: s.left, rel: { relation: 'against_wall', reference: wallRef(right, obj), ...withAmount } };
      // "push the table against the sofa": next to it, touching.
      const ref = obj(right);
      if (ref) return { targetText: s.left, rel: { relation: 'next_to', reference: { kind: 'object', ref }, amount: amount ?? { metres: 0.02, text: 'against', unit: 'm', vague: true } } };
      continue;
    }
    if (s.relation === 'centred_on' && /^(?:the\s+)?(?:room|space)$/.test(right)) return { targetText: s.left, rel: { relation: 'centred_on', reference: { kind: 'room' }, ...withAmount } };
    if (s.relation === 'between') {
      const and = /^(.+?)\s+and\s+(.+)$/.exec(right);
      const a = and ? obj(and[1]!) : null;
      const b = and ? obj(and[2]!) : null;
      if (a && b) return { targetText: s.left, rel: { relation: 'between', reference: { kind: 'object', ref: a }, reference2: b } };
      continue;
    }
    if (isWallPhrase(right) && (s.relation === 'next_to' || s.relation === 'toward')) return { targetText: s.left, rel: { relation: 'against_wall', reference: wallRef(right, obj), ...withAmount } };
    const ref = obj(right);
    if (ref) return { targetText: s.left, rel: { relation: s.relation, reference: { kind: 'object', ref }, ...withAmount } };
  }
  return null;
}

/** Gives selection references ("it", "this", "that one") the slots 0, 1, … in the order they are read. */
function numberSelections(p: ParsedInstruction): ParsedInstruction {
  let next = 0;
  const visit = (r: ObjectRef): ObjectRef => {
    if (r.kind === 'selection') return { ...r, index: next++ };
    return { ...r, attributes: r.attributes.map((a) => (a.kind === 'near' ? { ...a, anchor: visit(a.anchor) } : a)) };
  };
  const out: ParsedInstruction = { ...p, target: visit(p.target) };
  if (p.reference?.kind === 'object') out.reference = { kind: 'object', ref: visit(p.reference.ref) };
  else if (p.reference?.kind === 'wall' && p.reference.near) out.reference = { kind: 'wall', near: visit(p.reference.near) };
  if (p.reference2) out.reference2 = visit(p.reference2);
  return out;
}
