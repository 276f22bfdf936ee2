// Test helper for the readers' fuzz suites: a fixed-seed generator and byte mutations
// (truncate, overwrite, delete a run, duplicate a run), so failures reproduce. Plain throws instead of
// vitest's expect: this file is production-layer code to the import lint, which allows no test packages.
import { FormatError } from './errors';
import type { ScanData } from './scan-data';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

const SPECIAL_BYTES = [0x00, 0x01, 0x0a, 0x0d, 0x20, 0x2d, 0x2e, 0x2f, 0x30, 0x39, 0x65, 0x7f, 0x80, 0xe0, 0xff];

export function mutate(src: Uint8Array, rand: () => number): Uint8Array {
  const kind = Math.floor(rand() * 5);
  const at = Math.floor(rand() * src.length);
  if (kind === 0) return src.slice(0, at);
  const out = src.slice();
  if (kind === 1 || kind === 2) {
    const n = 1 + Math.floor(rand() * 4);
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rand() * out.length);
      out[j] = kind === 1 ? Math.floor(rand() * 256) : SPECIAL_BYTES[Math.floor(rand() * SPECIAL_BYTES.length)]!;
    }
    return out;
  }
  if (kind === 3) {
    const len = 1 + Math.floor(rand() * 8);
    return Uint8Array.from([...src.subarray(0, at), ...src.subarray(at + len)]);
  }
  const len = 1 + Math.floor(rand() * 16);
  return Uint8Array.from([...src.subarray(0, at + len), ...src.subarray(at, at + len), ...src.subarray(at + len)]);
}

/** Whatever a reader returns must be self-consistent; throws a plain Error describing the first breach. */
export function expectConsistent(d: ScanData): void {
  const n = d.positions.length / 3;
  const check = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`inconsistent ScanData: ${what}`);
  };
  check(Number.isInteger(n), 'positions not a multiple of 3');
  check(!d.colors || d.colors.length === n * 3, 'colors length');
  check(!d.normals || d.normals.length === n * 3, 'normals length');
  check(!d.labels || d.labels.length === n, 'labels length');
  check(!d.instances || d.instances.length === n, 'instances length');
  if (d.faces) {
    check(d.faces.length % 3 === 0, 'faces not triangles');
    for (const v of d.faces) check(v < n, `face index ${v} beyond ${n} points`);
  }
}

/**
 * Runs `variants` mutations of `src` through `read`: each must return consistent data or throw a
 * FormatError naming `file` (or one of `file`). Returns how many were rejected; throws on anything else.
 */
export function fuzzReader(src: Uint8Array, seed: number, variants: number, file: string | string[], read: (bytes: Uint8Array) => ScanData): number {
  const rand = rng(seed);
  let rejected = 0;
  for (let i = 0; i < variants; i++) {
    const bytes = mutate(src, rand);
    let data: ScanData;
    try {
      data = read(bytes);
    } catch (e) {
      if (!(e instanceof FormatError)) throw new Error(`variant ${i} (seed ${seed}) threw ${String(e)}`, { cause: e });
      if (!([] as string[]).concat(file).includes(e.file)) throw new Error(`variant ${i} (seed ${seed}) named file ${e.file}, expected ${String(file)}`);
      rejected++;
      continue;
    }
    expectConsistent(data);
  }
  return rejected;
}
