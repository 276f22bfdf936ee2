// Multi-SpatialMLLM (MultiSPA) object size questions: height, length and width of an object in whole
// millimetres from its axis-aligned box (height = dz, length = max(dx, dy), width = min(dx, dy)).
import type { QaObject } from './objects';

export type SizeDimension = 'height' | 'length' | 'width';
export const SIZE_DIMENSIONS: readonly SizeDimension[] = ['height', 'length', 'width'];

export interface SizeQuestion {
  kind: 'object_size';
  dimension: SizeDimension;
  question: string;
  /** Integer millimetres. */
  answer: number;
  unit: 'mm';
  objects: [number];
  evidence: { dx: number; dy: number; dz: number; metres: number };
  /** Distance to the nearest boundary that changes the answer: the rounding edge, in mm (0..0.5). */
  margin: { value: number; unit: 'mm'; boundary: 'rounding' };
}

export const sizeQuestionText = (dimension: SizeDimension, category: string) => `What is the ${dimension} (in millimeters) of the ${category}?`;

export function sizeQuestion(object: QaObject, dimension: SizeDimension): SizeQuestion {
  const dx = object.max[0] - object.min[0];
  const dy = object.max[1] - object.min[1];
  const dz = object.max[2] - object.min[2];
  const metres = dimension === 'height' ? dz : dimension === 'length' ? Math.max(dx, dy) : Math.min(dx, dy);
  const mm = metres * 1000;
  const answer = Math.round(mm);
  const margin = { value: 0.5 - Math.abs(mm - answer), unit: 'mm' as const, boundary: 'rounding' as const };
  return { kind: 'object_size', dimension, question: sizeQuestionText(dimension, object.category), answer, unit: 'mm', objects: [object.id], evidence: { dx, dy, dz, metres }, margin };
}
