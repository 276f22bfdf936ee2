// Reads the body of a binary PLY (either byte order). Fixed-stride elements take the column loops;
// elements with list properties are walked row by row with a bounds check per read.
import { FormatError } from '../errors';
import { copyColumn, copyRgbUint8, copyXyzFloat32, copyXyzRgb, type Column } from './binaryColumns';
import { readScalar, SCALAR_SIZE } from './scalarTypes';
import type { PlyElement, PlyHeader, PlyProperty } from './types';
import { firstNonFinite, planVertexOutputs, storeVertexValue, toColorByte, type VertexOutputs } from './vertexTargets';
import { faceIndexProperty, type BodyResult } from './bodyResult';

export interface Ctx {
  bytes: Uint8Array;
  dv: DataView;
  le: boolean;
  file: string;
  /** File offset of bytes[0]: 0 for a whole file, the chunk's start when parsing in chunks (error offsets). */
  base: number;
}

export const binaryCtx = (bytes: Uint8Array, header: PlyHeader, file: string, base = 0): Ctx => ({
  bytes,
  dv: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  le: header.format === 'binary_little_endian',
  file,
  base,
});

export function readBinaryBody(bytes: Uint8Array, header: PlyHeader, file: string): BodyResult {
  const ctx = binaryCtx(bytes, header, file);
  let pos = header.bodyOffset;
  let vertices: VertexOutputs | undefined;
  let vertexCount = -1;
  let faces: Uint32Array | undefined;
  let faceCount = 0;
  for (const element of header.elements) {
    if (element.name === 'vertex' && !vertices) {
      ensureMinimum(ctx, element, pos); // before allocating outputs sized by the header's count
      vertices = planVertexOutputs(element);
      if (!vertices) throw new FormatError({ file, offset: pos, expected: 'vertex properties x, y and z' });
      vertexCount = element.count;
      pos = readVertices(ctx, element, pos, vertices);
    } else if (element.name === 'face' && !faces && faceIndexProperty(element) >= 0) {
      if (vertexCount < 0) throw new FormatError({ file, offset: pos, expected: 'the vertex element before the face element' });
      const r = readFaces(ctx, element, pos, vertexCount);
      faces = r.faces;
      faceCount = element.count;
      pos = r.end;
    } else {
      pos = walkRows(ctx, element, pos, () => {});
    }
  }
  if (!vertices) throw new FormatError({ file, offset: header.bodyOffset, expected: 'an element named "vertex"' });
  if (pos !== bytes.length) {
    throw new FormatError({ file, offset: pos, expected: `end of file after the last element, found ${bytes.length - pos} more bytes (do the element counts match the data?)` });
  }
  return { vertices, vertexCount, faces, faceCount };
}

export const rowSize = (props: PlyProperty[]) => props.reduce((s, p) => s + SCALAR_SIZE[p.listCountType ?? p.type], 0);

function ensureFixed(ctx: Ctx, element: PlyElement, pos: number, stride: number): void {
  const have = ctx.bytes.length - pos;
  if (element.count * stride <= have) return;
  const row = Math.floor(have / stride);
  const missing = stride - (have - row * stride);
  throw new FormatError({
    file: ctx.file,
    offset: ctx.bytes.length,
    expected: `${missing} more ${element.name} bytes (row ${row} of ${element.count}, ${stride} bytes per row), file ends`,
  });
}

/** Every row holds at least its scalars and list counts; checking that first bounds every later loop and allocation. */
function ensureMinimum(ctx: Ctx, element: PlyElement, pos: number): void {
  const minRow = rowSize(element.properties);
  if (!element.properties.some((p) => p.listCountType)) return ensureFixed(ctx, element, pos, minRow);
  const have = ctx.bytes.length - pos;
  if (element.count * minRow > have) {
    throw new FormatError({ file: ctx.file, offset: ctx.bytes.length, expected: `at least ${element.count * minRow} bytes for ${element.count} ${element.name} rows, file ends after ${have}` });
  }
}

function readVertices(ctx: Ctx, element: PlyElement, pos: number, out: VertexOutputs): number {
  const props = element.properties;
  if (props.some((p) => p.listCountType)) return readVerticesByRow(ctx, element, pos, out);
  const stride = rowSize(props);
  ensureFixed(ctx, element, pos, stride);
  return readVertexRows(ctx, element, pos, out, 0, element.count);
}

/**
 * Copies `n` fixed-stride vertex rows starting at `pos` of ctx.bytes into rows first.. of the outputs:
 * the whole element at once (readPly), or the rows one chunk holds (PlyChunkParser). The caller has
 * checked the bounds. Returns the offset after the last row.
 */
