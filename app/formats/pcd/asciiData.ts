// DATA ascii: one point per line, every field's values separated by whitespace; blank lines are skipped.
import { FormatError } from '../errors';
import { parseNumber, textLines, tokens } from '../text-lines';
import { allocateOutputs, type PcdOutputs } from './outputs';
import type { FieldSlot, PcdTargets } from './targets';
import type { PcdHeader } from './types';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

export function readAsciiData(bytes: Uint8Array, header: PcdHeader, t: PcdTargets, file: string): PcdOutputs {
  const n = header.points;
  const lines = textLines(bytes.subarray(header.dataOffset), header.lineCount);
  // Every value takes a character and a separator: a cheap bound before allocating for POINTS.
  if (n * t.rowTokens * 2 > lines.remaining + 1) {
    throw new FormatError({ file, line: header.lineCount + 1, expected: `POINTS ${n} rows of ${t.rowTokens} values, only ${lines.remaining} characters of data` });
  }
  const out = allocateOutputs(t, n);
  const { positions, colors, normals, labels, instances } = out;

  for (let i = 0; i < n; i++) {
    let row: string[];
    for (;;) {
      const line = lines.next();
      if (line === undefined) throw new FormatError({ file, line: lines.lineNo + 1, expected: `point ${i} of POINTS ${n}, file ends` });
      row = tokens(line);
      if (row.length) break;
    }
    if (row.length !== t.rowTokens) throw new FormatError({ file, line: lines.lineNo, expected: `${t.rowTokens} values per point, found ${row.length}` });
    const value = (s: FieldSlot): number => {
      const tok = row[s.token]!;
      const v = parseNumber(tok);
      const isInt = s.field.type !== 'F';
      if (v === undefined || (isInt && !Number.isInteger(v))) {
        throw new FormatError({ file, line: lines.lineNo, expected: `${isInt ? 'an integer' : 'a number'} for field ${s.field.name}, found "${tok}"` });
      }
      return v;
    };
    positions[3 * i] = value(t.xyz[0]);
    positions[3 * i + 1] = value(t.xyz[1]);
    positions[3 * i + 2] = value(t.xyz[2]);
    if (t.packedRgb) {
      let bits = value(t.packedRgb);
      // PCL writes a float-typed rgb as the integer 0x00RRGGBB in ascii (its float may be a NaN);
      // older writers wrote the float itself, whose bits are the colour: reinterpret those.
      if (t.packedRgb.field.type === 'F' && !/^\d+$/.test(row[t.packedRgb.token]!)) {
        f32[0] = bits;
        bits = u32[0]!;
      }
      colors![3 * i] = (bits >>> 16) & 255;
      colors![3 * i + 1] = (bits >>> 8) & 255;
      colors![3 * i + 2] = bits & 255;
    } else if (t.channels) {
      for (let c = 0; c < 3; c++) colors![3 * i + c] = value(t.channels[c]!);
    }
    if (t.normal) for (let c = 0; c < 3; c++) normals![3 * i + c] = value(t.normal[c]!);
    if (t.label) labels![i] = value(t.label);
    if (t.instance) instances![i] = value(t.instance);
  }
  for (let line = lines.next(); line !== undefined; line = lines.next()) {
    if (tokens(line).length) throw new FormatError({ file, line: lines.lineNo, expected: `end of file after POINTS ${n} points, found another row` });
  }
  return out;
}
