// Words the parser knows: category synonyms and plurals, colour and size adjectives, selection words.
import type { ColorName } from './types';

/** Other names for a category, mapped to one canonical (singular) name. */
const SYNONYMS: Record<string, string> = {
  couch: 'sofa',
  settee: 'sofa',
  television: 'tv',
  'tv set': 'tv',
  telly: 'tv',
  'bedside table': 'nightstand',
  'night stand': 'nightstand',
  'bedside cabinet': 'nightstand',
  trashcan: 'trash can',
  'garbage can': 'trash can',
  'waste bin': 'trash can',
  'wastebasket': 'trash can',
  'trash bin': 'trash can',
  dustbin: 'trash can',
  bin: 'trash can',
  fridge: 'refrigerator',
  'book shelf': 'bookshelf',
  bookcase: 'bookshelf',
  cupboard: 'cabinet',
  'computer monitor': 'monitor',
  'desk chair': 'office chair',
  'coffee-table': 'coffee table',
  'night-stand': 'nightstand',
};

const IRREGULAR: Record<string, string> = {
  shelves: 'shelf',
  knives: 'knife',
  mice: 'mouse',
  people: 'person',
  leaves: 'leaf',
  feet: 'foot',
  dishes: 'dish',
  glasses: 'glass',
  boxes: 'box',
  couches: 'couch',
  benches: 'bench',
  series: 'series',
};

/** Singular of one English noun (the common rules and a few irregulars). */
export function singular(word: string): string {
  if (IRREGULAR[word]) return IRREGULAR[word];
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|sses|xes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Canonical category of a phrase or an object label: lower case, last word singular, synonyms applied. */
export function canonicalCategory(text: string): string {
  const words = text.toLowerCase().replace(/[_-]+/g, ' ').trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return '';
  const whole = words.join(' ');
  if (SYNONYMS[whole]) return SYNONYMS[whole];
  words[words.length - 1] = singular(words[words.length - 1]!);
  const one = words.join(' ');
  return SYNONYMS[one] ?? one;
}

export const COLOR_WORDS: Record<string, ColorName> = {
  black: 'black',
  white: 'white',
  gray: 'gray',
  grey: 'gray',
  silver: 'gray',
  red: 'red',
  orange: 'orange',
  yellow: 'yellow',
  green: 'green',
  blue: 'blue',
  purple: 'purple',
  violet: 'purple',
  pink: 'pink',
  brown: 'brown',
  wooden: 'brown',
  beige: 'brown',
};

export const SIZE_WORDS: Record<string, 'small' | 'big'> = {
  small: 'small',
  smaller: 'small',
  smallest: 'small',
  little: 'small',
  tiny: 'small',
  big: 'big',
  bigger: 'big',
  biggest: 'big',
  large: 'big',
  larger: 'big',
  largest: 'big',
  huge: 'big',
};

/** Words that point at the user's selection instead of naming a category. */
export const SELECTION_SINGULAR = ['this one', 'that one', 'this', 'that', 'it', 'the selected object', 'the selection', 'the selected one'];
export const SELECTION_PAIR = ['these two objects', 'those two objects', 'these two', 'those two', 'these', 'those', 'them', 'both', 'the two selected objects', 'the selected objects'];

/** Determiners dropped from the front of an object phrase. */
export const DETERMINERS = /^(?:the|a|an|my|our)\s+/;
