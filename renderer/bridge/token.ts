// The web bridge token arrives once in the URL fragment (#token=…). It is kept in sessionStorage so
// a reload of the same tab still works after the fragment has been removed from the address bar.
import { TOKEN_HASH_KEY } from '../../app/contract';

export const TOKEN_STORAGE_KEY = 'scenewright.token';

export interface TokenSources {
  hash: string;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

/** Token from the fragment if present (and remembered), else the remembered one, else null. */
export function resolveToken({ hash, storage }: TokenSources): string | null {
  const fromHash = new URLSearchParams(hash.replace(/^#/, '')).get(TOKEN_HASH_KEY);
  if (fromHash) {
    try {
      storage?.setItem(TOKEN_STORAGE_KEY, fromHash);
    } catch {
      // Storage can be disabled (privacy mode); the token still works for this page view.
    }
    return fromHash;
  }
  try {
    return storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Removes the token from the visible URL (screenshots, copied links) without reloading. */
export function stripTokenFromLocation(): void {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (!params.has(TOKEN_HASH_KEY)) return;
  params.delete(TOKEN_HASH_KEY);
  const rest = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
}
