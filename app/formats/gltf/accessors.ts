// Reads a glTF accessor through its bufferView into a flat array, honouring byteStride and normalized.
import type { Json, JsonFields } from './json';
import type { AccessorData } from './types';

const COMPONENT_SIZE: Record<number, number> = { 5120: 1, 5121: 1, 5122: 2, 5123: 2, 5125: 4, 5126: 4 };
const TYPE_SIZE: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4, MAT2: 4, MAT3: 9, MAT4: 16 };

export interface AccessorNeed {
  /** Accepted element sizes (3 for POSITION, 3 or 4 for COLOR_0, …). */
  sizes: number[];
  /** Accepted component types. */
  types: number[];
  /** Integer output (indices) instead of float. */
  integer?: boolean;
}

export function readAccessor(json: Json, f: JsonFields, buffers: Uint8Array[], index: unknown, path: string, need: AccessorNeed): AccessorData {
  const acc = f.item(json, 'accessors', index, path);
  const ap = `accessors[${index as number}]`;
  const componentType = acc.componentType as number;
  const compSize = COMPONENT_SIZE[componentType];
  if (!compSize || !need.types.includes(componentType)) f.fail(`${ap}.componentType`, `to be one of ${need.types.join(', ')} for ${path}, found ${JSON.stringify(acc.componentType)}`);
  const size = typeof acc.type === 'string' ? TYPE_SIZE[acc.type] : undefined;
  if (!size || !need.sizes.includes(size)) f.fail(`${ap}.type`, `to have ${need.sizes.join(' or ')} components for ${path}, found ${JSON.stringify(acc.type)}`);
  const count = f.index(acc.count, `${ap}.count`);
  if (acc.sparse !== undefined) f.fail(`${ap}.sparse`, 'to be absent (sparse accessors are not supported)');
  const n = count * size!;
  const values = need.integer ? new Uint32Array(n) : new Float32Array(n);
  if (acc.bufferView === undefined) return { size: size!, count, values }; // all zeros, as the spec says

  const view = f.item(json, 'bufferViews', acc.bufferView, `${ap}.bufferView`);
  const vp = `bufferViews[${acc.bufferView as number}]`;
  const buffer = buffers[f.index(view.buffer, `${vp}.buffer`)];
  if (!buffer) return f.fail(`${vp}.buffer`, `to index buffers (${buffers.length} entries)`);
  const viewOffset = f.optIndex(view, 'byteOffset', vp, 0);
  const viewLength = f.index(view.byteLength, `${vp}.byteLength`);
  if (viewOffset + viewLength > buffer.length) f.fail(vp, `to lie within its buffer of ${buffer.length} bytes`);
  const elemSize = size! * compSize!;
  const stride = f.optIndex(view, 'byteStride', vp, elemSize);
  if (stride < elemSize) f.fail(`${vp}.byteStride`, `to be at least the element size ${elemSize}, found ${stride}`);
  const accOffset = f.optIndex(acc, 'byteOffset', ap, 0);
  if (count > 0 && accOffset + (count - 1) * stride + elemSize > viewLength) f.fail(ap, `to fit its bufferView of ${viewLength} bytes (${count} elements, stride ${stride})`);

  const dv = new DataView(buffer.buffer, buffer.byteOffset + viewOffset, viewLength);
  const norm = acc.normalized === true && !need.integer;
  let k = 0;
  for (let i = 0, o = accOffset; i < count; i++, o += stride) {
    for (let c = 0, q = o; c < size!; c++, q += compSize!) values[k++] = component(dv, q, componentType, norm);
  }
  return { size: size!, count, values };
}

function component(dv: DataView, at: number, type: number, norm: boolean): number {
  switch (type) {
    case 5126: return dv.getFloat32(at, true);
    case 5121: return norm ? dv.getUint8(at) / 255 : dv.getUint8(at);
    case 5123: return norm ? dv.getUint16(at, true) / 65535 : dv.getUint16(at, true);
    case 5125: return dv.getUint32(at, true);
    case 5120: return norm ? Math.max(dv.getInt8(at) / 127, -1) : dv.getInt8(at);
    default: return norm ? Math.max(dv.getInt16(at, true) / 32767, -1) : dv.getInt16(at, true);
  }
}
