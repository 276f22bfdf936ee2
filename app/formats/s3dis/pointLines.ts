// One S3DIS text file: a point per line, "x y z r g b", space-separated, colours 0..255.
import { FormatError } from '../errors';
import { parseNumber, textLines, tokens } from '../text-lines';

export interface PointLines {
  positions: Float32Array;
  colors: Uint8Array;
  count: number;
}

export function readPointLines(bytes: Uint8Array, file: string): PointLines {
  // Lines are at most one per \n or \r, plus one without a terminator: allocate once, trim after.
  let cap = 1;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a || bytes[i] === 0x0d) cap++;
  const positions = new Float32Array(cap * 3);
  const colors = new Uint8Array(cap * 3);
  const lines = textLines(bytes);
  let n = 0;
  for (let line = lines.next(); line !== undefined; line = lines.next()) {
    const t = tokens(line);
    if (t.length === 0) continue;
    if (t.length !== 6) throw new FormatError({ file, line: lines.lineNo, expected: `6 values "x y z r g b", found ${t.length}` });
    for (let c = 0; c < 3; c++) {
      const v = parseNumber(t[c]!);
      if (v === undefined || !Number.isFinite(v)) throw new FormatError({ file, line: lines.lineNo, expected: `a finite ${'xyz'[c]} coordinate, found "${t[c]}"` });
      positions[3 * n + c] = v;
    }
    for (let c = 0; c < 3; c++) {
      const v = parseNumber(t[3 + c]!);
      if (v === undefined || !Number.isInteger(v) || v < 0 || v > 255) {
        throw new FormatError({ file, line: lines.lineNo, expected: `a colour 0..255 for ${'rgb'[c]}, found "${t[3 + c]}"` });
      }
      colors[3 * n + c] = v;
    }
    n++;
  }
  return { positions: positions.subarray(0, n * 3), colors: colors.subarray(0, n * 3), count: n };
}

/** Non-blank lines of a text file: the point count of a room file without parsing it. */
export function countPointLines(bytes: Uint8Array): number {
  let n = 0;
  let blank = true;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a || b === 0x0d) {
      if (!blank) n++;
      blank = true;
    } else if (b !== 0x20 && b !== 0x09) blank = false;
  }
  return blank ? n : n + 1;
}
