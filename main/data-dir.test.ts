import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './data-dir';

describe('resolveDataDir', () => {
  it('prefers the flag, then Electron userData, then XDG, then ~/.local/share', () => {
    const env = { XDG_DATA_HOME: '/xdg' };
    expect(resolveDataDir({ flag: '/a/b', electronUserData: '/u', env, home: '/h' })).toBe('/a/b');
    expect(resolveDataDir({ electronUserData: '/u', env, home: '/h' })).toBe('/u');
    expect(resolveDataDir({ env, home: '/h' })).toBe('/xdg/scenewright');
    expect(resolveDataDir({ env: {}, home: '/h' })).toBe('/h/.local/share/scenewright');
  });

  it('makes a relative flag absolute and ignores a relative XDG_DATA_HOME', () => {
    expect(resolveDataDir({ flag: 'rel', env: {} })).toBe(`${process.cwd()}/rel`);
    expect(resolveDataDir({ env: { XDG_DATA_HOME: 'rel' }, home: '/h' })).toBe('/h/.local/share/scenewright');
  });
});