export function readVertexRows(ctx: Ctx, element: PlyElement, pos: number, out: VertexOutputs, first: number, n: number): number {
  const props = element.properties;
  const stride = rowSize(props);
  const offsets: number[] = [];
  props.reduce((o, p) => (offsets.push(o), o + SCALAR_SIZE[p.type]), 0);
  const column = (i: number): Column => ({ bytes: ctx.bytes, dv: ctx.dv, start: pos + offsets[i]!, stride, count: n, type: props[i]!.type, le: ctx.le });
  const rows3 = <T extends Float32Array | Uint8Array>(a: T): T => (first === 0 && n * 3 === a.length ? a : (a.subarray(first * 3, (first + n) * 3) as T));
  const positions = rows3(out.positions);

  const [ix, iy, iz] = out.positionProps;
  const xyzPacked = [ix, iy, iz].every((i) => props[i]!.type === 'float32') && offsets[iy] === offsets[ix]! + 4 && offsets[iz] === offsets[ix]! + 8;
  const colorProps: number[] = [];
  const normalProps: number[] = [];
  out.targets.forEach((t, i) => {
    if (t.kind === 'color') colorProps[t.comp] = i;
    else if (t.kind === 'normal') normalProps[t.comp] = i;
  });
  const [r, g, b] = colorProps as [number, number, number];
  const rgbPacked = out.colors !== undefined && [r, g, b].every((i) => props[i]!.type === 'uint8') && offsets[g] === offsets[r]! + 1 && offsets[b] === offsets[r]! + 2;
  // Unaligned rows (e.g. 15-byte x y z r g b) read through DataView in one fused pass; aligned ones use a Float32Array view.
  const fused = xyzPacked && rgbPacked && ((ctx.bytes.byteOffset + pos + offsets[ix]!) % 4 !== 0 || stride % 4 !== 0);
  const colors = out.colors && rows3(out.colors);
  let bad = -1;
  if (fused) bad = copyXyzRgb(column(ix), offsets[r]! - offsets[ix]!, positions, colors!);
  else if (xyzPacked) bad = copyXyzFloat32(column(ix), positions);
  else {
    for (const [comp, i] of [ix, iy, iz].entries()) copyColumn(column(i), positions, comp, 3);
    const k = firstNonFinite(positions);
    if (k >= 0) bad = Math.floor(k / 3);
  }
  if (bad >= 0) {
    const rowAt = ctx.base + pos + bad * stride;
    throw new FormatError({ file: ctx.file, offset: rowAt + offsets[ix]!, expected: `finite x y z for vertex ${first + bad} (found NaN or infinity)` });
  }

  out.targets.forEach((t, i) => {
    if (t.kind === 'scalar') copyColumn(column(i), t.array, first, 1);
  });
  if (colors && !fused) {
    if (rgbPacked) copyRgbUint8(column(r), colors);
    else {
      for (const [comp, i] of colorProps.entries()) {
        if (props[i]!.type === 'uint8') copyColumn(column(i), colors, comp, 3);
        else convertColors(ctx, column(i), colors, comp);
      }
    }
  }
  if (out.normals) {
    const normals = rows3(out.normals);
    for (const [comp, i] of normalProps.entries()) copyColumn(column(i), normals, comp, 3);
  }
  return pos + n * stride;
}

/** Non-uchar colour channels: re-read through the slow converter (rare in practice). */
function convertColors(ctx: Ctx, c: Column, colors: Uint8Array, comp: number): void {
  for (let i = 0, o = c.start; i < c.count; i++, o += c.stride) {
    colors[i * 3 + comp] = toColorByte(c.type, readScalar(ctx.dv, o, c.type, ctx.le));
  }
}

function readVerticesByRow(ctx: Ctx, element: PlyElement, pos: number, out: VertexOutputs): number {
  const props = element.properties;
  const end = walkRows(ctx, element, pos, (row, prop, value) => storeVertexValue(out, out.targets[prop]!, props[prop]!.type, row, value));
  const k = firstNonFinite(out.positions);
  if (k >= 0) throw new FormatError({ file: ctx.file, offset: pos, expected: `finite x y z for vertex ${Math.floor(k / 3)} (found NaN or infinity)` });
  return end;
}

/**
 * Walks rows of any element with bounds checks, calling onScalar for each scalar property value.
 * List properties are stepped over. Returns the offset after the last row.
 */
