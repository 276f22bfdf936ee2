import { FormatError } from '../errors';

/** JSON.parse with the failure turned into a FormatError (with the byte position when the engine reports one). */
export function parseJsonFile(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec(String(e));
    const where = m ? { offset: Number(m[1]) } : {};
    throw new FormatError({ file, ...where, expected: `valid JSON (${String((e as Error).message ?? e)})` });
  }
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
