// Instruction in, previewable edit out: parse (the grammar; a language model can stand in later and
// the answer says which one read it), ground, solve. Never throws for what a user can type: every
// failure is a result with the reason.
import type { EditRequest } from '../request';
import { solveEdit, type EditResult } from '../solve';
import type { LayoutDocument } from '../types';
import { groundInstruction, type Grounding, type InstructionContext } from './ground';
import { parseInstruction } from './parse';
import type { InstructionParse } from './types';

export type InstructionParser = 'grammar' | 'model';

export type InstructionEdit =
  | { status: 'edited' | 'refused'; parser: InstructionParser; parse: InstructionParse; grounding: Grounding; request: EditRequest; result: EditResult; ms: number }
  | { status: 'not_understood' | 'ambiguous' | 'not_found'; parser: InstructionParser; parse: InstructionParse; reason: string; phrase?: string; candidates?: number[]; ms: number };

export function editByInstruction(doc: LayoutDocument, text: string, ctx: InstructionContext, parse: (text: string) => InstructionParse = (t) => parseInstruction(t, { categories: doc.objects.map((o) => o.category) }), parser: InstructionParser = 'grammar'): InstructionEdit {
  const t0 = performance.now();
  const parsed = parse(text);
  const ms = () => performance.now() - t0;
  if (parsed.kind === 'unsupported') return { status: 'not_understood', parser, parse: parsed, reason: parsed.reason, ms: ms() };
  const g = groundInstruction(doc, parsed.instruction, ctx);
  if (g.kind !== 'grounded') return { status: g.kind === 'unsupported' ? 'not_understood' : g.kind, parser, parse: parsed, reason: g.reason, phrase: g.phrase, candidates: g.candidates, ms: ms() };
  const result = solveEdit(doc, g.request, ctx.viewer);
  return { status: result.ok ? 'edited' : 'refused', parser, parse: parsed, grounding: g.grounding, request: g.request, result, ms: ms() };
}