function walkRows(ctx: Ctx, element: PlyElement, pos: number, onScalar: (row: number, prop: number, value: number) => void, onList?: (row: number, prop: number, countAt: number, count: number) => void): number {
  const { bytes, dv, le, file } = ctx;
  const props = element.properties;
  if (rowSize(props) === 0 || element.count === 0) return pos;
  ensureMinimum(ctx, element, pos);
  const need = (at: number, size: number, row: number, what: string) => {
    if (at + size > bytes.length) {
      throw new FormatError({ file, offset: bytes.length, expected: `${at + size - bytes.length} more bytes for ${what} of ${element.name} ${row}, file ends` });
    }
  };
  for (let row = 0; row < element.count; row++) {
    for (let p = 0; p < props.length; p++) {
      const prop = props[p]!;
      if (prop.listCountType) {
        const cs = SCALAR_SIZE[prop.listCountType];
        need(pos, cs, row, `the ${prop.name} count`);
        const count = readScalar(dv, pos, prop.listCountType, le);
        if (count < 0) throw new FormatError({ file, offset: pos, expected: `a non-negative ${prop.name} count for ${element.name} ${row}, found ${count}` });
        const items = count * SCALAR_SIZE[prop.type];
        need(pos + cs, items, row, `${count} ${prop.name} items`);
        onList?.(row, p, pos, count);
        pos += cs + items;
      } else {
        const size = SCALAR_SIZE[prop.type];
        need(pos, size, row, prop.name);
        onScalar(row, p, readScalar(dv, pos, prop.type, le));
        pos += size;
      }
    }
  }
  return pos;
}

function readFaces(ctx: Ctx, element: PlyElement, pos: number, vertexCount: number): { faces: Uint32Array; end: number } {
  const fast = readScanNetTriangles(ctx, element, pos, vertexCount);
  if (fast) return fast;
  const listProp = faceIndexProperty(element);
  const prop = element.properties[listProp]!;
  const itemSize = SCALAR_SIZE[prop.type];
  const countSize = SCALAR_SIZE[prop.listCountType!];
  // Pass 1 sizes the output (polygons add count-2 triangles); pass 2 fills and checks indices.
  let triangles = 0;
  walkRows(ctx, element, pos, () => {}, (_row, p, _at, count) => {
    if (p === listProp && count >= 3) triangles += count - 2;
  });
  const faces = new Uint32Array(triangles * 3);
  let k = 0;
  const { dv, le, file } = ctx;
  const end = walkRows(ctx, element, pos, () => {}, (row, p, at, count) => {
    if (p !== listProp || count < 3) return;
    const first = at + countSize;
    const index = (j: number) => {
      const off = first + j * itemSize;
      const v = readScalar(dv, off, prop.type, le);
      if (!(v >= 0 && v < vertexCount && Number.isInteger(v))) {
        throw new FormatError({ file, offset: off, expected: `a vertex index in 0..${vertexCount - 1} for face ${row}, found ${v}` });
      }
      return v;
    };
    const a = index(0);
    let b = index(1);
    for (let j = 2; j < count; j++) {
      const c = index(j);
      faces[k++] = a;
      faces[k++] = b;
      faces[k++] = c;
      b = c;
    }
  });
  return { faces, end };
}

/**
 * The ScanNet / VCG layout: one property "list uchar int|uint" per face, little endian, every count 3
 * (13 bytes per face). Returns undefined to fall back to the general walker on anything else.
 */
function readScanNetTriangles(ctx: Ctx, element: PlyElement, pos: number, vertexCount: number): { faces: Uint32Array; end: number } | undefined {
  const props = element.properties;
  const p = props[0];
  if (props.length !== 1 || !p || p.listCountType !== 'uint8' || (p.type !== 'int32' && p.type !== 'uint32') || !ctx.le) return undefined;
  const n = element.count;
  if (pos + n * 13 > ctx.bytes.length) return undefined; // the walker reports exactly where it ends
  const { bytes, dv } = ctx;
  const faces = new Uint32Array(n * 3);
  const limit = vertexCount >>> 0;
  for (let f = 0, o = pos, k = 0; f < n; f++, o += 13, k += 3) {
    if (bytes[o] !== 3) return undefined;
    // Read as uint32: a negative int32 becomes >= 2^31 and fails the same range check.
    const a = dv.getUint32(o + 1, true), b = dv.getUint32(o + 5, true), c = dv.getUint32(o + 9, true);
    if (a >= limit || b >= limit || c >= limit) {
      const j = a >= limit ? 0 : b >= limit ? 1 : 2;
      const bad = [a, b, c][j]!;
      const shown = p.type === 'int32' ? bad | 0 : bad;
      throw new FormatError({ file: ctx.file, offset: o + 1 + 4 * j, expected: `a vertex index in 0..${vertexCount - 1} for face ${f}, found ${shown}` });
    }
    faces[k] = a;
    faces[k + 1] = b;
    faces[k + 2] = c;
  }
  return { faces, end: pos + n * 13 };
}
