// Every VSI-Bench question a box-only scene supports, each with its answer and evidence, and every
// candidate an asking rule removed, with the rule and the numbers that triggered it.
import { deriveSeed, Random } from '../../sample/random';
import { SIZE_DIMENSIONS, sizeQuestionText } from '../workbench/object-size';
import {
  absDistanceAnswer,
  axisSizeAnswer,
  categoryDistance,
  countAnswer,
  relDirectionAnswer,
  relDistanceAnswer,
  roomSizeAnswer,
  sizeAnswer,
  type Answer,
  type Evidence,
} from './answers';
import { DIRECTION_MARGIN_DEG, EASY_BACK_BIN } from './direction';
import type { BoxScene } from './meta';
import { shuffled } from './shuffle';
import { DIRECTION_LABELS, directionType, optionLetter, QUESTION_TYPES, questionText, type BoxQuestionType, type QuestionType } from './questions';

export interface GeneratedQuestion {
  /** Stable across seeds: scene, type and the objects in the scene's category order. */
  id: string;
  scene_name: string;
  question_type: QuestionType;
  question: string;
  /** "A. text" entries for multiple choice, null for numeric answers (as in VSI-Bench rows). */
  options: string[] | null;
  /** As VSI-Bench writes it: the number as text, or the option letter. */
  ground_truth: string;
  /** The answer itself: the number, or the option text. */
  answer: number | string;
  /** Category names in template slot order (object_rel_distance: primary, then options in option order). */
  objects: string[];
  evidence: Evidence;
}

export type DropRule =
  | 'single_instance'
  | 'not_unique'
  | 'too_close'
  | 'too_far'
  | 'closest_too_close'
  | 'ambiguous'
  | 'near_edge'
  | 'back_bin'
  | 'corners_off'
  | 'no_direction'
  // Curation (curate.ts): what the asking rules kept but the dataset does not take.
  | 'duplicate'
  | 'already_stored'
  | 'over_quota';

export interface DroppedQuestion {
  scene_name: string;
  question_type: QuestionType;
  /** The question's id, for candidates that became questions before curation dropped them. */
  id?: string;
  objects: string[];
  rule: DropRule;
  reason: string;
}

export interface GeneratedSet {
  questions: GeneratedQuestion[];
  dropped: DroppedQuestion[];
}

export interface GenerateOptions {
  types?: readonly QuestionType[];
  /** Seeds the option order of multiple-choice questions. */
  seed?: number;
}

/** Absolute distance: pairs closer than this are not asked. */
export const ABS_MIN_DISTANCE = 0.2;
/** Relative distance: option distances must differ by at least this (the larger value in rooms over LARGE_ROOM_AREA m²). */
export const REL_MIN_GAP = 0.15;
export const REL_MIN_GAP_LARGE_ROOM = 0.3;
export const LARGE_ROOM_AREA = 40;
/** Relative distance: the closest option must be at least this far from the primary object. */
export const REL_MIN_CLOSEST = 0.15;
/** Relative direction: every pair of the three objects is between these closest-point distances. */
export const DIR_MIN_PAIR = 0.3;
export const DIR_MAX_PAIR = 5.0;
/** Relative direction: at most this many query-box corners may fall in another bin than the centroid. */
export const DIR_MAX_CORNERS_OFF = 2;

const f3 = (x: number) => x.toFixed(3);

function* combinations<T>(items: readonly T[], k: number, start = 0, prefix: T[] = []): Generator<T[]> {
  if (prefix.length === k) {
    yield prefix;
    return;
  }
  for (let i = start; i <= items.length - (k - prefix.length); i++) yield* combinations(items, k, i + 1, [...prefix, items[i]!]);
}

/** Numbers as VSI-Bench's ground truth writes them: integers plain, areas and distances with one decimal. */
function numberText(type: BoxQuestionType, value: number): string {
  return type === 'room_size_estimation' || type === 'object_abs_distance' ? value.toFixed(1) : String(value);
}

