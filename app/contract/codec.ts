// Binary frame codec for the web bridge: a JSON header plus raw typed-array bodies, so bulk data
// (positions, colours, ids) never becomes JSON number lists.
//
// Layout (little endian):
//   0  "SWF1" magic
//   4  u32 header byte length H
//   8  H bytes of UTF-8 JSON: { "v": value with {"$bin": i} placeholders, "b": [[type, offset, byteLength], ...] }
//   .. bodies, each starting on an 8-byte boundary, offsets relative to the frame start
import { AppError } from './errors';

const MAGIC = 0x31465753; // "SWF1" read as u32 LE
const ARRAY_TYPES = {
  Float32Array,
  Float64Array,
  Uint8Array,
  Uint16Array,
  Uint32Array,
  Int8Array,
  Int16Array,
  Int32Array,
} as const;
type ArrayTypeName = keyof typeof ARRAY_TYPES;
type AnyTypedArray = InstanceType<(typeof ARRAY_TYPES)[ArrayTypeName]>;

function typeNameOf(value: unknown): ArrayTypeName | null {
  for (const name of Object.keys(ARRAY_TYPES) as ArrayTypeName[]) {
    if (value instanceof ARRAY_TYPES[name]) return name;
  }
  return null;
}

const align8 = (n: number) => (n + 7) & ~7;

export function encodeFrame(value: unknown): Uint8Array {
  const parts = encodeFrameParts(value);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.byteLength));
  return out;
}

/**
 * The frame's bytes as pieces in order (head, zero padding, views of the bodies), for writers that
 * stream a large frame to a file instead of copying every body into one buffer.
 */
export function encodeFrameParts(value: unknown): Uint8Array[] {
  const bodies: AnyTypedArray[] = [];
  const table: [ArrayTypeName, number, number][] = [];
  const replace = (v: unknown): unknown => {
    const name = typeNameOf(v);
    if (name) {
      bodies.push(v as AnyTypedArray);
      table.push([name, 0, (v as AnyTypedArray).byteLength]);
      return { $bin: bodies.length - 1 };
    }
    if (Array.isArray(v)) return v.map(replace);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = replace(x);
      return out;
    }
    return v;
  };
  const replaced = replace(value);
  // Offsets depend on the header length, which depends on the offsets' digits: iterate to a fixpoint.
  let headerBytes: Uint8Array = new Uint8Array(0);
  for (let guess = 0, i = 0; i < 4; i++) {
    let offset = align8(8 + guess);
    for (const row of table) {
      row[1] = offset;
      offset = align8(offset + row[2]);
    }
    headerBytes = new TextEncoder().encode(JSON.stringify({ v: replaced, b: table }));
    if (headerBytes.length === guess) break;
    guess = headerBytes.length;
  }
  const head = new Uint8Array(8 + headerBytes.length);
  const view = new DataView(head.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, headerBytes.length, true);
  head.set(headerBytes, 8);
  const parts = [head];
  let at = head.byteLength;
  bodies.forEach((body, i) => {
    const offset = table[i]![1];
    if (offset > at) parts.push(new Uint8Array(offset - at));
    parts.push(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
    at = offset + body.byteLength;
  });
  return parts;
}

function frameError(message: string, offset: number): AppError {
  return new AppError('invalid_input', `binary frame: ${message} at byte ${offset}`, { offset });
}

export function decodeFrame(bytes: Uint8Array): unknown {
  if (bytes.byteLength < 8) throw frameError(`expected at least 8 bytes, got ${bytes.byteLength}`, 0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw frameError('expected magic "SWF1"', 0);
  const headerLength = view.getUint32(4, true);
  if (8 + headerLength > bytes.byteLength) throw frameError(`header length ${headerLength} runs past end of frame`, 4);
  let header: { v: unknown; b: unknown };
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLength)));
  } catch {
    throw frameError('expected a UTF-8 JSON header', 8);
  }
  if (!header || typeof header !== 'object' || !Array.isArray(header.b)) throw frameError('expected header {v, b}', 8);
  const arrays: AnyTypedArray[] = header.b.map((row: unknown, i: number) => {
    if (!Array.isArray(row) || row.length !== 3) throw frameError(`body table row ${i} malformed`, 8);
    const [name, offset, length] = row as [string, number, number];
    const Ctor = ARRAY_TYPES[name as ArrayTypeName];
    if (!Ctor) throw frameError(`unknown array type ${JSON.stringify(name)}`, 8);
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 8 + headerLength || offset + length > bytes.byteLength) {
      throw frameError(`body ${i} (${length} bytes) out of bounds`, offset);
    }
    if (length % Ctor.BYTES_PER_ELEMENT !== 0) throw frameError(`body ${i} length not a multiple of ${Ctor.BYTES_PER_ELEMENT}`, offset);
    // Copy into a fresh, aligned buffer: the frame may sit at any offset of a larger buffer.
    const copy = new Uint8Array(length);
    copy.set(bytes.subarray(offset, offset + length));
    return new Ctor(copy.buffer);
  });
  const restore = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(restore);
    if (v && typeof v === 'object') {
      const bin = (v as { $bin?: unknown }).$bin;
      if (typeof bin === 'number' && Object.keys(v).length === 1) {
        const arr = arrays[bin];
        if (!arr) throw frameError(`placeholder names missing body ${bin}`, 8);
        return arr;
      }
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = restore(x);
      return out;
    }
    return v;
  };
  return restore(header.v);
}
