// Flag parsing shared by `npm start` and the CLI subcommands: node:util parseArgs in strict mode, so
// an unknown flag is an error (exit code 2) instead of being silently ignored.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Wrong command line: the message goes to stderr and the exit code is 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type FlagSpec = NonNullable<ParseArgsConfig['options']>;

export const COMMON_FLAGS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies FlagSpec;

export function parseFlags<T extends FlagSpec>(argv: string[], flags: T) {
  try {
    return parseArgs({ args: argv, options: flags, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

export function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port expects an integer 0…65535 (0 picks a free port), got ${JSON.stringify(value)}`);
  return port;
}

/** Like parseFlags, for commands that also take positional arguments (files, folders). */
export function parseCommandLine<T extends FlagSpec>(argv: string[], flags: T) {
  try {
    return parseArgs({ args: argv, options: flags, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

export function parseNumberFlag(name: string, value: string | undefined, fallback: number, check: (n: number) => boolean): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || !check(n)) throw new UsageError(`--${name}: invalid value ${JSON.stringify(value)}`);
  return n;
}
