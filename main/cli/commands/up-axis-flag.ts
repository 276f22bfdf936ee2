import { UsageError } from '../args';

/** `--up-axis y|z`: which axis points up in the file, overriding the format's convention. */
export function parseUpAxis(value: string | undefined): 'y' | 'z' | undefined {
  if (value === undefined) return undefined;
  if (value !== 'y' && value !== 'z') throw new UsageError(`--up-axis expects y or z, got ${JSON.stringify(value)}`);
  return value;
}
