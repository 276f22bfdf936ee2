// Typed questions (app/qa/ask) as training examples for the layout language model: the question type
// is an intent class (encode.ts QUESTION_TYPES), the first object the target, the second the
// reference, between's third reference2, the relation by the relation head; counting points at an
// object of the counted category. Objects are named by the same Namer as the edits (category or
// synonym, colour, small / big, "the X by the Y", relative clauses, the selection), so the QA
// grounding finds exactly the labelled one. Phrasing: direct and embedded questions, fronted objects,
// tag questions, polite heads and tails, typos, casing. Labels come from the draw, never from parsing.
// The held-out set (native-models/layout/questions-test.jsonl) was written after this file and never
// read for its templates.
import type { Random } from '../../sample/random';
import type { LayoutTokenizer } from '../tokenizer';
import type { LayoutDocument } from '../types';
import { encodeText, MAX_TOKENS, QUESTION_RELATION_CLASS, questionClass, REFERENCE_EXTRA, RELATION_HEAD, type QuestionType } from './encode';
import { capitalise, Namer, roughen, type SynthExample } from './synth';

const IGNORE = -100;

const REL_WORDS: Record<string, string[]> = {
  on: ['on', 'on top of', 'resting on', 'sitting on', 'lying on', 'placed on', 'standing on'],
  under: ['under', 'underneath', 'beneath', 'below'],
  next_to: ['next to', 'beside', 'by', 'adjacent to', 'right next to', 'alongside'],
  near: ['near', 'close to', 'near to', 'nearby', 'close by'],
  far: ['far from', 'far away from', 'a long way from', 'distant from'],
  inside: ['in', 'inside', 'inside of', 'within'],
  above: ['above', 'over', 'higher than', 'up above'],
  below: ['below', 'lower than', 'beneath'],
  left: ['to the left of', 'left of', 'on the left of', 'on the left side of', 'at the left of'],
  right: ['to the right of', 'right of', 'on the right of', 'on the right side of', 'at the right of'],
  front: ['in front of', 'ahead of', 'before'],
  behind: ['behind', 'in back of', 'at the back of', 'at the rear of'],
};
const OWN_SIDE: Record<string, string[]> = {
  left: ['to my left', 'on my left', 'on the left from here', 'left of me'],
  right: ['to my right', 'on my right', 'on the right from here', 'right of me'],
  front: ['in front of me', 'ahead of me', 'straight ahead'],
  behind: ['behind me', 'at my back'],
};
const YES_NO_RELATIONS: Array<[string, number]> = [
  ['on', 8],
  ['under', 4],
  ['next_to', 8],
  ['near', 6],
  ['far', 3],
  ['inside', 3],
  ['above', 5],
  ['below', 3],
  ['left', 6],
  ['right', 6],
  ['front', 5],
  ['behind', 5],
  ['between', 5],
];
const FIND_RELATIONS = ['on', 'on', 'under', 'next_to', 'near', 'inside', 'above', 'below', 'left', 'right', 'front', 'behind'];
const TYPE_WEIGHTS: Array<[QuestionType, number]> = [
  ['count', 12],
  ['distance', 16],
  ['centre_distance', 4],
  ['size', 8],
  ['height', 5],
  ['length', 3],
  ['width', 3],
  ['relation', 30],
  ['find', 10],
  ['direction', 6],
];

const HEADS = ['', '', '', '', 'please tell me ', 'could you tell me ', 'can you tell me ', 'tell me ', 'do you know ', 'i want to know ', "i'd like to know ", 'quick question: ', 'hey, ', 'so ', 'ok, ', 'okay ', 'hi, ', 'question: ', 'just wondering, ', 'one question - '];
const TAILS = ['', '', '', '', ' please', ', please', ' thanks', ', thank you', ' pls', ' by the way', ' in this room', ' here', ' in the scene', ' right now'];
const ENDINGS = ['?', '?', '?', '', '.', '??', ' ?'];

function weighted<T>(rng: Random, items: ReadonlyArray<[T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [v, w] of items) if ((r -= w) < 0) return v;
  return items[items.length - 1]![0];
}

