import { FormatError } from '../errors';
import { isRecord, parseJsonFile } from './json';

export interface SegGroup {
  objectId: number;
  label: string;
  segments: number[];
}

/** Parses an aggregation.json: object groups, each a label and a list of segment ids. */
export function parseAggregation(text: string, file: string, sceneId?: string): SegGroup[] {
  const json = parseJsonFile(text, file);
  if (!isRecord(json) || !Array.isArray(json.segGroups)) throw new FormatError({ file, expected: 'an object with a "segGroups" array' });
  if (sceneId !== undefined && json.sceneId !== undefined && json.sceneId !== sceneId) {
    throw new FormatError({ file, expected: `sceneId "${sceneId}", found "${String(json.sceneId)}"` });
  }
  const seen = new Set<number>();
  return json.segGroups.map((g: unknown, i: number): SegGroup => {
    const where = `segGroups[${i}]`;
    if (!isRecord(g)) throw new FormatError({ file, expected: `an object at ${where}` });
    const objectId = g.objectId ?? g.id;
    if (typeof objectId !== 'number' || !Number.isInteger(objectId) || objectId < 0) {
      throw new FormatError({ file, expected: `a non-negative integer objectId at ${where}, found ${JSON.stringify(objectId)}` });
    }
    if (seen.has(objectId)) throw new FormatError({ file, expected: `unique objectIds, ${where} repeats ${objectId}` });
    seen.add(objectId);
    if (typeof g.label !== 'string') throw new FormatError({ file, expected: `a string label at ${where} (objectId ${objectId})` });
    if (!Array.isArray(g.segments) || !g.segments.every((s) => typeof s === 'number' && Number.isInteger(s))) {
      throw new FormatError({ file, expected: `an array of integer segment ids at ${where} (objectId ${objectId}, "${g.label}")` });
    }
    return { objectId, label: g.label, segments: g.segments as number[] };
  });
}
