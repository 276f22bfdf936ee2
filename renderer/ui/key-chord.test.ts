import { describe, expect, it } from 'vitest';
import { chordOf, type KeyPress } from './key-chord';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('chordOf', () => {
  it('maps Ctrl+Z to undo, and Ctrl+Shift+Z and Ctrl+Y to redo, with ⌘ as Ctrl', () => {
    expect(chordOf(press('z', { ctrlKey: true }))).toBe('undo');
    expect(chordOf(press('z', { metaKey: true }))).toBe('undo');
    // With Shift held the browser reports an upper-case key.
    expect(chordOf(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(chordOf(press('y', { ctrlKey: true }))).toBe('redo');
  });

  it('maps Ctrl+O (⌘O) to open, not Ctrl+Shift+O', () => {
    expect(chordOf(press('o', { ctrlKey: true }))).toBe('open');
    expect(chordOf(press('o', { metaKey: true }))).toBe('open');
    expect(chordOf(press('O', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(chordOf(press('o'))).toBeNull();
  });

  it('ignores the keys without Ctrl, and with Alt', () => {
    expect(chordOf(press('z'))).toBeNull();
    expect(chordOf(press('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(chordOf(press('Y', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(chordOf(press('s', { ctrlKey: true }))).toBeNull();
  });
});
