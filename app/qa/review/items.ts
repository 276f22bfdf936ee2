// A generated question as a stored QA item: a draft under its question type, the answer the engine
// computed, the instances it names, its evidence, and in `query` where it came from (question id,
// options, ground truth, and the generator's version and parameters) so the dataset can be rebuilt.
import type { QaItemInput } from '../../contract/schemas';
import type { GeneratedQuestion } from '../vsibench/generate';
import type { BoxScene } from '../vsibench/meta';
import type { QuestionType } from '../vsibench/questions';

export interface GeneratorProvenance {
  engineVersion: string;
  seed: number;
  perType: number;
  types: readonly string[];
}

/** The unit an answer is given in ('' for counts and option answers). */
export const ANSWER_UNITS: Record<QuestionType, string> = {
  object_counting: '',
  object_abs_distance: 'm',
  object_size_estimation: 'cm',
  room_size_estimation: 'm²',
  object_rel_distance: '',
  object_rel_direction_easy: '',
  object_rel_direction_medium: '',
  object_rel_direction_hard: '',
  multispa_object_size: 'mm',
};

const MAX_INSTANCE_IDS = 64;

/** JSON has no Infinity or NaN; an unbounded evidence number is stored as null rather than refused. */
function jsonSafe(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]));
  return value;
}

/** The instance ids a question names: every instance of each category it mentions, in mention order. */
export function instanceIdsOf(q: GeneratedQuestion, scene: BoxScene): number[] {
  const all = scene.categories.flatMap((c) => scene.instances[c]!);
  const ids: number[] = [];
  for (const name of q.objects) for (const o of scene.instances[name] ?? []) ids.push(o.instanceId ?? all.indexOf(o));
  return [...new Set(ids)].slice(0, MAX_INSTANCE_IDS);
}

export function generatedItemInput(q: GeneratedQuestion, scene: BoxScene, sceneId: string, provenance: GeneratorProvenance): QaItemInput {
  return {
    sceneId,
    kind: q.question_type,
    question: q.question,
    answer: q.answer,
    unit: ANSWER_UNITS[q.question_type],
    instanceIds: instanceIdsOf(q, scene),
    status: 'draft',
    evidence: jsonSafe(q.evidence) as Record<string, unknown>,
    query: {
      source: 'generated',
      questionId: q.id,
      type: q.question_type,
      objects: q.objects,
      options: q.options,
      groundTruth: q.ground_truth,
      generator: { engineVersion: provenance.engineVersion, seed: provenance.seed, perType: provenance.perType, types: [...provenance.types] },
    },
  };
}
