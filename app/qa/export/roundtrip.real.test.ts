// Round trip on the 50 real VSI-Bench rooms (../shared/data/vsibench): questions generated from the
// meta boxes, exported as VSI-Bench rows with scene splits, audit back at 1.0 on every type.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditRows, parseVsiRows } from '../vsibench/audit';
import { generateQuestions } from '../vsibench/generate';
import { parseVsiMetaText } from '../vsibench/meta';
import { sampleBalanced } from '../vsibench/sample';
import { serialise } from './formats';
import { applySplits, parseSplits } from './splits';

const dir = process.env.SCENEWRIGHT_SHARED_DATA ? join(process.env.SCENEWRIGHT_SHARED_DATA, 'vsibench') : fileURLToPath(new URL('../../../../shared/data/vsibench', import.meta.url));
const scenes = parseVsiMetaText(readFileSync(join(dir, 'scannetpp_meta_info_val.json'), 'utf8'), 'scannetpp_meta_info_val.json');

describe('VSI-Bench export round trip on the real meta', () => {
  it('exported rows of every split audit back at score 1.0 against the same meta', () => {
    const questions = scenes.flatMap((s) => sampleBalanced(generateQuestions(s, { seed: 5 }).questions, { perType: 25, seed: 5 }));
    const splits = applySplits(questions, (q) => q.scene_name, parseSplits('train=0.8,val=0.1,test=0.1'), 5);
    expect([...splits.values()].map((l) => new Set(l.map((q) => q.scene_name)).size)).toEqual([40, 5, 5]);
    for (const [name, list] of splits) {
      const rows = parseVsiRows(serialise('vsibench', list, name).text);
      const report = auditRows(rows, scenes);
      expect(report.unchecked, name).toEqual([]);
      expect(report.disagreements, name).toEqual([]);
      expect(Object.keys(report.per_type).sort(), name).toHaveLength(9); // the eight VSI-Bench box types and MultiSPA object size
      expect(report.overall, name).toEqual({ n: list.length, score: 1 });
    }
  });
});
