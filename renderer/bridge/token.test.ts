import { describe, expect, it } from 'vitest';
import { resolveToken, TOKEN_STORAGE_KEY } from './token';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

describe('resolveToken', () => {
  it('takes the token from the fragment and remembers it', () => {
    const storage = memoryStorage();
    expect(resolveToken({ hash: '#token=abc123', storage })).toBe('abc123');
    expect(storage.m.get(TOKEN_STORAGE_KEY)).toBe('abc123');
  });

  it('falls back to the remembered token after a reload without fragment', () => {
    const storage = memoryStorage();
    storage.setItem(TOKEN_STORAGE_KEY, 'kept');
    expect(resolveToken({ hash: '', storage })).toBe('kept');
  });

  it('returns null with no fragment and nothing remembered', () => {
    expect(resolveToken({ hash: '#other=1', storage: memoryStorage() })).toBeNull();
    expect(resolveToken({ hash: '', storage: null })).toBeNull();
  });
});
