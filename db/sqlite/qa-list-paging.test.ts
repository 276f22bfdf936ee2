// Listing totals from the per-scene counts (0003) and keyset paging after an item.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QaItemInput } from '../../app/contract/schemas';
import { appError, tmpStore, type TmpStore } from '../testing/tmp-store';

let t: TmpStore;
beforeEach(() => {
  t = tmpStore();
});
afterEach(() => t.dispose());

const meta = { engineVersion: '0.1.0' };
const item = (sceneId: string, question: string): QaItemInput => ({
  sceneId,
  kind: 'distance',
  question,
  answer: 1,
  unit: 'm',
  instanceIds: [1, 2],
  status: 'draft',
});

describe('QA item listing', () => {
  it('walks every item once with afterId, in the same order as offset pages, ties in one millisecond included', () => {
    const same = new Date('2025-01-01T00:00:00.000Z');
    const inputs = Array.from({ length: 23 }, (_, i) => item(i % 3 === 0 ? 'b' : 'a', `q${i}`));
    t.store.qaItems.saveMany(inputs.slice(0, 10), { ...meta, now: same });
    t.store.qaItems.saveMany(inputs.slice(10), { ...meta, now: new Date('2025-01-02T00:00:00.000Z') });
    for (const sceneId of ['a', undefined]) {
      const byOffset = t.store.qaItems.list({ ...(sceneId ? { sceneId } : {}), limit: 1000, offset: 0 }).items.map((i) => i.id);
      const walked: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = t.store.qaItems.list({ ...(sceneId ? { sceneId } : {}), limit: 4, offset: 0, ...(after ? { afterId: after } : {}) });
        if (page.items.length === 0) break;
        walked.push(...page.items.map((i) => i.id));
        after = page.items.at(-1)!.id;
      }
      expect(walked).toEqual(byOffset);
    }
  });

  it('counts totals per scene and overall through saves, undone saves and redos, and after a reopen', () => {
    const a = t.store.editor.save(item('a', 'one'), meta);
    t.store.editor.save(item('a', 'two'), meta);
    t.store.editor.save(item('b', 'three'), meta);
    const totals = () => [t.store.qaItems.list({ sceneId: 'a', limit: 1, offset: 0 }).total, t.store.qaItems.list({ limit: 1, offset: 0 }).total];
    expect(totals()).toEqual([2, 3]);
    t.store.editor.undo('a'); // hides 'two'
    expect(totals()).toEqual([1, 2]);
    t.store.editor.redo('a');
    t.reopen();
    expect(totals()).toEqual([2, 3]);
    expect(t.store.qaItems.list({ sceneId: 'a', limit: 10, offset: 0 }).items.map((i) => i.id)).toContain(a.id);
    expect(t.store.qaItems.list({ sceneId: 'none', limit: 1, offset: 0 }).total).toBe(0);
  });

  it('refuses an unknown cursor', () => {
    expect(appError(() => t.store.qaItems.list({ limit: 1, offset: 0, afterId: 'nope' })).code).toBe('not_found');
  });
});
