import { describe, expect, it } from 'vitest';
import { applyCommand, replay } from './command';
import { canMerge, MERGE_WINDOW_MS } from './merge';
import { emptyStacks, record, redo, undo, type HistoryStacks } from './stacks';
import type { Command } from './types';

interface Doc {
  boxes: Record<string, { x: number; label: string }>;
}

const move = (id: string, x: number): Command<Doc> => ({
  label: `Move ${id}`,
  kind: 'move',
  target: id,
  recipe: (d) => {
    d.boxes[id]!.x = x;
  },
});
const rename = (id: string, label: string): Command<Doc> => ({
  label: 'Rename',
  kind: 'rename',
  target: id,
  recipe: (d) => {
    d.boxes[id]!.label = label;
  },
});

/** Runs commands at the given times, recording each; returns the final doc and stacks. */
function run(doc: Doc, steps: [Command<Doc>, number][]): { doc: Doc; stacks: HistoryStacks } {
  let stacks = emptyStacks;
  for (const [cmd, at] of steps) {
    const r = applyCommand(doc, cmd, at);
    doc = r.doc;
    if (r.entry) stacks = record(stacks, r.entry);
  }
  return { doc, stacks };
}

const start: Doc = { boxes: { a: { x: 0, label: 'chair' }, b: { x: 5, label: 'table' } } };

describe('history', () => {
  it('records a command as patches and inverse patches that replay both ways', () => {
    const { doc, entry } = applyCommand(start, move('a', 2), 1000);
    expect(doc.boxes.a!.x).toBe(2);
    expect(start.boxes.a!.x).toBe(0);
    expect(entry).toMatchObject({ label: 'Move a', kind: 'move', target: 'a', createdAt: 1000, updatedAt: 1000 });
    expect(entry!.patches).toEqual([{ op: 'replace', path: ['boxes', 'a', 'x'], value: 2 }]);
    expect(replay(doc, entry!, 'undo')).toEqual(start);
    expect(replay(start, entry!, 'redo')).toEqual(doc);
    // Patches are plain JSON: what is persisted replays the same.
    const stored = JSON.parse(JSON.stringify(entry));
    expect(replay(doc, stored, 'undo')).toEqual(start);
  });

  it('records nothing for a command that changes nothing', () => {
    expect(applyCommand(start, move('a', 0), 1000)).toEqual({ doc: start, entry: null });
  });

  it(`merges changes of one kind on one target that follow within ${MERGE_WINDOW_MS} ms of the previous`, () => {
    const { doc, stacks } = run(start, [
      [move('a', 1), 0],
      [move('a', 2), 400],
      [move('a', 3), 800], // 400 ms after the previous change: still one gesture
      [move('a', 4), 800 + MERGE_WINDOW_MS + 1],
    ]);
    expect(stacks.done.map((e) => [e.createdAt, e.updatedAt])).toEqual([[0, 800], [1301, 1301]]);
    const first = undo(stacks)!;
    const afterFirst = replay(doc, first.entry, 'undo');
    expect(afterFirst.boxes.a!.x).toBe(3);
    expect(replay(afterFirst, undo(first.stacks)!.entry, 'undo')).toEqual(start);
  });

  it('does not merge a different kind, a different target, or a change from the past', () => {
    const { stacks } = run(start, [
      [move('a', 1), 0],
      [move('b', 1), 10],
      [rename('b', 'desk'), 20],
      [rename('b', 'bench'), 10], // clock went backwards
    ]);
    expect(stacks.done.map((e) => e.label)).toEqual(['Move a', 'Move b', 'Rename', 'Rename']);
    expect(canMerge(stacks.done[2]!, stacks.done[3]!)).toBe(false);
  });

  it('undoes and redoes everything in order, and a new change clears redo', () => {
    const { doc, stacks } = run(start, [
      [move('a', 1), 0],
      [rename('b', 'desk'), 1000],
      [move('b', 9), 2000],
    ]);
    let d = doc;
    let s = stacks;
    const seen: string[] = [];
    for (let step = undo(s); step; step = undo(s)) {
      d = replay(d, step.entry, 'undo');
      s = step.stacks;
      seen.push(step.entry.label);
    }
    expect(seen).toEqual(['Move b', 'Rename', 'Move a']);
    expect(d).toEqual(start);
    for (let step = redo(s); step; step = redo(s)) {
      d = replay(d, step.entry, 'redo');
      s = step.stacks;
    }
    expect(d).toEqual(doc);

    const back = undo(s)!;
    d = replay(d, back.entry, 'undo');
    const fresh = applyCommand(d, rename('a', 'stool'), 3000);
    s = record(back.stacks, fresh.entry!);
    expect(s.undone).toEqual([]);
    expect(redo(s)).toBeNull();
    expect(s.done.map((e) => e.label)).toEqual(['Move a', 'Rename', 'Rename']);
  });
});
