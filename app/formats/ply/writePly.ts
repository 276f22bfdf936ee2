// Writes PLY: binary little endian by default (x y z float, nx ny nz float, red green blue uchar,
// one property per scalar array, faces as "list uchar int vertex_indices"), or ascii.
import { TYPE_KEYWORD } from './scalarTypes';
import type { PlyScalarType, PlyWritableScalars, PlyWriteInput, PlyWriteOptions } from './types';

type ScalarArray = PlyWritableScalars[string];

function scalarType(a: ScalarArray): PlyScalarType {
  if (a instanceof Float32Array) return 'float32';
  if (a instanceof Float64Array) return 'float64';
  if (a instanceof Int32Array) return 'int32';
  if (a instanceof Uint32Array) return 'uint32';
  if (a instanceof Int16Array) return 'int16';
  if (a instanceof Uint16Array) return 'uint16';
  if (a instanceof Int8Array) return 'int8';
  return 'uint8';
}

const RESERVED = new Set(['x', 'y', 'z', 'nx', 'ny', 'nz', 'red', 'green', 'blue']);

function validate(data: PlyWriteInput): number {
  const n = data.positions.length / 3;
  const check = (ok: boolean, what: string) => {
    if (!ok) throw new RangeError(`writePly: ${what}`);
  };
  check(Number.isInteger(n), `positions length ${data.positions.length} is not a multiple of 3`);
  check(!data.colors || data.colors.length === n * 3, `colors length ${data.colors?.length} is not 3 × ${n} vertices`);
  check(!data.normals || data.normals.length === n * 3, `normals length ${data.normals?.length} is not 3 × ${n} vertices`);
  check(!data.faces || data.faces.length % 3 === 0, `faces length ${data.faces?.length} is not a multiple of 3`);
  if (data.faces) for (const v of data.faces) check(v < n, `face index ${v} out of range for ${n} vertices`);
  for (const [name, a] of Object.entries(data.scalars ?? {})) {
    check(/^[^\s]+$/.test(name) && !RESERVED.has(name), `scalar name "${name}" must be one word and not a position/normal/colour name`);
    check(a.length === n, `scalar "${name}" has ${a.length} values for ${n} vertices`);
  }
  return n;
}

function headerText(data: PlyWriteInput, n: number, format: string, comments: string[]): string {
  const lines = ['ply', `format ${format} 1.0`, ...comments.map((c) => `comment ${c.replace(/[\r\n]+/g, ' ')}`), `element vertex ${n}`];
  lines.push('property float x', 'property float y', 'property float z');
  if (data.normals) lines.push('property float nx', 'property float ny', 'property float nz');
  if (data.colors) lines.push('property uchar red', 'property uchar green', 'property uchar blue');
  for (const [name, a] of Object.entries(data.scalars ?? {})) lines.push(`property ${TYPE_KEYWORD[scalarType(a)]} ${name}`);
  if (data.faces) lines.push(`element face ${data.faces.length / 3}`, 'property list uchar int vertex_indices');
  lines.push('end_header', '');
  return lines.join('\n');
}

export function writePly(data: PlyWriteInput, options: PlyWriteOptions = {}): Uint8Array {
  const n = validate(data);
  const format = options.format ?? 'binary_little_endian';
  const head = new TextEncoder().encode(headerText(data, n, format, options.comments ?? []));
  return format === 'ascii' ? writeAscii(data, n, head) : writeBinary(data, n, head);
}

const SIZE: Record<PlyScalarType, number> = { int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, float32: 4, float64: 8 };

