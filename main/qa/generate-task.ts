// One scene's question generation as a pure function of (scene source, parameters): read the scan
// (or pick the room out of VSI-Bench meta data), build the box scene, ask every valid question,
// curate. The CLI runs it in-process or in worker threads; the result is the same either way.
import { readFileSync } from 'node:fs';
import { AppError } from '../../app/contract/errors';
import { curateQuestions } from '../../app/qa/vsibench/curate';
import { generateQuestions, type DroppedQuestion, type GeneratedQuestion } from '../../app/qa/vsibench/generate';
import { parseVsiMetaText, type BoxScene } from '../../app/qa/vsibench/meta';
import { boxSceneOfScene } from '../../app/qa/vsibench/scene-boxes';
import type { QuestionType } from '../../app/qa/vsibench/questions';
import { loadScene } from '../../app/scene/load';
import { readSceneInput } from '../import/read-input';

export type GenerateTask =
  /** A scan file or scene folder; `name` becomes the scene id of its questions. */
  | { kind: 'scan'; path: string; name: string }
  /** One room of a VSI-Bench meta file. */
  | { kind: 'meta'; path: string; scene: string };

export interface GenerateParams {
  types: QuestionType[];
  seed: number;
  /** Balanced per-type quota per scene; null keeps every valid question. */
  perType: number | null;
  upAxis?: 'z' | 'y';
}

export type TaskResult =
  | {
      ok: true;
      scene: string;
      source: string;
      /** Objects the questions could name (instances with points, or meta boxes). */
      objects: number;
      questions: GeneratedQuestion[];
      dropped: DroppedQuestion[];
      ms: number;
    }
  | { ok: false; scene: string; source: string; error: { code: string; message: string } };

export const taskScene = (t: GenerateTask) => (t.kind === 'scan' ? t.name : t.scene);

/** Parsed meta files, per thread: a batch over one meta file parses it once per worker. */
const metaCache = new Map<string, BoxScene[]>();

function metaScene(path: string, name: string): BoxScene {
  let scenes = metaCache.get(path);
  if (!scenes) metaCache.set(path, (scenes = parseVsiMetaText(readFileSync(path, 'utf8'), path)));
  const scene = scenes.find((s) => s.id === name);
  if (!scene) throw new AppError('not_found', `${path}: no scene named ${JSON.stringify(name)}`, { path });
  return scene;
}

async function boxSceneOf(task: GenerateTask, params: GenerateParams): Promise<BoxScene> {
  if (task.kind === 'meta') return metaScene(task.path, task.scene);
  const read = await readSceneInput(task.path);
  const { scene } = loadScene(read.input, { id: task.name, name: task.name, source: task.path, ...(params.upAxis ? { upAxis: params.upAxis } : {}) });
  return boxSceneOfScene(scene);
}

export async function runGenerateTask(task: GenerateTask, params: GenerateParams): Promise<TaskResult> {
  const started = performance.now();
  const scene = taskScene(task);
  try {
    const box = await boxSceneOf(task, params);
    const set = curateQuestions(generateQuestions(box, { types: params.types, seed: params.seed }), { perType: params.perType, seed: params.seed });
    const objects = box.categories.reduce((n, c) => n + box.instances[c]!.length, 0);
    return { ok: true, scene, source: task.path, objects, questions: set.questions, dropped: set.dropped, ms: Math.round(performance.now() - started) };
  } catch (err) {
    const error = err instanceof AppError ? { code: err.code, message: err.message } : { code: 'internal', message: err instanceof Error ? err.message : String(err) };
    return { ok: false, scene, source: task.path, error };
  }
}
