// A parsed layout instruction: objects are still phrases (the QA grounding resolves them), amounts
// are metres and degrees. Both the grammar parser and the later language model produce this shape.
import type { ObjectRef } from '../../qa/ask/types';
import type { Frame, LayoutRelation, MoveDirection } from '../request';
import type { Amount, Turn } from './amount';
import type { Correction } from './typos';

export type Intent = 'place' | 'move' | 'rotate' | 'swap' | 'remove' | 'duplicate';

/** A reference: an object phrase, the room ("the middle of the room"), or "the wall" (nearest, or the one by an object). */
export type ReferencePhrase = { kind: 'object'; ref: ObjectRef } | { kind: 'room' } | { kind: 'wall'; near?: ObjectRef };

export interface ParsedInstruction {
  intent: Intent;
  target: ObjectRef;
  relation?: LayoutRelation;
  reference?: ReferencePhrase;
  /** The second object of "between", or the other of a swap. */
  reference2?: ObjectRef;
  direction?: MoveDirection;
  amount?: Amount;
  turn?: Turn;
  frame: Frame;
  /** Words the typo tolerance replaced. */
  corrections: Correction[];
  /** The instruction as the grammar read it (normalised, amounts taken out). */
  normalised: string;
}

export type InstructionParse = { kind: 'parsed'; instruction: ParsedInstruction } | { kind: 'unsupported'; text: string; reason: string };