function writeBinary(data: PlyWriteInput, n: number, head: Uint8Array): Uint8Array {
  const scalars = Object.values(data.scalars ?? {}).map((a) => ({ a, type: scalarType(a) }));
  const stride = 12 + (data.normals ? 12 : 0) + (data.colors ? 3 : 0) + scalars.reduce((s, x) => s + SIZE[x.type], 0);
  const faceCount = data.faces ? data.faces.length / 3 : 0;
  const out = new Uint8Array(head.length + n * stride + faceCount * 13);
  out.set(head);
  const dv = new DataView(out.buffer);
  const { positions: p, normals: nr, colors: c } = data;
  // Column by column: each loop is monomorphic, and rows are filled at their field offsets.
  let field = head.length;
  for (let i = 0, o = field, k = 0; i < n; i++, o += stride, k += 3) {
    dv.setFloat32(o, p[k]!, true);
    dv.setFloat32(o + 4, p[k + 1]!, true);
    dv.setFloat32(o + 8, p[k + 2]!, true);
  }
  field += 12;
  if (nr) {
    for (let i = 0, o = field, k = 0; i < n; i++, o += stride, k += 3) {
      dv.setFloat32(o, nr[k]!, true);
      dv.setFloat32(o + 4, nr[k + 1]!, true);
      dv.setFloat32(o + 8, nr[k + 2]!, true);
    }
    field += 12;
  }
  if (c) {
    for (let i = 0, o = field, k = 0; i < n; i++, o += stride, k += 3) {
      out[o] = c[k]!;
      out[o + 1] = c[k + 1]!;
      out[o + 2] = c[k + 2]!;
    }
    field += 3;
  }
  for (const { a, type } of scalars) {
    writeColumn(dv, a, type, field, stride);
    field += SIZE[type];
  }
  if (data.faces) {
    const f = data.faces;
    for (let t = 0, o = head.length + n * stride, k = 0; t < faceCount; t++, o += 13, k += 3) {
      out[o] = 3;
      dv.setUint32(o + 1, f[k]!, true);
      dv.setUint32(o + 5, f[k + 1]!, true);
      dv.setUint32(o + 9, f[k + 2]!, true);
    }
  }
  return out;
}

function writeColumn(dv: DataView, a: ScalarArray, type: PlyScalarType, start: number, stride: number): void {
  const n = a.length;
  switch (type) {
    case 'int8': for (let i = 0, o = start; i < n; i++, o += stride) dv.setInt8(o, a[i]!); return;
    case 'uint8': for (let i = 0, o = start; i < n; i++, o += stride) dv.setUint8(o, a[i]!); return;
    case 'int16': for (let i = 0, o = start; i < n; i++, o += stride) dv.setInt16(o, a[i]!, true); return;
    case 'uint16': for (let i = 0, o = start; i < n; i++, o += stride) dv.setUint16(o, a[i]!, true); return;
    case 'int32': for (let i = 0, o = start; i < n; i++, o += stride) dv.setInt32(o, a[i]!, true); return;
    case 'uint32': for (let i = 0, o = start; i < n; i++, o += stride) dv.setUint32(o, a[i]!, true); return;
    case 'float32': for (let i = 0, o = start; i < n; i++, o += stride) dv.setFloat32(o, a[i]!, true); return;
    case 'float64': for (let i = 0, o = start; i < n; i++, o += stride) dv.setFloat64(o, a[i]!, true); return;
  }
}

/** Shortest decimal that reads back as the same float32. */
function float32Text(v: number): string {
  for (const digits of [7, 8, 9]) {
    const s = v.toPrecision(digits);
    if (Math.fround(Number(s)) === v) return String(Number(s));
  }
  return String(v);
}

function writeAscii(data: PlyWriteInput, n: number, head: Uint8Array): Uint8Array {
  const { positions: p, normals: nr, colors: c } = data;
  const scalars = Object.values(data.scalars ?? {});
  const text = (a: ScalarArray, i: number) => (a instanceof Float32Array ? float32Text(a[i]!) : String(a[i]));
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const row = [float32Text(p[i * 3]!), float32Text(p[i * 3 + 1]!), float32Text(p[i * 3 + 2]!)];
    if (nr) row.push(float32Text(nr[i * 3]!), float32Text(nr[i * 3 + 1]!), float32Text(nr[i * 3 + 2]!));
    if (c) row.push(String(c[i * 3]), String(c[i * 3 + 1]), String(c[i * 3 + 2]));
    for (const a of scalars) row.push(text(a, i));
    lines.push(row.join(' '));
  }
  const f = data.faces;
  if (f) for (let k = 0; k < f.length; k += 3) lines.push(`3 ${f[k]} ${f[k + 1]} ${f[k + 2]}`);
  const body = new TextEncoder().encode(lines.length ? `${lines.join('\n')}\n` : '');
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}
