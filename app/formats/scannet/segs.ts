import { FormatError } from '../errors';
import { isRecord, parseJsonFile } from './json';

/** Parses a Segmentator segs.json: one non-negative segment id per mesh vertex. */
export function parseSegs(text: string, file: string, vertexCount: number, sceneId?: string): Int32Array {
  const json = parseJsonFile(text, file);
  if (!isRecord(json) || !Array.isArray(json.segIndices)) throw new FormatError({ file, expected: 'an object with a "segIndices" array' });
  if (sceneId !== undefined && json.sceneId !== undefined && json.sceneId !== sceneId) {
    throw new FormatError({ file, expected: `sceneId "${sceneId}", found "${String(json.sceneId)}"` });
  }
  const ids = json.segIndices as unknown[];
  if (ids.length !== vertexCount) throw new FormatError({ file, expected: `${vertexCount} segIndices (one per mesh vertex), found ${ids.length}` });
  const out = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const v = ids[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 2147483647) {
      throw new FormatError({ file, expected: `a non-negative integer segment id at segIndices[${i}], found ${JSON.stringify(v)}` });
    }
    out[i] = v;
  }
  return out;
}
