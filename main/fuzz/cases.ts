// One fuzz case: pick a seed, mutate one of its files one to three times (truncate, overwrite,
// delete or duplicate a run: app/formats/fuzz.fixture), run the reader and classify the outcome.
// Everything derives from (base seed, case index), so a case is reproducible on its own.
import { FormatError } from '../../app/formats/errors';
import { mutate, rng } from '../../app/formats/fuzz.fixture';
import type { CaseOutcome, FuzzSeed, FuzzTarget } from './types';

export interface CaseInput {
  seed: FuzzSeed;
  files: Record<string, Uint8Array>;
  /** The file that was mutated. */
  mutated: string;
}

/** A stable 32-bit hash of a reader name, so each reader gets its own case stream. */
export function nameSeed(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function caseInput(target: FuzzTarget, caseIndex: number): CaseInput {
  const rand = rng((nameSeed(target.name) + Math.imul(caseIndex, 2654435761)) >>> 0);
  const seed = target.seeds[Math.floor(rand() * target.seeds.length)]!;
  const names = Object.keys(seed.files);
  const mutated = names[Math.floor(rand() * names.length)]!;
  let bytes = seed.files[mutated]!;
  // Mostly one mutation, so many variants stay close enough to valid to reach deep into the reader.
  const rounds = rand() < 0.6 ? 1 : 2 + Math.floor(rand() * 2);
  for (let r = 0; r < rounds && bytes.length > 0; r++) bytes = mutate(bytes, rand);
  return { seed, files: { ...seed.files, [mutated]: bytes }, mutated };
}

export interface CaseResult {
  outcome: CaseOutcome;
  seed: string;
  /** What went wrong, for failures. */
  message?: string;
}

/** Runs case `caseIndex` of `target`: a FormatError is an accepted outcome, anything else thrown is a failure. */
export function runCase(target: FuzzTarget, caseIndex: number): CaseResult {
  const input = caseInput(target, caseIndex);
  const seed = `${input.seed.name} (${input.mutated} mutated)`;
  try {
    target.run(input.files, input.seed);
    return { outcome: 'ok', seed };
  } catch (e) {
    if (e instanceof FormatError) {
      if (typeof e.file === 'string' && e.file.length > 0 && e.message.length > 0) return { outcome: 'format-error', seed };
      return { outcome: 'failure', seed, message: `FormatError without a file name: ${e.message}` };
    }
    const message = e instanceof Error ? `${e.name}: ${e.message}` : `threw ${String(e)}`;
    return { outcome: 'failure', seed, message };
  }
}
