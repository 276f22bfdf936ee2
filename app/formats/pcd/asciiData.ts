// DATA ascii: one point per line, every field's values separated by whitespace; blank lines are skipped.
// Fed in chunks of any size (readPcd passes the whole body as one): text is decoded as a stream and
// complete lines are parsed as they arrive. Line ends are \n, \r\n or, in a body without any \n,
// lone \r; until a \n shows up the text is held back, so a \r-only body is parsed at the end.
import { FormatError } from '../errors';
import { parseNumber, tokens } from '../text-lines';
import type { PcdBody } from './binaryData';
import { allocateOutputs, type PcdOutputs } from './outputs';
import type { FieldSlot, PcdTargets } from './targets';
import type { PcdHeader } from './types';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

export class AsciiBody implements PcdBody {
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';
  private eol: '\n' | '\r' | undefined;
  private lineNo: number;
  private i = 0;
  private readonly out: PcdOutputs;

  /** `fileLength` bounds POINTS before the outputs are allocated. */
  constructor(private readonly header: PcdHeader, private readonly t: PcdTargets, private readonly file: string, fileLength: number) {
    this.lineNo = header.lineCount;
    const n = header.points;
    const remaining = Math.max(0, fileLength - header.dataOffset);
    // Every value takes a character and a separator: a cheap bound before allocating for POINTS.
    if (n * t.rowTokens * 2 > remaining + 1) {
      throw new FormatError({ file, line: header.lineCount + 1, expected: `POINTS ${n} rows of ${t.rowTokens} values, only ${remaining} characters of data` });
    }
    this.out = allocateOutputs(t, n);
  }

  push(chunk: Uint8Array): void {
    this.pending += this.decoder.decode(chunk, { stream: true });
    this.drain(false);
  }

  finish(): PcdOutputs {
    this.pending += this.decoder.decode();
    this.drain(true);
    if (this.i < this.header.points) throw new FormatError({ file: this.file, line: this.lineNo + 1, expected: `point ${this.i} of POINTS ${this.header.points}, file ends` });
    return this.out;
  }

  private drain(final: boolean): void {
    if (!this.eol) {
      if (this.pending.includes('\n')) this.eol = '\n';
      else if (final) this.eol = '\r';
      else return;
    }
    const text = this.pending;
    let at = 0;
    for (;;) {
      const end = text.indexOf(this.eol, at);
      if (end < 0) break;
      this.line(text.slice(at, text.charCodeAt(end - 1) === 13 && end > at ? end - 1 : end));
      at = end + 1;
    }
    if (final && at < text.length) {
      const rest = text.slice(at);
      this.line(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
      at = text.length;
    }
    this.pending = text.slice(at);
  }

  private line(line: string): void {
    this.lineNo++;
    const row = tokens(line);
    if (!row.length) return;
    const { t, file, out } = this;
    const n = this.header.points;
    const lineNo = this.lineNo;
    if (this.i >= n) throw new FormatError({ file, line: lineNo, expected: `end of file after POINTS ${n} points, found another row` });
    if (row.length !== t.rowTokens) throw new FormatError({ file, line: lineNo, expected: `${t.rowTokens} values per point, found ${row.length}` });
    const value = (s: FieldSlot): number => {
      const tok = row[s.token]!;
      const v = parseNumber(tok);
      const isInt = s.field.type !== 'F';
      if (v === undefined || (isInt && !Number.isInteger(v))) {
        throw new FormatError({ file, line: lineNo, expected: `${isInt ? 'an integer' : 'a number'} for field ${s.field.name}, found "${tok}"` });
      }
      return v;
    };
    const i = this.i++;
    const { positions, colors, normals, labels, instances } = out;
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
}
