// What the layout language model (native-models/layout) reads and what its heads mean. One module
// for both sides of the model: the training-data generator (main/layout/synth-instructions.ts)
// writes these exact arrays, and the host feeds the same arrays to the ONNX file, so features at
// training and at inference come from one implementation.
//
// Inputs (float32; ids as floats, exact below 2^24):
//   tokens   [T]              instruction token ids (shared tokenizer, [CLS] … [SEP], at most MAX_TOKENS)
//   names    [M, NAME_TOKENS] each object's category name as token ids, [PAD] = 0 after the last
//   objects  [M, OBJECT_FEATURES] box, colour, size class, selection (OBJECT_FEATURE_NAMES)
// Outputs: one logit vector per head (HEADS); pointer heads score the M objects, then extra slots.
import type { LayoutRelation, MoveDirection } from '../request';
import { LAYOUT_RELATIONS } from '../request';
import type { LayoutTokenizer } from '../tokenizer';
import type { LayoutDocument, LayoutObject } from '../types';
import type { Intent } from '../instruction/types';

export const MAX_TOKENS = 64;
export const NAME_TOKENS = 4;

export const OBJECT_FEATURE_NAMES = [
  'x', // centre relative to the room's box centre, / 4 m
  'y',
  'z_bottom', // bottom above the floor, / 2 m
  'width', // metres / 2
  'depth',
  'height',
  'cos_yaw',
  'sin_yaw',
  'r', // mean colour / 255, 0 when unknown
  'g',
  'b',
  'has_colour',
  'size_small', // size class one-hot
  'size_medium',
  'size_large',
  'is_opening',
  'movable',
  'log_volume_vs_category', // ln(volume / mean volume of its category): "the small table"
  'selected_0', // first / second selected object ("it", "this", "that one")
  'selected_1',
] as const;
export const OBJECT_FEATURES = OBJECT_FEATURE_NAMES.length;
/** Column of the first selection flag; the generator's rows leave both 0 and Python sets them per example. */
export const SELECTED_COLUMN = OBJECT_FEATURE_NAMES.indexOf('selected_0');

export const INTENTS: readonly Intent[] = ['place', 'move', 'rotate', 'swap', 'remove', 'duplicate'];
/** The intent head's class after the edits: the text is no layout edit and no question ("make the room nicer", "thanks"). */
export const NO_EDIT = INTENTS.length;
/**
 * Typed question types (app/qa/ask), one intent class each after NO_EDIT. Size questions carry their
 * dimension in the class; relation and find questions name the relation with the relation head.
 * Roles: target = the first object (distance a, size / relation / side target, find's reference,
 * "where is" target; for count any object of the counted category), reference = the second (distance
 * b, relation b, side reference), reference2 = between's third object.
 */
