// Reads the body of an ASCII PLY line by line: one element row per line, blank lines ignored,
// errors carry the file's line number.
import { FormatError } from '../errors';
import { faceIndexProperty, type BodyResult } from './bodyResult';
import { fitsType, TYPE_KEYWORD } from './scalarTypes';
import type { PlyHeader, PlyScalarType } from './types';
import { firstNonFinite, planVertexOutputs, storeVertexValue, type VertexOutputs } from './vertexTargets';

const SPECIAL: Record<string, number> = { nan: NaN, inf: Infinity, infinity: Infinity };

export function readAsciiBody(bytes: Uint8Array, header: PlyHeader, file: string): BodyResult {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(header.bodyOffset));
  let at = 0;
  let lineNo = header.lineCount; // the end_header line
  // \r\n is handled by trim(); a file with only \r line ends splits on \r.
  const eol = text.includes('\n') ? '\n' : '\r';

  /** Next non-blank line's tokens, or undefined at end of text. */
  const nextTokens = (): string[] | undefined => {
    while (at < text.length) {
      let end = text.indexOf(eol, at);
      if (end < 0) end = text.length;
      const line = text.slice(at, end).trim();
      at = end + 1;
      lineNo++;
      if (line) return line.split(/\s+/);
    }
    return undefined;
  };

  let vertices: VertexOutputs | undefined;
  let vertexCount = -1;
  let faces: number[] | undefined;
  let faceCount = 0;

  for (const element of header.elements) {
    const props = element.properties;
    // A row needs at least one character per value: a cheap bound before allocating for the count.
    if (props.length > 0 && element.count > text.length - at) {
      throw new FormatError({ file, line: lineNo + 1, expected: `${element.count} ${element.name} rows, only ${text.length - at} characters left` });
    }
    const isVertex = element.name === 'vertex' && !vertices;
    const isFace = element.name === 'face' && !faces && faceIndexProperty(element) >= 0;
    if (isVertex) {
      vertices = planVertexOutputs(element);
      if (!vertices) throw new FormatError({ file, line: lineNo + 1, expected: 'vertex properties x, y and z' });
      vertexCount = element.count;
    }
    if (isFace) {
      if (vertexCount < 0) throw new FormatError({ file, line: lineNo + 1, expected: 'the vertex element before the face element' });
      faces = [];
      faceCount = element.count;
    }
    const listProp = isFace ? faceIndexProperty(element) : -1;
    if (props.length === 0) continue; // rows without values occupy no lines

    for (let row = 0; row < element.count; row++) {
      const tokens = nextTokens();
      if (!tokens) throw new FormatError({ file, line: lineNo + 1, expected: `${element.name} row ${row} of ${element.count}, file ends` });
      const value = (t: number, type: PlyScalarType, what: string): number => {
        const tok = tokens[t];
        if (tok === undefined) throw new FormatError({ file, line: lineNo, expected: `a value for ${what} of ${element.name} ${row}, line ends` });
        let v = Number(tok);
        if (Number.isNaN(v)) {
          const special = SPECIAL[tok.replace(/^[+-]/, '').toLowerCase()];
          if (special === undefined || (type !== 'float32' && type !== 'float64')) {
            throw new FormatError({ file, line: lineNo, expected: `a ${TYPE_KEYWORD[type]} for ${what} of ${element.name} ${row}, found "${tok}"` });
          }
          v = tok.startsWith('-') ? -special : special;
        }
        if (!fitsType(type, v)) throw new FormatError({ file, line: lineNo, expected: `a ${TYPE_KEYWORD[type]} for ${what} of ${element.name} ${row}, found "${tok}"` });
        return v;
      };
      let t = 0;
      for (let p = 0; p < props.length; p++) {
        const prop = props[p]!;
        if (!prop.listCountType) {
          const v = value(t++, prop.type, prop.name);
          if (isVertex) storeVertexValue(vertices!, vertices!.targets[p]!, prop.type, row, v);
          continue;
        }
        const count = value(t++, prop.listCountType, `the ${prop.name} count`);
        if (count < 0) throw new FormatError({ file, line: lineNo, expected: `a non-negative ${prop.name} count, found ${count}` });
        if (t + count > tokens.length) throw new FormatError({ file, line: lineNo, expected: `${count} ${prop.name} values on the line, found ${tokens.length - t}` });
        if (p === listProp && count >= 3) {
          const idx: number[] = [];
          for (let j = 0; j < count; j++) {
            const v = value(t + j, prop.type, prop.name);
            if (!(v >= 0 && v < vertexCount && Number.isInteger(v))) {
              throw new FormatError({ file, line: lineNo, expected: `a vertex index in 0..${vertexCount - 1} for face ${row}, found ${tokens[t + j]}` });
            }
            idx.push(v);
          }
          for (let j = 2; j < count; j++) faces!.push(idx[0]!, idx[j - 1]!, idx[j]!);
        } else {
          for (let j = 0; j < count; j++) value(t + j, prop.type, prop.name);
        }
        t += count;
      }
      if (t !== tokens.length) throw new FormatError({ file, line: lineNo, expected: `${t} values for ${element.name} ${row}, found ${tokens.length}` });
      if (isVertex) {
        const k = firstNonFinite(vertices!.positions.subarray(row * 3, row * 3 + 3));
        if (k >= 0) throw new FormatError({ file, line: lineNo, expected: `finite x y z for vertex ${row} (found NaN or infinity)` });
      }
    }
  }
  if (!vertices) throw new FormatError({ file, line: header.lineCount, expected: 'an element named "vertex"' });
  if (nextTokens()) throw new FormatError({ file, line: lineNo, expected: 'end of file after the last element (do the element counts match the data?)' });
  return { vertices, vertexCount, faces: faces ? Uint32Array.from(faces) : undefined, faceCount };
}