export function generateQuestions(scene: BoxScene, options: GenerateOptions = {}): GeneratedSet {
  const types = new Set<QuestionType>(options.types ?? QUESTION_TYPES);
  const seed = options.seed ?? 0;
  const questions: GeneratedQuestion[] = [];
  const dropped: DroppedQuestion[] = [];
  const count = (c: string) => scene.instances[c]!.length;
  const unique = scene.categories.filter((c) => count(c) === 1);
  const drop = (type: QuestionType, objects: string[], rule: DropRule, reason: string) => dropped.push({ scene_name: scene.id, question_type: type, objects, rule, reason });
  const dropNonUnique = (type: QuestionType, what: string) => {
    for (const c of scene.categories) if (count(c) !== 1) drop(type, [c], 'not_unique', `${c} has ${count(c)} instances; ${what} must be unique`);
  };
  const idOf = (type: QuestionType, objects: string[]) => `${scene.id}/${type}/${objects.join('|')}`;

  const numeric = (type: BoxQuestionType, objects: string[], answer: Answer) => {
    const value = answer.value as number;
    questions.push({ id: idOf(type, objects), scene_name: scene.id, question_type: type, question: questionText(type, objects), options: null, ground_truth: numberText(type, value), answer: value, objects, evidence: answer.evidence });
  };
  /** Option order is shuffled per question from (seed, id), so it never depends on what else is generated. */
  const choice = (type: BoxQuestionType, idObjects: string[], labels: readonly string[], answer: Answer, text: (order: string[]) => { question: string; objects: string[] }) => {
    const id = idOf(type, idObjects);
    const order = shuffled(labels, new Random(deriveSeed(seed, id)));
    const { question, objects } = text(order);
    const letter = optionLetter(order.indexOf(answer.value as string));
    questions.push({ id, scene_name: scene.id, question_type: type, question, options: order.map((o, i) => `${optionLetter(i)}. ${o}`), ground_truth: letter, answer: answer.value, objects, evidence: answer.evidence });
  };

  if (types.has('object_counting')) {
    for (const c of scene.categories) {
      if (count(c) === 1) drop('object_counting', [c], 'single_instance', `${c} has a single instance; counting asks only about categories with several`);
      else numeric('object_counting', [c], countAnswer(scene, c));
    }
  }

  if (types.has('object_size_estimation')) {
    dropNonUnique('object_size_estimation', 'the measured object');
    for (const c of unique) numeric('object_size_estimation', [c], sizeAnswer(scene, c));
  }

  if (types.has('multispa_object_size')) {
    const type = 'multispa_object_size';
    dropNonUnique(type, 'the measured object');
    for (const c of unique)
      for (const dimension of SIZE_DIMENSIONS) {
        const answer = axisSizeAnswer(scene, c, dimension);
        questions.push({ id: `${idOf(type, [c])}|${dimension}`, scene_name: scene.id, question_type: type, question: sizeQuestionText(dimension, c), options: null, ground_truth: String(answer.value), answer: answer.value, objects: [c], evidence: answer.evidence });
      }
  }

  if (types.has('room_size_estimation')) numeric('room_size_estimation', [], roomSizeAnswer(scene));

  if (types.has('object_abs_distance')) {
    dropNonUnique('object_abs_distance', 'both objects');
    for (const [a, b] of combinations(unique, 2)) {
      const answer = absDistanceAnswer(scene, a!, b!);
      const d = answer.evidence.distance;
      if (d < ABS_MIN_DISTANCE) drop('object_abs_distance', [a!, b!], 'too_close', `closest-point distance ${f3(d)} m < ${ABS_MIN_DISTANCE} m`);
      else numeric('object_abs_distance', [a!, b!], answer);
    }
  }

  if (types.has('object_rel_distance')) {
    const type = 'object_rel_distance';
    dropNonUnique(type, 'the primary object');
    const gapLimit = scene.roomSize > LARGE_ROOM_AREA ? REL_MIN_GAP_LARGE_ROOM : REL_MIN_GAP;
    for (const primary of unique) {
      const others = scene.categories.filter((c) => c !== primary);
      for (const set of combinations(others, 4)) {
        const answer = relDistanceAnswer(scene, primary, set);
        const { gap, minPairGap, options: measured } = answer.evidence;
        const closest = Math.min(...measured.map((m) => m.distance));
        const objects = [primary, ...set];
        if (closest < REL_MIN_CLOSEST) drop(type, objects, 'closest_too_close', `closest option is ${f3(closest)} m < ${REL_MIN_CLOSEST} m from the ${primary}`);
        else if (minPairGap < gapLimit) drop(type, objects, 'ambiguous', `two option distances differ by ${f3(minPairGap)} m < ${gapLimit} m (room ${scene.roomSize.toFixed(1)} m²; answer gap ${f3(gap)} m)`);
        else choice(type, objects, set, answer, (order) => ({ question: questionText(type, [primary, ...order]), objects: [primary, ...order] }));
      }
    }
  }

  const levels = (['easy', 'medium', 'hard'] as const).filter((l) => types.has(directionType(l)));
  if (levels.length > 0) {
    for (const level of levels) dropNonUnique(directionType(level), 'all three objects');
    for (const pos of unique)
      for (const ori of unique)
        for (const qry of unique) {
          if (pos === ori || pos === qry || ori === qry) continue;
          const objects = [pos, ori, qry];
          const pairs: Array<[string, string]> = [
            [pos, ori],
            [pos, qry],
            [ori, qry],
          ];
          let pairProblem: [DropRule, string] | null = null;
          for (const [x, y] of pairs) {
            const d = categoryDistance(scene, x, y).distance;
            if (d < DIR_MIN_PAIR) pairProblem = ['too_close', `${x}–${y} closest-point distance ${f3(d)} m < ${DIR_MIN_PAIR} m`];
            else if (d > DIR_MAX_PAIR) pairProblem = ['too_far', `${x}–${y} closest-point distance ${f3(d)} m > ${DIR_MAX_PAIR} m`];
            if (pairProblem) break;
          }
          for (const level of levels) {
            const type = directionType(level);
            if (pairProblem) {
              drop(type, objects, ...pairProblem);
              continue;
            }
            const answer = relDirectionAnswer(scene, level, pos, ori, qry);
            if (!answer) {
              drop(type, objects, 'no_direction', 'the facing or the query object is straight above or below the standing point in xy');
              continue;
            }
            const { theta, margin, cornersOff } = answer.evidence;
            if (level === 'easy' && theta >= EASY_BACK_BIN[0] && theta < EASY_BACK_BIN[1]) drop(type, objects, 'back_bin', `θ = ${theta.toFixed(2)}° is in the back bin [${EASY_BACK_BIN[0]}, ${EASY_BACK_BIN[1]})`);
            else if (level !== 'easy' && margin <= DIRECTION_MARGIN_DEG) drop(type, objects, 'near_edge', `θ = ${theta.toFixed(2)}° is ${margin.toFixed(2)}° from a bin edge (≤ ${DIRECTION_MARGIN_DEG}°)`);
            else if (cornersOff > DIR_MAX_CORNERS_OFF) drop(type, objects, 'corners_off', `${cornersOff} of the ${qry}'s 8 corners fall in another bin than its centroid (> ${DIR_MAX_CORNERS_OFF})`);
            else choice(type, objects, DIRECTION_LABELS[level], answer, () => ({ question: questionText(type, objects), objects }));
          }
        }
  }
  return { questions, dropped };
}
