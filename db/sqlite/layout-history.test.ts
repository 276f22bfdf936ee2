// The undoable layout editor: versions chained from the current pointer, one history entry per commit
// (never merged), undo / redo moving the pointer, and a stale commit refused without writing anything.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appError, sceneUpsert, tmpStore, type TmpStore } from '../testing/tmp-store';

let t: TmpStore;
beforeEach(() => {
  t = tmpStore();
  t.store.scenes.upsert(sceneUpsert());
});
afterEach(() => t.dispose());

const doc = (x: number) => JSON.stringify({ objects: [{ id: 1, x }] });
const at = new Date('2025-05-01T10:00:00Z');

describe('SqliteLayoutEditor', () => {
  it('chains commits from the current version, undoes and redoes them through the scene history, and survives a reopen', () => {
    const { layoutEditor: le, editor } = t.store;
    expect(le.currentVersion('room-1')).toBeUndefined();
    const v2 = le.commit('room-1', { label: 'move 1', documentJson: doc(1), kind: 'layout.apply', base: { label: 'Scan layout', documentJson: doc(0) }, expectedCurrentId: null, now: at });
    // Two commits 100 ms apart: two undo steps, not one merged step.
    const v3 = le.commit('room-1', { label: 'move 2', documentJson: doc(2), kind: 'layout.apply', now: new Date(at.getTime() + 100) });
    expect(le.chain('room-1').map((v) => [v.version, v.label])).toEqual([[1, 'Scan layout'], [2, 'move 1'], [3, 'move 2']]);
    expect(editor.history('room-1', 10).entries.map((e) => [e.kind, e.label])).toEqual([['layout.apply', 'move 2'], ['layout.apply', 'move 1']]);

    expect(editor.undo('room-1').applied).toMatchObject({ kind: 'layout.apply', label: 'move 2' });
    expect(le.currentVersion('room-1')?.id).toBe(v2.id);
    expect(editor.undo('room-1').applied).toMatchObject({ label: 'move 1' });
    expect(le.chain('room-1').map((v) => v.label)).toEqual(['Scan layout']);
    expect(editor.undo('room-1')).toMatchObject({ applied: null, canUndo: false, canRedo: true });

    const s = t.reopen();
    expect(s.layoutEditor.chain('room-1').map((v) => v.label)).toEqual(['Scan layout']);
    s.editor.redo('room-1');
    s.editor.redo('room-1');
    expect(s.layoutEditor.currentVersion('room-1')).toMatchObject({ id: v3.id, documentJson: doc(2) });
    // Every version stays stored, undone or not.
    expect(s.layouts.listVersions('room-1')).toHaveLength(3);
  });

  it('a new commit after an undo abandons the undone branch, and a stale commit writes nothing', () => {
    const { layoutEditor: le, editor, layouts } = t.store;
    const v2 = le.commit('room-1', { label: 'a', documentJson: doc(1), kind: 'layout.apply', base: { label: 'Scan layout', documentJson: doc(0) } });
    editor.undo('room-1');
    const base = le.currentVersion('room-1')!;
    const v3 = le.commit('room-1', { label: 'b', documentJson: doc(5), kind: 'layout.apply', expectedCurrentId: base.id });
    expect(v3.parentId).toBe(base.id);
    expect(le.chain('room-1').map((v) => v.label)).toEqual(['Scan layout', 'b']);
    expect(editor.history('room-1', 10)).toMatchObject({ canRedo: false });

    const err = appError(() => le.commit('room-1', { label: 'c', documentJson: doc(9), kind: 'layout.apply', expectedCurrentId: v2.id }));
    expect(err).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/changed since this edit was previewed \(now at version 3\)/) });
    expect(layouts.listVersions('room-1')).toHaveLength(3);
    expect(editor.history('room-1', 10).entries).toHaveLength(1);
    expect(appError(() => le.commit('nope', { label: 'x', documentJson: doc(1), kind: 'layout.apply' }))).toMatchObject({ code: 'not_found' });
  });
});
