// A typed question to a grounded query in one call: parse, then ground against the scene's objects.
import { groundQuery, type AskContext } from './ground';
import { parseQuestion } from './parse';
import type { AskResult } from './types';

export function ask(text: string, ctx: AskContext): AskResult {
  const parsed = parseQuestion(text);
  return parsed.kind === 'parsed' ? groundQuery(parsed.query, ctx) : parsed;
}
