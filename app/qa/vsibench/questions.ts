// VSI-Bench question types and their byte-exact strings (docs spec/spatial-qa.md), with the inverse
// parse the audit needs to recover category names from released questions.

export const BOX_QUESTION_TYPES = [
  'object_counting',
  'object_abs_distance',
  'object_size_estimation',
  'room_size_estimation',
  'object_rel_distance',
  'object_rel_direction_easy',
  'object_rel_direction_medium',
  'object_rel_direction_hard',
] as const;
export type BoxQuestionType = (typeof BOX_QUESTION_TYPES)[number];

/**
 * Multi-SpatialMLLM (MultiSPA) types a scene without camera frames supports: object height, length
 * and width in millimetres from the axis-aligned box. Its depth and camera-motion questions need
 * the capture's camera poses and images, which a scan or box meta data lacks.
 */
export const MULTISPA_QUESTION_TYPES = ['multispa_object_size'] as const;
export type MultiSpaQuestionType = (typeof MULTISPA_QUESTION_TYPES)[number];

/** Every type the generator asks: VSI-Bench's, then MultiSPA's. */
export const QUESTION_TYPES = [...BOX_QUESTION_TYPES, ...MULTISPA_QUESTION_TYPES] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const isQuestionType = (t: string): t is QuestionType => (QUESTION_TYPES as readonly string[]).includes(t);

/** Types in VSI-Bench that boxes cannot answer (people wrote the routes; order needs the video). */
export const UNCOMPUTABLE_TYPES: Record<string, string> = {
  route_planning: 'route_planning questions are written by people; no box rule defines their answer',
  obj_appearance_order: 'obj_appearance_order needs the capture video (first-appearance frames), which box meta data lacks',
};

export type DirectionLevel = 'easy' | 'medium' | 'hard';
export const directionType = (level: DirectionLevel): BoxQuestionType => `object_rel_direction_${level}`;

export const isBoxQuestionType = (t: string): t is BoxQuestionType => (BOX_QUESTION_TYPES as readonly string[]).includes(t);
export const isMultipleChoice = (t: string) => t === 'object_rel_distance' || t.startsWith('object_rel_direction_');

/** The answer labels of each direction level, in bin order. */
export const DIRECTION_LABELS: Record<DirectionLevel, readonly string[]> = {
  hard: ['front-left', 'back-left', 'back-right', 'front-right'],
  medium: ['left', 'back', 'right'],
  easy: ['left', 'right'],
};

const HARD_TAIL = 'is the {qry} to my front-left, front-right, back-left, or back-right?\nThe directions refer to the quadrants of a Cartesian plane (if I am standing at the origin and facing along the positive y-axis).';
const MEDIUM_TAIL = 'is the {qry} to my left, right, or back?\nAn object is to my back if I would have to turn at least 135 degrees in order to face it.';

/** Templates with named slots; `{list}` is the comma-separated option list of object_rel_distance. */
export const TEMPLATES: Record<BoxQuestionType, string> = {
  object_counting: 'How many {category}(s) are in this room?',
  object_abs_distance: 'Measuring from the closest point of each object, what is the distance between the {o1} and the {o2} (in meters)?',
  object_size_estimation: 'What is the length of the longest dimension (length, width, or height) of the {category}, measured in centimeters?',
  room_size_estimation: 'What is the size of this room (in square meters)? \nIf multiple rooms are shown, estimate the size of the combined space.',
  object_rel_distance: 'Measuring from the closest point of each object, which of these objects ({list}) is the closest to the {category}?',
  object_rel_direction_hard: `If I am standing by the {pos} and facing the {ori}, ${HARD_TAIL}`,
  object_rel_direction_medium: `If I am standing by the {pos} and facing the {ori}, ${MEDIUM_TAIL}`,
  object_rel_direction_easy: 'If I am standing by the {pos} and facing the {ori}, is the {qry} to the left or the right of the {ori}?',
};

/** The slots of each template in the order `objects` lists them. */
export const SLOTS: Record<BoxQuestionType, readonly string[]> = {
  object_counting: ['category'],
  object_abs_distance: ['o1', 'o2'],
  object_size_estimation: ['category'],
  room_size_estimation: [],
  object_rel_distance: ['category', 'list'],
  object_rel_direction_hard: ['pos', 'ori', 'qry'],
  object_rel_direction_medium: ['pos', 'ori', 'qry'],
  object_rel_direction_easy: ['pos', 'ori', 'qry'],
};

/**
 * The question text. `objects` follows SLOTS, except that object_rel_distance takes the primary
 * category then its four options (joined into `{list}` with ", ").
 */
export function questionText(type: BoxQuestionType, objects: readonly string[]): string {
  const values: Record<string, string> =
    type === 'object_rel_distance' ? { category: objects[0]!, list: objects.slice(1).join(', ') } : Object.fromEntries(SLOTS[type].map((s, i) => [s, objects[i]!]));
  return TEMPLATES[type].replace(/\{(\w+)\}/g, (_, slot: string) => {
    const v = values[slot];
    if (v === undefined) throw new RangeError(`${type}: no value for {${slot}}`);
    return v;
  });
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PARSERS = Object.fromEntries(
  Object.entries(TEMPLATES).map(([type, template]) => {
    const order: string[] = [];
    const pattern = template
      .split(/(\{\w+\})/)
      .map((part) => {
        const slot = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!slot) return escapeRe(part);
        // A repeated slot ({ori} in the easy template) must repeat the same text.
        if (order.includes(slot)) return `\\k<${slot}>`;
        order.push(slot);
        return `(?<${slot}>.+?)`;
      })
      .join('');
    return [type, new RegExp(`^${pattern}$`, 's')];
  }),
) as Record<BoxQuestionType, RegExp>;

/**
 * The slot values of a question string, or null when it is not this type's template byte for byte.
 * For object_rel_distance the `list` slot is returned whole: category names are split by the options.
 */
export function parseQuestion(type: BoxQuestionType, question: string): Record<string, string> | null {
  const m = PARSERS[type].exec(question);
  return m ? { ...m.groups } : null;
}

/** "A. left" → { letter: 'A', text: 'left' } */
export function parseOption(option: string): { letter: string; text: string } | null {
  const m = /^([A-Z])\. (.*)$/s.exec(option);
  return m ? { letter: m[1]!, text: m[2]! } : null;
}

export const optionLetter = (i: number) => String.fromCharCode(65 + i);
