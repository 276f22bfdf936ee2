// Lengths and angles in instructions: "50 cm", "0.5m", "half a metre", "2 ft", "six inches", "a bit"
// (= A_BIT_METRES, 20 cm), "90 degrees", "a quarter turn". Each finder returns the value and the
// text it consumed, so the grammar can parse what is left.

import { CARDINAL_WORDS } from '../number-words';

/** What "a bit", "a little", "slightly" mean: 20 cm (and 15° for a turn). */
export const A_BIT_METRES = 0.2;
export const A_BIT_DEGREES = 15;

export const UNITS: Record<string, number> = {
  mm: 0.001,
  millimetre: 0.001,
  millimeter: 0.001,
  millimetres: 0.001,
  millimeters: 0.001,
  cm: 0.01,
  cms: 0.01,
  centimetre: 0.01,
  centimeter: 0.01,
  centimetres: 0.01,
  centimeters: 0.01,
  m: 1,
  metre: 1,
  meter: 1,
  metres: 1,
  meters: 1,
  ft: 0.3048,
  foot: 0.3048,
  feet: 0.3048,
  in: 0.0254,
  inch: 0.0254,
  inches: 0.0254,
};

const NUMBER_WORDS: Record<string, number> = {
  ...CARDINAL_WORDS,
  'a hundred': 100,
  'one hundred': 100,
  'a couple of': 2,
  'a couple': 2,
  'a few': 3,
};

export interface Amount {
  metres: number;
  /** The words as written ("half a metre"). */
  text: string;
  unit: string;
  /** "a bit" and friends: a documented default, not a measured number. */
  vague: boolean;
}

export interface Found<T> {
  value: T;
  /** The input with the amount's words replaced by one space. */
  rest: string;
}

const UNIT_RE = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const WORD_RE = Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/ /g, '\\s'))
  .join('|');
const NUM = String.raw`(\d+(?:\.\d+)?|\.\d+|\d+\s*/\s*\d+)`;

function numberOf(text: string): number {
  const t = text.trim();
  const frac = /^(\d+)\s*\/\s*(\d+)$/.exec(t);
  if (frac) return Number(frac[1]) / Number(frac[2]);
  if (/^[\d.]+$/.test(t)) return Number(t);
  return NUMBER_WORDS[t.replace(/\s+/g, ' ')] ?? NaN;
}

/** Words that only say the number is a gap: "30 cm away", "a metre apart". */
const GAP_WORDS = String.raw`(?:\s+(?:away(?!\s+from)|apart|off|of (?:space|clearance|room|gap)|gap|clearance|distance))?`;