/** English plural of a (possibly multi-word) name: the last word. */
export function plural(name: string): string {
  const words = name.split(' ');
  const w = words[words.length - 1]!;
  const IRREGULAR: Record<string, string> = { shelf: 'shelves', person: 'people', mouse: 'mice', couch: 'couches', bench: 'benches', box: 'boxes', glass: 'glasses', dish: 'dishes', knife: 'knives', foot: 'feet', tv: 'tvs' };
  words[words.length - 1] = IRREGULAR[w] ?? (/(?:shelf|knife)$/.test(w) ? `${w.slice(0, -1)}ves` : /(s|x|z|ch|sh)$/.test(w) ? `${w}es` : /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`);
  return words.join(' ');
}

interface QuestionPlan {
  type: QuestionType;
  relation: string | null;
  /** Row ids of the objects named, in role order; reference may be null (own side, count, size …). */
  target: number;
  reference: number | null;
  reference2: number | null;
  selection: number[];
  text: string;
}

const the = (s: string) => (/^(?:the|this|that|my|it|these|those)\b/.test(s) ? s : `the ${s}`);

/** One typed question about the room, or null when the draw leaves nothing nameable. */
export function synthQuestion(doc: LayoutDocument, tok: LayoutTokenizer, rng: Random, namer: Namer): SynthExample | null {
  if (doc.objects.length < 3) return null;
  const type = weighted(rng, TYPE_WEIGHTS);
  const pickObj = (exclude: number[]) => {
    const pool = doc.objects.filter((o) => !exclude.includes(o.id));
    return pool.length ? rng.pick(pool) : null;
  };
  const named = (id: number, selectionOk: boolean, exclude: number[] = []) => {
    const p = namer.phrase(id, selectionOk && rng.chance(0.12), exclude);
    return p ? { ...p, text: the(p.text) } : null;
  };
  let plan: QuestionPlan | null = null;
  const sel: number[] = [];
  const first = pickObj([]);
  if (!first) return null;
  switch (type) {
    case 'count': {
      const cat = first.category;
      const names = [...new Set([cat.toLowerCase().replace(/[_-]+/g, ' '), ...(namer.plain(first.id) ? [namer.plain(first.id)!] : [])])];
      const n = rng.pick(names);
      const ps = plural(n);
      const forms = [
        `how many ${ps} are there`,
        `how many ${ps} are in the room`,
        `how many ${ps} do you see`,
        `how many ${ps} can you see`,
        `how many ${ps} are there in this room`,
        `how many ${ps} does the room have`,
        `count the ${ps}`,
        `count ${ps}`,
        `what is the number of ${ps}`,
        `what's the number of ${ps} in the room`,
        `number of ${ps}`,
        `how many ${ps} have we got`,
        `how many ${ps}`,
        `${ps}: how many are there`,
        `how many ${ps} can you find`,
        `how many ${n} objects are there`,
        `total number of ${ps}`,
        `how many ${ps} are here`,
      ];
      const text = rng.pick(forms);
      // The counted category: the first object (room order) of exactly that category.
      const target = doc.objects.find((o) => o.category === cat)!.id;
      plan = { type, relation: null, target, reference: null, reference2: null, selection: [], text };
      break;
    }
    case 'distance':
    case 'centre_distance': {
      const pairSel = rng.chance(0.06);
      const second = pickObj([first.id]);
      if (!second) return null;
      let A: string;
      let B: string;
      if (pairSel) {
        sel.push(first.id, second.id);
        const both = rng.pick(['these two', 'those two', 'the two selected objects', 'these', 'them', 'both', 'the selected objects']);
        const text =
          type === 'distance'
            ? rng.pick([`how far apart are ${both}`, `what is the distance between ${both}`, `distance between ${both}`, `measure the distance between ${both}`, `how far are ${both} from each other`])
            : rng.pick([`what is the centre-to-centre distance between ${both}`, `how far apart are the centres of ${both}`, `distance between the centers of ${both}`]);
        plan = { type, relation: null, target: first.id, reference: second.id, reference2: null, selection: [...sel], text };
        break;
      }
      const a = named(first.id, true, [second.id]);
      if (!a) return null;
      if (a.selected) sel.push(first.id);
      const b = named(second.id, false, [first.id]);
      if (!b) return null;
      [A, B] = [a.text, b.text];
      const forms =
        type === 'distance'
          ? [
              `how far is ${A} from ${B}`,
              `how far is ${A} to ${B}`,
              `how far away is ${A} from ${B}`,
              `how close is ${A} to ${B}`,
              `what is the distance between ${A} and ${B}`,
              `what's the distance from ${A} to ${B}`,
              `distance between ${A} and ${B}`,
              `the distance from ${A} to ${B}`,
              `measure the distance between ${A} and ${B}`,
              `measure from ${A} to ${B}`,
              `how far apart are ${A} and ${B}`,
              `how many metres between ${A} and ${B}`,
              `how many meters is ${A} from ${B}`,
              `what is the gap between ${A} and ${B}`,
              `how much space is there between ${A} and ${B}`,
              `${A} and ${B}, how far apart are they`,
              `${A} - how far is it from ${B}`,
              `how far ${A} is from ${B}`,
              `how big is the gap between ${A} and ${B}`,
              `what's the separation between ${A} and ${B}`,
              `how near is ${A} to ${B}`,
            ]
          : [
              `what is the centre-to-centre distance between ${A} and ${B}`,
              `what is the center-to-center distance between ${A} and ${B}`,
              `how far apart are the centres of ${A} and ${B}`,
              `distance between the centers of ${A} and ${B}`,
              `how far is ${A} from ${B} measured from their centres`,
              `centre to centre, how far is ${A} from ${B}`,
              `what's the distance between the centroids of ${A} and ${B}`,
            ];
      plan = { type, relation: null, target: first.id, reference: second.id, reference2: null, selection: [...sel], text: rng.pick(forms) };
      break;
    }
    case 'size':
    case 'height':
    case 'length':
    case 'width':
    case 'direction': {
      const a = named(first.id, true);
      if (!a) return null;
      if (a.selected) sel.push(first.id);
      const A = a.text;
      const forms: Record<string, string[]> = {
        size: [`how big is ${A}`, `how large is ${A}`, `what size is ${A}`, `what is the size of ${A}`, `what are the dimensions of ${A}`, `what's the size of ${A}`, `give me the dimensions of ${A}`, `${A}: how big is it`, `how big ${A} is`, `dimensions of ${A}`, `size of ${A}`, `what are the measurements of ${A}`, `how big would you say ${A} is`],
        height: [`how tall is ${A}`, `how high is ${A}`, `what is the height of ${A}`, `what's the height of ${A}`, `height of ${A}`, `how tall ${A} is`, `${A}, how tall is it`, `what height is ${A}`],
        length: [`how long is ${A}`, `what is the length of ${A}`, `what's the length of ${A}`, `length of ${A}`, `how long ${A} is`, `${A}, how long is it`],
        width: [`how wide is ${A}`, `how deep is ${A}`, `what is the width of ${A}`, `what's the depth of ${A}`, `width of ${A}`, `how wide ${A} is`, `what is the depth of ${A}`],
        direction: [`where is ${A}`, `where's ${A}`, `in which direction is ${A}`, `which direction is ${A}`, `where is ${A} from here`, `where is ${A} relative to me`, `what direction is ${A} from me`, `where ${A} is`],
      };
      plan = { type, relation: null, target: first.id, reference: null, reference2: null, selection: [...sel], text: rng.pick(forms[type]!) };
      break;
    }
    case 'relation': {
      const rel = weighted(rng, YES_NO_RELATIONS);
      const a = named(first.id, true);
      if (!a) return null;
      if (a.selected) sel.push(first.id);
      const A = a.text;
      const verb = /s$/.test(A.split(' ').pop()!) && !/(ss|us|is)$/.test(A) ? 'are' : 'is';
      // Own-side questions: no reference object.
      if (['left', 'right', 'front', 'behind'].includes(rel) && rng.chance(0.25)) {
        const side = rng.pick(OWN_SIDE[rel]!);
        const text = rng.pick([`${verb} ${A} ${side}`, `is ${A} ${side} from here`, `${A} is ${side}, right`, `would you say ${A} is ${side}`, `is it true that ${A} is ${side}`]);
        plan = { type, relation: rel, target: first.id, reference: null, reference2: null, selection: [...sel], text };
        break;
      }
      const second = pickObj([first.id]);
      if (!second) return null;
      const b = named(second.id, false, [first.id]);
      if (!b) return null;
      const B = b.text;
      let R = `${rng.pick(REL_WORDS[rel] ?? [rel])} ${B}`;
      let third: number | null = null;
      if (rel === 'between') {
        const c = pickObj([first.id, second.id]);
        if (!c) return null;
        const cp = named(c.id, false, [first.id, second.id]);
        if (!cp) return null;
        third = c.id;
        R = `${rng.pick(['between', 'in between', 'right between', 'midway between'])} ${B} and ${cp.text}`;
      }
      const view = ['left', 'right', 'front', 'behind'].includes(rel) && rng.chance(0.3) ? rng.pick([' from here', ' from my view', ' from where i stand', ' as i see it', ' from the current view', ' from my point of view']) : '';
      const forms = [
        `${verb} ${A} ${R}${view}`,
        `${verb} ${A} ${R}${view}`,
        `${verb} ${A} ${R}${view}`,
        `${verb} ${A} located ${R}${view}`,
        `${verb} ${A} placed ${R}${view}`,
        `does ${A} ${rng.pick(['sit', 'stand', 'lie'])} ${R}${view}`,
        `${A} is ${R}${view}, right`,
        `${A} is ${R}${view}, isn't it`,
        `would you say ${A} is ${R}${view}`,
        `is it true that ${A} is ${R}${view}`,
        `can you check whether ${A} is ${R}${view}`,
        `check if ${A} is ${R}${view}`,
        `i wonder if ${A} is ${R}${view}`,
        `${A} ${R}${view}: yes or no`,
        `true or false: ${A} is ${R}${view}`,
        `${verb} there ${A.replace(/^the /, 'a ')} ${R}${view}`,
      ];
      plan = { type, relation: rel, target: first.id, reference: second.id, reference2: third, selection: [...sel], text: rng.pick(forms) };
      break;
    }
    case 'find': {
      const rel = rng.pick(FIND_RELATIONS);
      const b = named(first.id, true);
      if (!b) return null;
      if (b.selected) sel.push(first.id);
      const R = `${rng.pick(REL_WORDS[rel]!)} ${b.text}`;
      const forms = [
        `what is ${R}`,
        `what's ${R}`,
        `what is there ${R}`,
        `what objects are ${R}`,
        `which objects are ${R}`,
        `what things are ${R}`,
        `which things are ${R}`,
        `which furniture is ${R}`,
        `what can you see ${R}`,
        `what do you see ${R}`,
        `is there anything ${R}`,
        `anything ${R}`,
        `list everything ${R}`,
        `name the objects ${R}`,
        `what's sitting ${R}`,
        `show me what is ${R}`,
        `what lies ${R}`,
      ];
      plan = { type, relation: rel, target: first.id, reference: null, reference2: null, selection: [...sel], text: rng.pick(forms) };
      break;
    }
  }
  if (!plan) return null;
  // Embedded questions keep their words ("tell me how far …" is a head, not a new order).
  // Heads go before direct questions only ("could you tell me how far …", not "tell me can you check …").
  const direct = /^(?:how|what|what's|which|where|where's|is|are|does|in which|distance|the distance|dimensions)\b/.test(plan.text);
  let text = `${direct ? rng.pick(HEADS) : ''}${plan.text}${rng.pick(TAILS)}${rng.pick(ENDINGS)}`;
  text = roughen(text, rng).replace(/\s+/g, ' ').trim();
  if (rng.chance(0.35)) text = capitalise(text);
  else if (rng.chance(0.02)) text = text.toUpperCase();
  const enc = encodeText(tok, text);
  if (enc.ids.length >= MAX_TOKENS) return null;
  const index = new Map(doc.objects.map((o, i) => [o.id, i]));
  const m = doc.objects.length;
  const usesReference = plan.type === 'distance' || plan.type === 'centre_distance' || plan.type === 'relation';
  return {
    text,
    tokens: enc.ids,
    selection: plan.selection.map((id) => index.get(id)!),
    labels: {
      intent: questionClass(plan.type),
      target: index.get(plan.target)!,
      reference: usesReference ? (plan.reference === null ? m + REFERENCE_EXTRA.indexOf('none') : index.get(plan.reference)!) : IGNORE,
      reference2: plan.relation === 'between' ? index.get(plan.reference2!)! : plan.type === 'relation' ? m : IGNORE,
      relation: plan.relation ? RELATION_HEAD.indexOf(QUESTION_RELATION_CLASS[plan.relation]!) : IGNORE,
      direction: IGNORE,
      frame: IGNORE,
      unit: IGNORE,
      sense: IGNORE,
      span: [IGNORE, IGNORE],
    },
  };
}
