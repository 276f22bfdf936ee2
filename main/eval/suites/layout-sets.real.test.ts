// The layout paraphrase sets' gold must be true of the real rooms: every scene exists, every target and
// reference names a category present in that room, named ids are objects of that category, and a
// selection holds the target. (Checks the data only; the eval itself scores the parser.)
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installRoot } from '../../launch/paths';
import { haveMeta, haveScanNet, metaLayouts, scannetLayout, SCANNET_ID } from '../../layout/real-rooms';
import { readParaphrases } from './layout';

const dir = join(installRoot(), 'native-models', 'layout');

describe.skipIf(!haveMeta() || !haveScanNet())('layout paraphrase sets against the real rooms', () => {
  const docs = metaLayouts();
  docs.set(SCANNET_ID, scannetLayout().doc);

  for (const name of ['paraphrases-dev.jsonl', 'paraphrases-test.jsonl']) {
    it(`${name}: gold names objects that are in the room`, () => {
      const rows = readParaphrases(join(dir, name));
      expect(rows.length).toBeGreaterThanOrEqual(160);
      const wrong: string[] = [];
      for (const [i, row] of rows.entries()) {
        const doc = docs.get(row.scene);
        if (!doc) {
          wrong.push(`line ${i + 1}: unknown scene ${row.scene}`);
          continue;
        }
        const cats = new Set(doc.objects.map((o) => o.category));
        const catOf = (id: number) => doc.objects.find((o) => o.id === id)?.category;
        const e = row.expect;
        // The dev set was written with canonical names (sofa for ScanNet's couch); compare those loosely.
        const known = (c: string) => cats.has(c) || (c === 'sofa' && cats.has('couch'));
        if (!known(e.target)) wrong.push(`line ${i + 1}: no ${e.target} in ${row.scene}`);
        if (e.reference !== null && e.reference !== 'wall' && e.reference !== 'room' && !known(e.reference)) wrong.push(`line ${i + 1}: no ${e.reference} in ${row.scene}`);
        if (e.target_id !== undefined && catOf(e.target_id) !== e.target) wrong.push(`line ${i + 1}: #${e.target_id} is ${catOf(e.target_id)}, not ${e.target}`);
        if (e.reference_id !== undefined && catOf(e.reference_id) !== e.reference) wrong.push(`line ${i + 1}: #${e.reference_id} is ${catOf(e.reference_id)}, not ${e.reference}`);
        for (const id of row.selection ?? []) if (catOf(id) !== e.target) wrong.push(`line ${i + 1}: selected #${id} is ${catOf(id)}, not ${e.target}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it('the held-out set flags impossible edits and shares no instruction with the dev set', () => {
    const dev = new Set(readParaphrases(join(dir, 'paraphrases-dev.jsonl')).map((r) => r.instruction.toLowerCase()));
    const test = readParaphrases(join(dir, 'paraphrases-test.jsonl'));
    const flagged = test.filter((r) => r.expect.refuse === true).length;
    expect(flagged / test.length).toBeGreaterThan(0.1);
    expect(test.filter((r) => dev.has(r.instruction.toLowerCase()))).toEqual([]);
    expect(new Set(test.map((r) => r.scene)).size).toBeGreaterThanOrEqual(7);
  });
});
