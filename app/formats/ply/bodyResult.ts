import type { PlyElement } from './types';
import type { VertexOutputs } from './vertexTargets';

/** What a body reader (binary or ASCII) hands back to readPly. */
export interface BodyResult {
  vertices: VertexOutputs;
  vertexCount: number;
  faces?: Uint32Array;
  faceCount: number;
}

/** The face element's vertex index list: "vertex_indices" or "vertex_index", else its only list. */
export function faceIndexProperty(element: PlyElement): number {
  const props = element.properties;
  const named = props.findIndex((p) => p.listCountType && (p.name === 'vertex_indices' || p.name === 'vertex_index'));
  if (named >= 0) return named;
  const lists = props.flatMap((p, i) => (p.listCountType ? [i] : []));
  return lists.length === 1 ? lists[0]! : -1;
}
