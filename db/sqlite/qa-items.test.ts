import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../app/contract/errors';
import type { QaItemInput } from '../../app/contract/schemas';
import { openDatabase, type Store } from '../open';

let store: Store;
beforeEach(() => {
  store = openDatabase(':memory:');
});
afterEach(() => store.close());

const meta = { engineVersion: '0.1.0' };
const item = (over: Partial<QaItemInput> = {}): QaItemInput => ({
  sceneId: 'scene-a',
  kind: 'distance',
  question: 'How far is the chair from the table?',
  answer: 1.25,
  unit: 'm',
  instanceIds: [3, 7],
  status: 'verified',
  ...over,
});
const at = (iso: string) => ({ ...meta, now: new Date(iso) });
const count = () => (store.db.prepare('SELECT count(*) AS n FROM qa_items').get() as { n: number }).n;

const typedError = (f: () => unknown): AppError => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
};

describe('SqliteQaItemRepository', () => {
  it('saves and lists back a numeric answer with instance ids and evidence', () => {
    const evidence = { pointA: [0, 0.5, 1], pointB: [1.25, 0.5, 1], method: 'closest-point', nested: { ok: true, none: null } };
    const saved = store.qaItems.save(item({ evidence }), at('2025-03-01T10:00:00.000Z'));
    expect(saved).toEqual({
      ...item({ evidence }),
      id: saved.id,
      engineVersion: '0.1.0',
      createdAt: '2025-03-01T10:00:00.000Z',
      revision: 1,
      updatedAt: '2025-03-01T10:00:00.000Z',
    });
    expect(saved.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(store.qaItems.list({ limit: 10, offset: 0 })).toEqual({ items: [saved], total: 1 });
    expect(store.qaItems.get(saved.id)).toEqual(saved);
  });

  it('keeps a string answer a string, even one that looks like a number', () => {
    const saved = store.qaItems.save(item({ answer: '1.25', unit: '' }), meta);
    const [back] = store.qaItems.list({ limit: 1, offset: 0 }).items;
    expect(back?.answer).toBe('1.25');
    expect(back).toEqual(saved);
    expect(back).not.toHaveProperty('evidence');
  });

  it('lists newest first, pages, and counts the total', () => {
    const days = ['2025-01-03', '2025-01-01', '2025-01-05', '2025-01-02', '2025-01-04'];
    for (const d of days) store.qaItems.save(item({ question: d }), at(`${d}T00:00:00.000Z`));
    const page1 = store.qaItems.list({ limit: 2, offset: 0 });
    const page2 = store.qaItems.list({ limit: 2, offset: 2 });
    const page3 = store.qaItems.list({ limit: 2, offset: 4 });
    expect([page1.total, page2.total, page3.total]).toEqual([5, 5, 5]);
    expect([...page1.items, ...page2.items, ...page3.items].map((i) => i.question)).toEqual([
      '2025-01-05', '2025-01-04', '2025-01-03', '2025-01-02', '2025-01-01',
    ]);
    expect(store.qaItems.list({ limit: 2, offset: 10 })).toEqual({ items: [], total: 5 });
  });

  it('orders items saved in the same millisecond by insertion, newest first', () => {
    const when = at('2025-01-01T00:00:00.000Z');
    for (const q of ['first', 'second', 'third']) store.qaItems.save(item({ question: q }), when);
    expect(store.qaItems.list({ limit: 10, offset: 0 }).items.map((i) => i.question)).toEqual(['third', 'second', 'first']);
  });

  it('filters by scene', () => {
    store.qaItems.save(item({ sceneId: 'a', question: 'a1' }), meta);
    store.qaItems.save(item({ sceneId: 'b', question: 'b1' }), meta);
    store.qaItems.save(item({ sceneId: 'a', question: 'a2' }), meta);
    const a = store.qaItems.list({ sceneId: 'a', limit: 10, offset: 0 });
    expect(a.total).toBe(2);
    expect(a.items.map((i) => i.question).sort()).toEqual(['a1', 'a2']);
    expect(store.qaItems.list({ sceneId: 'c', limit: 10, offset: 0 })).toEqual({ items: [], total: 0 });
    expect(store.qaItems.list({ limit: 10, offset: 0 }).total).toBe(3);
  });

  it('rejects invalid input with a typed error naming the field, and writes nothing', () => {
    const cases: [unknown, RegExp][] = [
      [{ ...item(), status: 'approved' }, /status/],
      [{ ...item(), question: '' }, /question/],
      [{ ...item(), answer: Number.POSITIVE_INFINITY }, /answer/],
      [{ ...item(), answer: Number.NaN }, /answer/],
      [{ ...item(), instanceIds: [1.5] }, /instanceIds/],
      [{ ...item(), kind: 'vibes' }, /kind/],
      [{ ...item(), sceneId: undefined }, /sceneId/],
      [{ ...item(), evidence: { far: Number.POSITIVE_INFINITY } }, /evidence\.far: expected a finite number/],
      [{ ...item(), evidence: { pts: new Float32Array(3) } }, /evidence\.pts: expected a plain object or array, got a Float32Array/],
      [{ ...item(), evidence: { when: new Date(0) } }, /evidence\.when/],
      [null, /QA item/],
    ];
    for (const [input, field] of cases) {
      const e = typedError(() => store.qaItems.save(input as QaItemInput, meta));
      expect(e.code).toBe('invalid_input');
      expect(e.message).toMatch(field);
    }
    expect(typedError(() => store.qaItems.save(item(), { engineVersion: '' })).code).toBe('invalid_input');
    expect(typedError(() => store.qaItems.save(item(), { engineVersion: 'x', now: new Date(Number.NaN) })).code).toBe('invalid_input');
    expect(count()).toBe(0);
  });

  it('rejects a bad page request with a typed error', () => {
    for (const q of [{ limit: 0, offset: 0 }, { limit: 10, offset: -1 }, { limit: 1.5, offset: 0 }, { limit: 100_000, offset: 0 }]) {
      expect(typedError(() => store.qaItems.list(q)).code).toBe('invalid_input');
    }
  });

  it('keeps the structured query, viewpoint, annotator and model version, and records revision 1', () => {
    const extra = {
      query: { type: 'distance', a: 3, b: 7 },
      viewpoint: { position: [1, 2, 3], target: [0, 0, 0], up: [0, 0, 1] } as QaItemInput['viewpoint'],
      annotator: 'ana',
      modelVersion: 'seg-0.3',
    };
    const saved = store.qaItems.save(item(extra), at('2025-03-01T10:00:00.000Z'));
    expect(saved).toMatchObject(extra);
    expect(store.qaItems.get(saved.id)).toEqual(saved);
    expect(store.qaItems.revisions(saved.id)).toEqual([
      expect.objectContaining({ revision: 1, deleted: false, status: 'verified', question: saved.question, createdAt: saved.createdAt }),
    ]);
  });

  it('saves many items in one transaction, all or none', () => {
    const ids = store.qaItems.saveMany([item({ question: 'one' }), item({ question: 'two' })], at('2025-03-01T10:00:00.000Z'));
    expect(ids.map((id) => store.qaItems.get(id)?.question)).toEqual(['one', 'two']);
    const e = typedError(() => store.qaItems.saveMany([item({ question: 'three' }), item({ question: '' })], meta));
    expect(e.code).toBe('invalid_input');
    expect(count()).toBe(2);
  });

  it('returns undefined for an unknown id', () => {
    expect(store.qaItems.get('00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('reports a stored row that no longer matches the contract instead of returning it', () => {
    const saved = store.qaItems.save(item({ status: 'draft' }), meta);
    store.db.prepare("UPDATE qa_items SET answer_json = '{broken' WHERE id = ?").run(saved.id);
    const e = typedError(() => store.qaItems.get(saved.id));
    expect(e.code).toBe('internal');
    expect(e.message).toContain(saved.id);
  });
});

describe('a saved QA item survives closing and re-opening the file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sw-db-qa-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the same items after re-open', () => {
    const file = join(dir, 'scenewright.db');
    const first = openDatabase(file);
    const a = first.qaItems.save(item({ answer: 2.5, evidence: { pointA: [1, 2, 3] } }), at('2025-02-01T00:00:00.000Z'));
    const b = first.qaItems.save(item({ answer: 'left of', status: 'draft' }), at('2025-02-02T00:00:00.000Z'));
    first.close();

    const second = openDatabase(file);
    try {
      expect(second.qaItems.list({ limit: 10, offset: 0 })).toEqual({ items: [b, a], total: 2 });
    } finally {
      second.close();
    }
  });
});