export const QUESTION_TYPES = ['count', 'distance', 'centre_distance', 'size', 'height', 'length', 'width', 'relation', 'find', 'direction'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
/** Intent class of the first question type. */
export const QUESTION_BASE = NO_EDIT + 1;
export const questionClass = (t: QuestionType) => QUESTION_BASE + QUESTION_TYPES.indexOf(t);
export const RELATION_CLASSES: ReadonlyArray<LayoutRelation | 'none'> = ['none', ...LAYOUT_RELATIONS];
/** Relation-head classes after RELATION_CLASSES that only questions use (QA relations with no layout edit). */
export const QUESTION_ONLY_RELATIONS = ['above', 'below', 'near', 'far', 'inside'] as const;
export const RELATION_HEAD: readonly string[] = [...RELATION_CLASSES, ...QUESTION_ONLY_RELATIONS];
/** QA relations (app/qa/ask parse.ts) and the relation-head class each one is labelled with. */
export const QUESTION_RELATION_CLASS: Record<string, string> = {
  on: 'on_top_of',
  under: 'under',
  next_to: 'next_to',
  between: 'between',
  left: 'left_of',
  right: 'right_of',
  front: 'in_front_of',
  behind: 'behind',
  above: 'above',
  below: 'below',
  near: 'near',
  far: 'far',
  inside: 'inside',
};

export const DIRECTION_CLASSES: ReadonlyArray<MoveDirection | 'none'> = ['none', 'left', 'right', 'forward', 'backward'];
export const FRAME_CLASSES = ['object', 'viewer'] as const;
/** What the amount span's number is counted in: lengths, vague "a bit", degrees, whole turns. */
export const UNIT_CLASSES = ['none', 'mm', 'cm', 'm', 'ft', 'in', 'bit', 'deg', 'quarter_turn', 'half_turn'] as const;
export type UnitClass = (typeof UNIT_CLASSES)[number];
export const UNIT_METRES: Partial<Record<UnitClass, number>> = { mm: 0.001, cm: 0.01, m: 1, ft: 0.3048, in: 0.0254 };
/** Sense of a turn: counter-clockwise (the default) or clockwise. */
export const SENSE_CLASSES = ['ccw', 'cw'] as const;
/** Reference pointer slots after the M objects. */
export const REFERENCE_EXTRA = ['room', 'wall', 'none'] as const;
/** Second-reference pointer slots after the M objects. */
export const REFERENCE2_EXTRA = ['none'] as const;

/** Output names in order, with their length given T tokens and M objects. */
export const HEADS = {
  intent: () => QUESTION_BASE + QUESTION_TYPES.length,
  target: (_t: number, m: number) => m,
  reference: (_t: number, m: number) => m + REFERENCE_EXTRA.length,
  reference2: (_t: number, m: number) => m + REFERENCE2_EXTRA.length,
  relation: () => RELATION_HEAD.length,
  direction: () => DIRECTION_CLASSES.length,
  frame: () => FRAME_CLASSES.length,
  unit: () => UNIT_CLASSES.length,
  sense: () => SENSE_CLASSES.length,
  span_start: (t: number) => t,
  span_end: (t: number) => t,
} as const;
export type HeadName = keyof typeof HEADS;
/** Heads whose length follows the token or object count (declared with a symbolic dimension). */
export const DYNAMIC_HEADS: ReadonlySet<HeadName> = new Set<HeadName>(['target', 'reference', 'reference2', 'span_start', 'span_end']);
export const HEAD_NAMES = Object.keys(HEADS) as HeadName[];

export interface EncodedText {
  ids: number[];
  tokens: string[];
}

export interface EncodedObjects {
  /** Object ids in row order: pointer index i means ids[i]. */
  ids: number[];
  names: Float32Array;
  features: Float32Array;
}

/** Instruction tokens, cut to MAX_TOKENS (keeping the final [SEP]). */
export function encodeText(tok: LayoutTokenizer, text: string): EncodedText {
  const e = tok.encode(text);
  if (e.ids.length <= MAX_TOKENS) return e;
  return { ids: [...e.ids.slice(0, MAX_TOKENS - 1), e.ids[e.ids.length - 1]!], tokens: [...e.tokens.slice(0, MAX_TOKENS - 1), e.tokens[e.tokens.length - 1]!] };
}

/** The category as the model reads it: underscores to spaces, at most NAME_TOKENS pieces. */
export function nameIds(tok: LayoutTokenizer, category: string): number[] {
  const ids = tok.encode(category.replace(/[_-]+/g, ' ')).ids.slice(1, -1).slice(0, NAME_TOKENS);
  while (ids.length < NAME_TOKENS) ids.push(0);
  return ids;
}

const volumeOf = (o: LayoutObject) => Math.max(1e-6, o.size[0] * o.size[1] * o.size[2]);

/** One row per object of the document, in document order; `selection` sets the two selection flags. */
export function encodeObjects(tok: LayoutTokenizer, doc: LayoutDocument, selection: readonly number[] = []): EncodedObjects {
  const objs = doc.objects;
  const xs = doc.room.polygon.map((p) => p[0]);
  const ys = doc.room.polygon.map((p) => p[1]);
  const cx = xs.length ? (Math.min(...xs) + Math.max(...xs)) / 2 : 0;
  const cy = ys.length ? (Math.min(...ys) + Math.max(...ys)) / 2 : 0;
  const byCategory = new Map<string, number[]>();
  for (const o of objs) byCategory.set(o.category, [...(byCategory.get(o.category) ?? []), volumeOf(o)]);
  const names = new Float32Array(objs.length * NAME_TOKENS);
  const features = new Float32Array(objs.length * OBJECT_FEATURES);
  objs.forEach((o, i) => {
    names.set(nameIds(tok, o.category), i * NAME_TOKENS);
    const vols = byCategory.get(o.category)!;
    const mean = vols.reduce((a, b) => a + b, 0) / vols.length;
    const c = o.color;
    const row = [
      (o.pose.center[0] - cx) / 4,
      (o.pose.center[1] - cy) / 4,
      (o.pose.center[2] - o.size[2] / 2 - doc.room.floorZ) / 2,
      Math.min(o.size[0], 6) / 2,
      Math.min(o.size[1], 6) / 2,
      Math.min(o.size[2], 6) / 2,
      Math.cos(o.pose.yaw),
      Math.sin(o.pose.yaw),
      c ? c[0] / 255 : 0,
      c ? c[1] / 255 : 0,
      c ? c[2] / 255 : 0,
      c ? 1 : 0,
      o.sizeClass === 'small' ? 1 : 0,
      o.sizeClass === 'medium' ? 1 : 0,
      o.sizeClass === 'large' ? 1 : 0,
      o.kind === 'opening' ? 1 : 0,
      o.movable ? 1 : 0,
      Math.log(volumeOf(o) / mean),
      selection[0] === o.id ? 1 : 0,
      selection[1] === o.id ? 1 : 0,
    ];
    features.set(row, i * OBJECT_FEATURES);
  });
  return { ids: objs.map((o) => o.id), names, features };
}
