// Parses the text header of a PCD file, up to and including the DATA line.
import { FormatError } from '../errors';
import type { PcdDataKind, PcdField, PcdFieldType, PcdHeader } from './types';

const DATA_KINDS: readonly PcdDataKind[] = ['ascii', 'binary', 'binary_compressed'];
const SIZES: Record<PcdFieldType, readonly number[]> = { F: [4, 8], I: [1, 2, 4, 8], U: [1, 2, 4, 8] };

export function parsePcdHeader(bytes: Uint8Array, file: string): PcdHeader {
  const values = new Map<string, { tokens: string[]; line: number; offset: number }>();
  let at = 0;
  let line = 0;
  for (;;) {
    if (at >= bytes.length) throw new FormatError({ file, offset: at, line: line + 1, expected: 'a "DATA ascii|binary|binary_compressed" header line, file ends first' });
    let end = bytes.indexOf(0x0a, at);
    if (end < 0) end = bytes.length;
    line++;
    const start = at;
    const text = latin1(bytes, at, end).trim();
    at = end + 1;
    if (text === '' || text.startsWith('#')) continue;
    const tokens = text.split(/\s+/);
    const key = tokens[0]!.toUpperCase();
    if (values.has(key)) throw new FormatError({ file, offset: start, line, expected: `one ${key} line, found a second` });
    values.set(key, { tokens: tokens.slice(1), line, offset: start });
    if (key === 'DATA') break;
  }
  const dataOffset = Math.min(at, bytes.length);
  return interpret(values, file, dataOffset, line);
}

function latin1(bytes: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i += 8192) s += String.fromCharCode(...bytes.subarray(i, Math.min(to, i + 8192)));
  return s;
}

type Lines = Map<string, { tokens: string[]; line: number; offset: number }>;

function interpret(values: Lines, file: string, dataOffset: number, lineCount: number): PcdHeader {
  const get = (key: string, required: boolean): { tokens: string[]; fail: (expected: string) => never } | undefined => {
    const v = values.get(key);
    if (!v) {
      if (required) throw new FormatError({ file, offset: dataOffset, line: lineCount, expected: `a ${key} line before DATA` });
      return undefined;
    }
    return { tokens: v.tokens, fail: (expected) => { throw new FormatError({ file, offset: v.offset, line: v.line, expected }); } };
  };
  const uint = (key: string, tok: string | undefined, fail: (e: string) => never): number => {
    if (tok === undefined || !/^\d{1,15}$/.test(tok)) fail(`${key} followed by a non-negative integer, found "${tok ?? ''}"`);
    return Number(tok);
  };

  const names = get('FIELDS', true)!;
  const n = names.tokens.length;
  if (n === 0) names.fail('FIELDS followed by at least one field name');
  const sizes = get('SIZE', true)!;
  const types = get('TYPE', true)!;
  const counts = get('COUNT', false);
  for (const [key, l] of [['SIZE', sizes], ['TYPE', types], ['COUNT', counts]] as const) {
    if (l && l.tokens.length !== n) l.fail(`${key} with ${n} entries, one per field, found ${l.tokens.length}`);
  }
  const fields: PcdField[] = names.tokens.map((name, i) => {
    const type = types.tokens[i]!.toUpperCase() as PcdFieldType;
    if (!(type in SIZES)) types.fail(`TYPE F, I or U, found "${types.tokens[i]}"`);
    const size = uint('SIZE', sizes.tokens[i], sizes.fail);
    if (!SIZES[type].includes(size)) sizes.fail(`SIZE ${SIZES[type].join(', ')} for TYPE ${type} (field ${name}), found ${size}`);
    const count = counts ? uint('COUNT', counts.tokens[i], counts.fail) : 1;
    if (count < 1) counts!.fail(`COUNT of at least 1 (field ${name})`);
    return { name, type, size, count };
  });

  const w = get('WIDTH', true)!;
  const width = uint('WIDTH', w.tokens[0], w.fail);
  const h = get('HEIGHT', false);
  const height = h ? uint('HEIGHT', h.tokens[0], h.fail) : 1;
  const p = get('POINTS', false);
  const points = p ? uint('POINTS', p.tokens[0], p.fail) : width * height;
  // A POINTS that disagrees with WIDTH × HEIGHT means one of them lies; trust neither.
  if (p && points !== width * height) p.fail(`POINTS equal to WIDTH × HEIGHT = ${width * height}, found ${points}`);

  const vp = get('VIEWPOINT', false);
  let viewpoint = [0, 0, 0, 1, 0, 0, 0];
  if (vp) {
    viewpoint = vp.tokens.map(Number);
    if (viewpoint.length !== 7 || viewpoint.some((v) => !Number.isFinite(v))) vp.fail('VIEWPOINT followed by 7 numbers (tx ty tz qw qx qy qz)');
  }
  const d = get('DATA', true)!;
  const data = d.tokens[0]?.toLowerCase() as PcdDataKind;
  if (!DATA_KINDS.includes(data) || d.tokens.length !== 1) d.fail(`DATA ascii, binary or binary_compressed, found "${d.tokens.join(' ')}"`);
  const version = values.get('VERSION')?.tokens[0] ?? '';
  return { version, fields, width, height, viewpoint, points, data, dataOffset, lineCount };
}
