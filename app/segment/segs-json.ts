// ScanNet's `*.segs.json`: one segment id per mesh vertex, with the Segmentator parameters.
import { FormatError } from '../formats/errors';

export interface SegsJson {
  sceneId: string;
  kThresh: number;
  segMinVerts: number;
  /** One segment id per vertex (ScanNet ids are root vertex indices). */
  segIndices: Int32Array;
}

export interface ParsedSegsJson extends SegsJson {
  /** Every entry of `params` as written; older ScanNet files store numbers as strings and add more keys. */
  params: Record<string, number | string>;
}

/** Writes the compact layout of ScanNet's Segmentator: `{"params":{…},"sceneId":…,"segIndices":[…]}`. */
export function writeSegsJson(segs: SegsJson): string {
  const { head, tail } = segsJsonEnvelope(segs);
  return `${head}${segs.segIndices.join(',')}${tail}`;
}

/** The text around the ids' comma-separated items, for writers that produce those items themselves. */
export function segsJsonEnvelope(segs: Omit<SegsJson, 'segIndices'>): { head: string; tail: string } {
  // The C++ streams kThresh as a float with 6 significant digits, so 0.01 is written "0.01".
  const kThresh = Number(segs.kThresh.toPrecision(6));
  const params = `{"kThresh":${JSON.stringify(kThresh)},"segMinVerts":${JSON.stringify(segs.segMinVerts)}}`;
  return { head: `{"params":${params},"sceneId":${JSON.stringify(segs.sceneId)},"segIndices":[`, tail: ']}' };
}

/** Parses a segs.json (current or older ScanNet layout); throws FormatError naming what is wrong. */
export function parseSegsJson(text: string, fileName: string): ParsedSegsJson {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (err) {
    const position = /position (\d+)/.exec(err instanceof Error ? err.message : '');
    throw new FormatError({ file: fileName, offset: position ? Number(position[1]) : undefined, expected: 'valid JSON' });
  }
  if (!isRecord(root)) throw new FormatError({ file: fileName, expected: 'a JSON object with params, sceneId and segIndices' });

  const rawParams = root['params'];
  if (!isRecord(rawParams)) throw new FormatError({ file: fileName, expected: '"params" to be an object' });
  const params: Record<string, number | string> = {};
  for (const [key, value] of Object.entries(rawParams)) {
    if (typeof value !== 'number' && typeof value !== 'string') throw new FormatError({ file: fileName, expected: `"params.${key}" to be a number or a string` });
    params[key] = value;
  }
  const kThresh = numericParam(params, 'kThresh', fileName);
  const segMinVerts = numericParam(params, 'segMinVerts', fileName);
  if (!Number.isInteger(segMinVerts)) throw new FormatError({ file: fileName, expected: '"params.segMinVerts" to be an integer' });

  const sceneId = root['sceneId'];
  if (typeof sceneId !== 'string') throw new FormatError({ file: fileName, expected: '"sceneId" to be a string' });

  const list = root['segIndices'];
  if (!Array.isArray(list)) throw new FormatError({ file: fileName, expected: '"segIndices" to be an array of segment ids' });
  const segIndices = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const id: unknown = list[i];
    if (typeof id !== 'number' || !Number.isInteger(id) || id < -0x80000000 || id > 0x7fffffff) {
      throw new FormatError({ file: fileName, expected: `"segIndices[${i}]" to be a 32-bit integer segment id` });
    }
    segIndices[i] = id;
  }
  return { sceneId, kThresh, segMinVerts, segIndices, params };
}

function numericParam(params: Record<string, number | string>, key: string, fileName: string): number {
  const raw = params[key];
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new FormatError({ file: fileName, expected: `"params.${key}" to be a number` });
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
