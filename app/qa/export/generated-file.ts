// The file `scenewright qa generate` writes, read back for export: the questions with their answers
// (evidence is carried through untouched).
import { z } from 'zod';
import { AppError } from '../../contract/errors';
import type { GeneratedQuestion } from '../vsibench/generate';
import { isQuestionType } from '../vsibench/questions';

const QuestionSchema = z.object({
  id: z.string(),
  scene_name: z.string(),
  question_type: z.string().refine(isQuestionType, 'not a question type the generator writes'),
  question: z.string(),
  options: z.array(z.string()).nullable(),
  ground_truth: z.string(),
  answer: z.union([z.number(), z.string()]),
  objects: z.array(z.string()),
  evidence: z.unknown(),
});
const FileSchema = z.object({ format: z.literal('vsibench'), seed: z.number().optional(), scenes: z.array(z.string()).optional(), questions: z.array(QuestionSchema) });

export interface GeneratedFile {
  seed?: number;
  scenes?: string[];
  questions: GeneratedQuestion[];
}

export function parseGeneratedFile(text: string, source = 'generated.json'): GeneratedFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new AppError('bad_file', `${source}: not JSON: ${err instanceof Error ? err.message : String(err)}`, { source });
  }
  const parsed = FileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('bad_file', `${source}: ${issue.path.map(String).join('.') || '(file)'}: ${issue.message}`, { source });
  }
  return parsed.data as GeneratedFile;
}
