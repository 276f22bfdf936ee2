import { FormatError } from '../errors';
import { isIntegerType, parseScalarType } from './scalarTypes';
import type { PlyElement, PlyFormat, PlyHeader } from './types';

const FORMATS: readonly PlyFormat[] = ['ascii', 'binary_little_endian', 'binary_big_endian'];
const END = 'end_header';

/** Locates and parses the header; the body is left to the readers. Accepts \n, \r\n and \r line ends, mixed. */
export function parsePlyHeader(bytes: Uint8Array, file: string): PlyHeader {
  if (bytes.length === 0) throw new FormatError({ file, offset: 0, expected: 'a PLY header starting with "ply", file is empty' });
  const magicEnd = bytes[3];
  if (bytes[0] !== 0x70 || bytes[1] !== 0x6c || bytes[2] !== 0x79 || (magicEnd !== 0x0a && magicEnd !== 0x0d)) {
    throw new FormatError({ file, offset: 0, line: 1, expected: 'the magic line "ply"' });
  }
  const endAt = findEndHeader(bytes);
  if (endAt < 0) throw new FormatError({ file, offset: bytes.length, expected: '"end_header" line, file ends first' });

  // Body starts after end_header's own line break: \n, \r\n or a lone \r (a binary body may begin with 0x0d after \n).
  let bodyOffset = endAt + END.length;
  if (bytes[bodyOffset] === 0x0d) bodyOffset++;
  if (bytes[bodyOffset] === 0x0a) bodyOffset++;
  else if (bytes[bodyOffset - 1] !== 0x0d && bodyOffset < bytes.length) {
    throw new FormatError({ file, offset: bodyOffset, expected: 'a line break after "end_header"' });
  }

  let text = '';
  for (let i = 0; i < endAt; i += 8192) text += String.fromCharCode(...bytes.subarray(i, Math.min(endAt, i + 8192)));
  return parseLines(text, file, bodyOffset);
}

function findEndHeader(bytes: Uint8Array): number {
  const e = 0x65; // 'e'
  for (let i = bytes.indexOf(e, 3); i >= 0; i = bytes.indexOf(e, i + 1)) {
    const prev = bytes[i - 1];
    if (prev !== 0x0a && prev !== 0x0d) continue;
    let k = 1;
    while (k < END.length && bytes[i + k] === END.charCodeAt(k)) k++;
    if (k !== END.length) continue;
    const next = bytes[i + k];
    if (next === undefined || next === 0x0a || next === 0x0d) return i;
  }
  return -1;
}

function parseLines(text: string, file: string, bodyOffset: number): PlyHeader {
  let format: PlyFormat | undefined;
  let version = '';
  const elements: PlyElement[] = [];
  const comments: string[] = [];
  const objInfo: string[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let offset = 0;
  const lineBreaks = text.match(/\r\n|\r|\n/g) ?? [];

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const here = { file, line: i + 1, offset };
    offset += raw.length + (lineBreaks[i]?.length ?? 0);
    if (i === 0) continue; // "ply", checked by the caller
    const fail = (expected: string): never => {
      throw new FormatError({ ...here, expected });
    };
    const tokens = raw.trim().split(/\s+/);
    const keyword = tokens[0];
    if (keyword === '' || keyword === undefined) continue;
    if (keyword === 'comment') {
      comments.push(raw.trim().slice(7).trim());
      continue;
    }
    if (keyword === 'obj_info') {
      objInfo.push(raw.trim().slice(8).trim());
      continue;
    }
    if (keyword === 'format') {
      if (format) fail('one "format" line, found a second');
      const f = tokens[1] as PlyFormat;
      if (!FORMATS.includes(f)) fail(`format ascii, binary_little_endian or binary_big_endian, found "${tokens[1] ?? ''}"`);
      if (tokens.length !== 3) fail('"format <type> <version>"');
      format = f;
      version = tokens[2]!;
      continue;
    }
    if (!format) fail('"format …" as the second header line');
    if (keyword === 'element') {
      const count = tokens[2];
      if (tokens.length !== 3 || !count || !/^\d+$/.test(count)) fail('"element <name> <count>" with a non-negative integer count');
      elements.push({ name: tokens[1]!, count: Number(count), properties: [] });
      continue;
    }
    if (keyword === 'property') {
      const element = elements[elements.length - 1];
      if (!element) fail('"element …" before the first "property"');
      if (tokens[1] === 'list') {
        if (tokens.length !== 5) fail('"property list <count type> <item type> <name>"');
        const countType = parseScalarType(tokens[2]!);
        const itemType = parseScalarType(tokens[3]!);
        if (!countType || !isIntegerType(countType)) fail(`an integer list count type, found "${tokens[2]}"`);
        if (!itemType) fail(`a PLY scalar type (char uchar short ushort int uint float double or int8…float64), found "${tokens[3]}"`);
        element!.properties.push({ name: tokens[4]!, type: itemType!, listCountType: countType! });
      } else {
        if (tokens.length !== 3) fail('"property <type> <name>"');
        const type = parseScalarType(tokens[1]!);
        if (!type) fail(`a PLY scalar type (char uchar short ushort int uint float double or int8…float64), found "${tokens[1]}"`);
        element!.properties.push({ name: tokens[2]!, type: type! });
      }
      continue;
    }
    fail(`a header keyword (format, element, property, comment, obj_info, end_header), found "${keyword}"`);
  }
  // The last split piece is the (empty) start of the end_header line itself.
  if (!format) throw new FormatError({ file, line: lines.length, offset, expected: '"format …" line before "end_header"' });
  return { format, version, elements, comments, objInfo, bodyOffset, lineCount: lines.length };
}
