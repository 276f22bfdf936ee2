// Dataset rows in the layouts other tools read: VSI-Bench rows (field names and question strings
// byte-exact), LLaVA-style conversations, ScanQA-style entries and RFC 4180 CSV.
import type { GeneratedQuestion } from '../vsibench/generate';
import type { BoxScene } from '../vsibench/meta';
import { isMultipleChoice } from '../vsibench/questions';

export const EXPORT_FORMATS = ['vsibench', 'llava', 'scanqa', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const isExportFormat = (f: string): f is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(f);

/** A VSI-Bench row, keys in the released files' order. */
export interface VsiBenchRow {
  id: number;
  dataset: string;
  scene_name: string;
  question_type: string;
  question: string;
  ground_truth: string;
  options: string[] | null;
}

/** Rows numbered from `firstId` in the given order. */
export function toVsiBenchRows(questions: readonly GeneratedQuestion[], dataset = 'scenewright', firstId = 0): VsiBenchRow[] {
  return questions.map((q, i) => ({ id: firstId + i, dataset, scene_name: q.scene_name, question_type: q.question_type, question: q.question, ground_truth: q.ground_truth, options: q.options }));
}

/** lmms-eval's VSI-Bench prompt endings, so a model trained on these sees the evaluation's wording. */
export const MC_POST_PROMPT = "Answer with the option's letter from the given choices directly.";
export const NA_POST_PROMPT = 'Please answer the question using a single word or phrase.';

export interface LlavaRow {
  id: string;
  scene: string;
  question_type: string;
  conversations: Array<{ from: 'human' | 'gpt'; value: string }>;
}

export function toLlavaRows(questions: readonly GeneratedQuestion[]): LlavaRow[] {
  return questions.map((q) => {
    const mc = isMultipleChoice(q.question_type);
    const prompt = mc ? `${q.question}\n${q.options!.join('\n')}\n${MC_POST_PROMPT}` : `${q.question}\n${NA_POST_PROMPT}`;
    return {
      id: q.id,
      scene: q.scene_name,
      question_type: q.question_type,
      conversations: [
        { from: 'human', value: `<video>\n${prompt}` },
        { from: 'gpt', value: q.ground_truth },
      ],
    };
  });
}

export interface ScanQaRow {
  question_id: string;
  scene_id: string;
  question: string;
  answers: string[];
  object_ids: number[];
  object_names: string[];
}

/**
 * ScanQA entries. Answers are text (the option text for multiple choice). Object ids come from the
 * scenes when given: the instance ids (point scenes) or positions in the meta's object list.
 */
export function toScanQaRows(questions: readonly GeneratedQuestion[], split: string, scenes: readonly BoxScene[] = []): ScanQaRow[] {
  const byId = new Map(scenes.map((s) => [s.id, s]));
  const perScene = new Map<string, number>();
  return questions.map((q) => {
    const n = perScene.get(q.scene_name) ?? 0;
    perScene.set(q.scene_name, n + 1);
    const scene = byId.get(q.scene_name);
    const objectIds: number[] = [];
    if (scene) {
      const all = scene.categories.flatMap((c) => scene.instances[c]!);
      for (const name of q.objects) for (const o of scene.instances[name] ?? []) objectIds.push(o.instanceId ?? all.indexOf(o));
    }
    return { question_id: `${split}-${q.scene_name}-${n}`, scene_id: q.scene_name, question: q.question, answers: [String(q.answer)], object_ids: objectIds, object_names: [...q.objects] };
  });
}

export const CSV_COLUMNS = ['id', 'scene_name', 'question_type', 'question', 'options', 'ground_truth', 'answer', 'objects'] as const;

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled; records end in CRLF. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(questions: readonly GeneratedQuestion[]): string {
  const rows = questions.map((q) => [q.id, q.scene_name, q.question_type, q.question, (q.options ?? []).join('\n'), q.ground_truth, String(q.answer), q.objects.join('\n')]);
  return [CSV_COLUMNS as readonly string[], ...rows].map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}

/** The text of one split in a format, and the file extension it is written with. */
export function serialise(format: ExportFormat, questions: readonly GeneratedQuestion[], split: string, scenes: readonly BoxScene[] = []): { text: string; ext: string } {
  switch (format) {
    case 'vsibench':
      return { text: `${JSON.stringify(toVsiBenchRows(questions), null, 1)}\n`, ext: 'json' };
    case 'llava':
      return { text: toLlavaRows(questions).map((r) => `${JSON.stringify(r)}\n`).join(''), ext: 'jsonl' };
    case 'scanqa':
      return { text: `${JSON.stringify(toScanQaRows(questions, split, scenes), null, 1)}\n`, ext: 'json' };
    case 'csv':
      return { text: toCsv(questions), ext: 'csv' };
  }
}
