import { describe, expect, it } from 'vitest';
import { parseEditedAnswer, reviewCommand } from './review-keys';

const press = (key: string, extra: Partial<Parameters<typeof reviewCommand>[0]> = {}) => reviewCommand({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, typing: false, ...extra });

describe('review queue keys', () => {
  it('maps A R E J K, in either case, and nothing else', () => {
    expect(['a', 'R', 'e', 'j', 'K'].map((k) => press(k))).toEqual(['accept', 'reject', 'edit', 'next', 'previous']);
    expect(press('s')).toBeNull();
    expect(press('Enter')).toBeNull();
  });

  it('leaves keys alone while typing or with a modifier (Ctrl+A, Shift+E stay the browser\'s and the viewer\'s)', () => {
    expect(press('a', { typing: true })).toBeNull();
    expect(press('a', { ctrlKey: true })).toBeNull();
    expect(press('e', { shiftKey: true })).toBeNull();
    expect(press('j', { metaKey: true })).toBeNull();
  });
});

describe('edited answers', () => {
  it('keep the answer numeric where it was, and refuse what does not parse', () => {
    expect(parseEditedAnswer(' 2.5 ', 3)).toBe(2.5);
    expect(parseEditedAnswer('two', 3)).toBeNull();
    expect(parseEditedAnswer('', 'left')).toBeNull();
    expect(parseEditedAnswer(' right ', 'left')).toBe('right');
  });
});
