// The .npy preamble: "\x93NUMPY", major and minor version, header length (2 bytes in v1, 4 in v2/v3),
// then a Python dict literal with descr, fortran_order and shape.
import { FormatError } from '../errors';
import { parsePyLiteral, PyLiteralError, type PyValue } from './pyLiteral';
import type { NpyHeader, NpyKind } from './types';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const KINDS: readonly NpyKind[] = ['f4', 'f8', 'i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8', 'b1'];

export function parseNpyHeader(bytes: Uint8Array, file: string): NpyHeader {
  for (let k = 0; k < MAGIC.length; k++) {
    if (bytes[k] !== MAGIC[k]) throw new FormatError({ file, offset: k, expected: 'the magic string "\\x93NUMPY" of a NumPy .npy file' });
  }
  if (bytes.length < 10) throw new FormatError({ file, offset: bytes.length, expected: 'version and header length after the magic, file ends' });
  const major = bytes[6]!;
  const minor = bytes[7]!;
  if (major < 1 || major > 3) throw new FormatError({ file, offset: 6, expected: `.npy format version 1, 2 or 3, found ${major}.${minor}` });
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wide = major >= 2;
  if (wide && bytes.length < 12) throw new FormatError({ file, offset: bytes.length, expected: '4-byte header length, file ends' });
  const headerLen = wide ? dv.getUint32(8, true) : dv.getUint16(8, true);
  const dictOffset = wide ? 12 : 10;
  const dataOffset = dictOffset + headerLen;
  if (dataOffset > bytes.length) throw new FormatError({ file, offset: bytes.length, expected: `a ${headerLen}-byte header, file ends after ${bytes.length - dictOffset}` });

  const raw = bytes.subarray(dictOffset, dataOffset);
  // v1/v2 headers are latin-1; v3 allows utf-8 (only in field names, which we do not accept anyway).
  const text = major === 3 ? new TextDecoder('utf-8').decode(raw) : latin1(raw);
  let dict: PyValue;
  try {
    dict = parsePyLiteral(text);
  } catch (e) {
    if (!(e instanceof PyLiteralError)) throw e;
    throw new FormatError({ file, offset: dictOffset + e.at, expected: `a Python dict literal header: ${e.expected}` });
  }
  const fail = (expected: string): never => {
    throw new FormatError({ file, offset: dictOffset, expected });
  };
  if (typeof dict !== 'object' || dict === null || Array.isArray(dict)) return fail("a header dict {'descr': …, 'fortran_order': …, 'shape': …}");
  const { descr, fortran_order: fortran, shape } = dict;
  if (typeof descr !== 'string') return fail(`'descr' to be a dtype string such as '<f4' (structured arrays are not supported), found ${JSON.stringify(descr ?? null)}`);
  const order = descr[0];
  const kind = descr.slice(1) as NpyKind;
  if ((order !== '<' && order !== '>' && order !== '|' && order !== '=') || !KINDS.includes(kind)) {
    fail(`'descr' one of <f4 <f8 <i1 <i2 <i4 <i8 <u1 <u2 <u4 <u8 |b1 (or '>' forms), found '${descr}'`);
  }
  const oneByte = kind === 'u1' || kind === 'i1' || kind === 'b1';
  if (order === '|' && !oneByte) fail(`a byte order '<' or '>' for '${kind}', found '|'`);
  if (typeof fortran !== 'boolean') fail(`'fortran_order' True or False, found ${JSON.stringify(fortran ?? null)}`);
  if (!Array.isArray(shape) || shape.some((d) => typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0)) {
    fail(`'shape' a tuple of non-negative integers, found ${JSON.stringify(shape ?? null)}`);
  }
  return {
    version: [major, minor],
    descr,
    kind,
    bigEndian: order === '>',
    fortranOrder: fortran as boolean,
    shape: shape as number[],
    dataOffset,
    dictOffset,
  };
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, Math.min(b.length, i + 8192)));
  return s;
}
