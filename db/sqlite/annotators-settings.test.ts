import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appError, tmpStore, type TmpStore } from '../testing/tmp-store';

let t: TmpStore;
beforeEach(() => {
  t = tmpStore();
});
afterEach(() => t.dispose());

describe('SqliteAnnotatorRepository', () => {
  it('creates, renames and lists annotators by name, across a reopen', () => {
    const b = t.store.annotators.create('  Bea ', new Date('2025-03-01T00:00:00Z'));
    const a = t.store.annotators.create('ada');
    expect(b).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Bea', createdAt: '2025-03-01T00:00:00.000Z' });
    expect(t.store.annotators.rename(a.id, 'Ada L.').name).toBe('Ada L.');
    const s = t.reopen();
    expect(s.annotators.list().map((x) => x.name)).toEqual(['Ada L.', 'Bea']);
    expect(s.annotators.get(b.id)).toEqual(b);
  });

  it('refuses empty names and unknown ids', () => {
    expect(appError(() => t.store.annotators.create('   ')).code).toBe('invalid_input');
    expect(appError(() => t.store.annotators.rename('nobody', 'x')).code).toBe('not_found');
    expect(t.store.annotators.list()).toEqual([]);
  });
});

describe('SqliteSettingsRepository', () => {
  it('keeps JSON values per key, overwrites, deletes, and survives a reopen', () => {
    t.store.settings.set('viewer.pointBudget', 2_000_000);
    t.store.settings.set('ui', { panels: ['saved', 'instances'], dark: true });
    t.store.settings.set('viewer.pointBudget', 3_000_000);
    expect(t.store.settings.delete('missing')).toBe(false);
    const s = t.reopen();
    expect(s.settings.get('viewer.pointBudget')).toBe(3_000_000);
    expect(s.settings.all()).toEqual({ ui: { panels: ['saved', 'instances'], dark: true }, 'viewer.pointBudget': 3_000_000 });
    expect(s.settings.delete('ui')).toBe(true);
    expect(s.settings.get('ui')).toBeUndefined();
  });

  it('refuses values JSON would change and empty keys, keeping the old value', () => {
    t.store.settings.set('k', 1);
    expect(appError(() => t.store.settings.set('k', Number.POSITIVE_INFINITY)).message).toMatch(/setting k: expected a finite number/);
    expect(appError(() => t.store.settings.set('k', new Date())).code).toBe('invalid_input');
    expect(appError(() => t.store.settings.set('k', undefined)).code).toBe('invalid_input');
    expect(appError(() => t.store.settings.set('', 1)).code).toBe('invalid_input');
    expect(t.store.settings.get('k')).toBe(1);
  });
});
