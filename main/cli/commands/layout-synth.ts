// `scenewright layout synth --out <file.jsonl> [--n N] [--seed S] [--questions SHARE] [--json]`: training examples for
// the layout language model (main/layout/synth-instructions.ts); native-models/layout/reproduce.sh runs it.
import { writeSynth } from '../../layout/synth-instructions';
import { parseCommandLine, UsageError } from '../args';
import type { Io } from '../command';

const FLAGS = {
  out: { type: 'string' },
  n: { type: 'string' },
  seed: { type: 'string' },
  questions: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const intFlag = (name: string, value: string | undefined, fallback: number, min: number) => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`layout synth: --${name} expects an integer ≥ ${min}, got ${JSON.stringify(value)}`);
  return n;
};

export async function synth(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, FLAGS);
  if (positionals.length > 0) throw new UsageError(`layout synth takes no positional arguments, got ${JSON.stringify(positionals)}`);
  if (!values.out) throw new UsageError('layout synth: --out <file.jsonl> is required');
  const share = values.questions === undefined ? 0 : Number(values.questions);
  if (!(share >= 0 && share <= 1)) throw new UsageError(`layout synth: --questions expects a share between 0 and 1, got ${JSON.stringify(values.questions)}`);
  const summary = writeSynth(values.out, intFlag('n', values.n, 20000, 1), intFlag('seed', values.seed, 1, 0), undefined, share);
  io.out(values.json ? `${JSON.stringify(summary)}\n` : `${summary.examples} examples over ${summary.rooms} rooms (${summary.realRooms} real, ${summary.simulatedRooms} simulated available) → ${summary.out}\n`);
  return 0;
}