const cut = (text: string, m: RegExpExecArray) => `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();

/** The first length in the text, or null. "in" alone is a unit only right after a number ("6 in"). */
export function findLength(text: string): Found<Amount> | null {
  const forms: Array<[RegExp, (m: RegExpExecArray) => Amount | null]> = [
    // "one and a half metres", "a metre and a half"
    [new RegExp(String.raw`\b(?:(?:by|with|about|around|roughly|approximately|some|maybe)\s+)?(${WORD_RE}|\d+)\s+and\s+a\s+half\s+(${UNIT_RE})\b`), (m) => unitAmount(numberOf(m[1]!) + 0.5, m[2]!, m[0]!)],
    [new RegExp(String.raw`\b(?:(?:by|with|about|around|roughly|approximately|some|maybe)\s+)?(${WORD_RE}|\d+)\s+(${UNIT_RE})\s+and\s+a\s+half\b`), (m) => unitAmount(numberOf(m[1]!) + 0.5, m[2]!, m[0]!)],
    // "half a metre", "a quarter of a metre"
    [new RegExp(String.raw`\b(?:(?:by|with|about|around|roughly|approximately|some|maybe)\s+)?(half|a\s+quarter)\s+(?:of\s+)?an?\s+(${UNIT_RE})\b${GAP_WORDS}`), (m) => unitAmount(m[1] === 'half' ? 0.5 : 0.25, m[2]!, m[0]!)],
    // "50 cm", "0.5m", "1/2 m", "2ft", "6 in"
    [new RegExp(String.raw`\b(?:(?:by|with|about|around|roughly|approximately|some|maybe)\s+)?${NUM}\s*(${UNIT_RE})(?![a-z])${GAP_WORDS}`), (m) => unitAmount(numberOf(m[1]!), m[2]!, m[0]!)],
    // "two feet", "a metre", "fifty centimetres" (not "in": "an in" is never a length)
    [new RegExp(String.raw`\b(?:(?:by|with|about|around|roughly|approximately|some|maybe)\s+)?(${WORD_RE})\s+(${UNIT_RE.replace(/\|in\|/, '|')})\b${GAP_WORDS}`), (m) => (m[2] === 'in' || m[2] === 'm' ? null : unitAmount(numberOf(m[1]!), m[2]!, m[0]!))],
    // vague
    [/\b(?:(?:by|with|about|around|roughly|approximately|some|maybe)\s+)?(?:just\s+)?(a\s+(?:little\s+)?bit|a\s+little|slightly|a\s+touch|a\s+tad|a\s+smidge|somewhat)\b/, (m) => ({ metres: A_BIT_METRES, text: m[0]!.trim(), unit: 'a bit', vague: true })],
  ];
  for (const [re, make] of forms) {
    const m = re.exec(text);
    if (!m) continue;
    const value = make(m);
    if (value && Number.isFinite(value.metres) && value.metres > 0) return { value, rest: cut(text, m) };
  }
  return null;
}

function unitAmount(n: number, unit: string, text: string): Amount | null {
  const k = UNITS[unit];
  if (k === undefined || !Number.isFinite(n)) return null;
  return { metres: n * k, text: text.replace(/^by\s+/, '').trim(), unit, vague: false };
}

export interface Turn {
  /** Counter-clockwise positive. */
  degrees: number;
  text: string;
  /** The sense was given ("clockwise", "to the left") rather than defaulted. */
  senseGiven: boolean;
}

/** The first rotation in the text: "90 degrees", "90°", "a quarter turn", "half a turn", "around". */
export function findTurn(text: string): Found<Turn> | null {
  let rest = text;
  let degrees: number | null = null;
  let said = '';
  const forms: Array<[RegExp, (m: RegExpExecArray) => number]> = [
    [new RegExp(String.raw`\b(?:(?:by|with|about|around|roughly|approximately|some|maybe)\s+)?(-?${NUM}|${WORD_RE})\s*(?:degrees?|degs?|°)`), (m) => numberOf(m[1]!)],
    [/\b(?:(?:by|with|about|around|roughly|approximately|some|maybe)\s+)?(?:a\s+)?quarter(?:\s+of\s+a)?[\s-]+turn\b/, () => 90],
    [/\b(?:(?:by|with|about|around|roughly|approximately|some|maybe)\s+)?(?:a\s+)?half[\s-]+(?:a\s+)?turn\b/, () => 180],
    [/\b(?:turn|spin|rotate|flip)\s+(?:it|this|that)\s+around\b/, () => NaN],
    [/\baround\b|\bthe other way\b/, () => 180],
    [/\b(?:(?:by|with|about|around|roughly|approximately|some|maybe)\s+)?(?:just\s+)?(?:a\s+(?:little\s+)?bit|a\s+little|slightly|a\s+touch|a\s+tad)\b/, () => A_BIT_DEGREES],
  ];
  for (const [re, get] of forms) {
    const m = re.exec(rest);
    if (!m) continue;
    const v = get(m);
    if (Number.isNaN(v)) {
      // "turn it around": keep the verb and the object, take the turn.
      rest = rest.replace(/\baround\b/, ' ').replace(/\s+/g, ' ').trim();
      degrees = 180;
      said = 'around';
      break;
    }
    degrees = v;
    said = m[0]!.trim();
    rest = cut(rest, m);
    break;
  }
  if (degrees === null) return null;
  let sign = 1;
  let senseGiven = false;
  const sense = /\b(counter[\s-]?clockwise|anti[\s-]?clockwise|clockwise|cw|ccw|to\s+the\s+(?:left|right)|(?:left|right)wards?)\b/.exec(rest);
  if (sense) {
    const s = sense[1]!;
    senseGiven = true;
    if (/^(?:clockwise|cw)$/.test(s) || /right/.test(s)) sign = -1;
    rest = cut(rest, sense);
  }
  return { value: { degrees: sign * degrees, text: said, senseGiven }, rest };
}
