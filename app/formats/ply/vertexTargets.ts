// Decides where each vertex property lands in PlyData (position, colour, normal or a named scalar),
// so the binary and ASCII readers share one mapping.
import type { PlyElement, PlyScalarArray, PlyScalarType } from './types';

export type VertexTarget =
  | { kind: 'position' | 'normal'; comp: number }
  | { kind: 'color'; comp: number }
  | { kind: 'scalar'; name: string; array: PlyScalarArray }
  | { kind: 'skip' };

export interface VertexOutputs {
  positions: Float32Array;
  colors?: Uint8Array;
  normals?: Float32Array;
  scalars: Record<string, PlyScalarArray>;
  /** One per property of the element, in header order. */
  targets: VertexTarget[];
  /** Property index of x, y, z (for error offsets). */
  positionProps: [number, number, number];
}

const COLOR_NAMES: readonly (readonly string[])[] = [
  ['red', 'green', 'blue'],
  ['diffuse_red', 'diffuse_green', 'diffuse_blue'],
  ['r', 'g', 'b'],
];
const NORMAL_NAMES = ['nx', 'ny', 'nz'];

function scalarArray(type: PlyScalarType, n: number): PlyScalarArray {
  switch (type) {
    case 'float32': return new Float32Array(n);
    case 'float64': return new Float64Array(n);
    case 'uint8': case 'uint16': case 'uint32': return new Uint32Array(n);
    default: return new Int32Array(n);
  }
}

/** Returns undefined when the element lacks one of x, y, z (the caller reports it). */
export function planVertexOutputs(element: PlyElement): VertexOutputs | undefined {
  const props = element.properties;
  const index = (name: string) => props.findIndex((p) => p.name === name && !p.listCountType);
  const pos = [index('x'), index('y'), index('z')] as [number, number, number];
  if (pos.some((i) => i < 0)) return undefined;
  const n = element.count;
  const colorSet = COLOR_NAMES.map((names) => names.map(index)).find((ix) => ix.every((i) => i >= 0));
  const normalSet = NORMAL_NAMES.map(index);
  const hasNormals = normalSet.every((i) => i >= 0);

  const out: VertexOutputs = { positions: new Float32Array(n * 3), scalars: {}, targets: [], positionProps: pos };
  if (colorSet) out.colors = new Uint8Array(n * 3);
  if (hasNormals) out.normals = new Float32Array(n * 3);
  props.forEach((p, i) => {
    if (p.listCountType) out.targets.push({ kind: 'skip' });
    else if (pos.includes(i)) out.targets.push({ kind: 'position', comp: pos.indexOf(i) });
    else if (colorSet?.includes(i)) out.targets.push({ kind: 'color', comp: colorSet.indexOf(i) });
    else if (hasNormals && normalSet.includes(i)) out.targets.push({ kind: 'normal', comp: normalSet.indexOf(i) });
    else if (Object.prototype.hasOwnProperty.call(out.scalars, p.name)) out.targets.push({ kind: 'skip' }); // duplicate name: first wins
    else {
      const array = scalarArray(p.type, n);
      out.scalars[p.name] = array;
      out.targets.push({ kind: 'scalar', name: p.name, array });
    }
  });
  return out;
}

/** Colour channels stored as floats are 0..1 by convention; other integer widths are clamped. */
export function toColorByte(type: PlyScalarType, v: number): number {
  if (type === 'uint8') return v;
  if (type === 'float32' || type === 'float64') return v >= 1 ? 255 : v > 0 ? Math.round(v * 255) : 0;
  return v >= 255 ? 255 : v > 0 ? v : 0;
}

/** Stores one value of vertex `i` (slow path: ASCII and rows with list properties). */
export function storeVertexValue(out: VertexOutputs, target: VertexTarget, type: PlyScalarType, i: number, v: number): void {
  switch (target.kind) {
    case 'position': out.positions[i * 3 + target.comp] = v; break;
    case 'normal': out.normals![i * 3 + target.comp] = v; break;
    case 'color': out.colors![i * 3 + target.comp] = toColorByte(type, v); break;
    case 'scalar': target.array[i] = v; break;
    case 'skip': break;
  }
}

/** Index of the first non-finite coordinate in positions, or -1. */
export function firstNonFinite(positions: Float32Array): number {
  for (let k = 0; k < positions.length; k++) {
    const v = positions[k]!;
    if (v - v !== 0) return k;
  }
  return -1;
}
