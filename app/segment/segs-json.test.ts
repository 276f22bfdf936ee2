import { describe, expect, it } from 'vitest';
import { FormatError } from '../formats/errors';
import { parseSegsJson, writeSegsJson } from './segs-json';

describe('segs.json', () => {
  it('writes the compact layout of ScanNet Segmentator', () => {
    const text = writeSegsJson({ sceneId: 'scene0000_00', kThresh: Math.fround(0.01), segMinVerts: 20, segIndices: Int32Array.from([3, 3, 7]) });
    expect(text).toBe('{"params":{"kThresh":0.01,"segMinVerts":20},"sceneId":"scene0000_00","segIndices":[3,3,7]}');
  });

  it('reads back what it writes', () => {
    const segIndices = Int32Array.from([5, 5, 0, 9]);
    const parsed = parseSegsJson(writeSegsJson({ sceneId: 's', kThresh: 0.02, segMinVerts: 10, segIndices }), 'a.segs.json');
    expect(parsed).toMatchObject({ sceneId: 's', kThresh: 0.02, segMinVerts: 10, params: { kThresh: 0.02, segMinVerts: 10 } });
    expect([...parsed.segIndices]).toEqual([...segIndices]);
  });

  it('reads the older layout with string parameters and extra keys', () => {
    const text = '{\n"params": {\n\t"kThresh": "0.0001",\n\t"segMinVerts": "20",\n\t"minPoints": "750"\n}\n,\n"sceneId": "scene0000_00",\n"segIndices": [1,1,2]\n}';
    const parsed = parseSegsJson(text, 'old.segs.json');
    expect(parsed.kThresh).toBe(0.0001);
    expect(parsed.segMinVerts).toBe(20);
    expect(parsed.params['minPoints']).toBe('750');
  });

  it('names the file and the problem when the content is wrong', () => {
    const bad = (text: string) => () => parseSegsJson(text, 'x.segs.json');
    expect(bad('{"params":')).toThrow(FormatError);
    expect(bad('{"params":')).toThrow(/x\.segs\.json.*valid JSON/);
    expect(bad('[]')).toThrow(/JSON object/);
    expect(bad('{"params":{"kThresh":0.01,"segMinVerts":20},"sceneId":"s","segIndices":[1,2.5]}')).toThrow(/segIndices\[1\]/);
    expect(bad('{"params":{"kThresh":"abc","segMinVerts":20},"sceneId":"s","segIndices":[]}')).toThrow(/params\.kThresh/);
    expect(bad('{"params":{"kThresh":0.01,"segMinVerts":20},"segIndices":[]}')).toThrow(/sceneId/);
  });
});
