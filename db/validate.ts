// Turns a zod failure into the typed error every layer understands, naming what was expected.
import type { z } from 'zod';
import { AppError } from '../app/contract/errors';

export function parseInput<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
  throw new AppError('invalid_input', `invalid ${what}: ${issues.join('; ')}`, { issues });
}
