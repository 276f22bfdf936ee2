// A store on a real database file in a fresh temporary folder, reopenable, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../app/contract/errors';
import { openDatabase, type Store } from '../open';
import type { SceneUpsert } from '../repositories';

export interface TmpStore {
  readonly store: Store;
  /** Closes and opens the same file again, as a restart does. */
  reopen(): Store;
  dispose(): void;
}

export function tmpStore(): TmpStore {
  const dir = mkdtempSync(join(tmpdir(), 'sw-db-'));
  const file = join(dir, 'scenewright.db');
  let store = openDatabase(file);
  return {
    get store() {
      return store;
    },
    reopen() {
      store.close();
      store = openDatabase(file);
      return store;
    },
    dispose() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const sceneUpsert = (over: Partial<SceneUpsert> = {}): SceneUpsert => ({
  id: 'room-1',
  name: 'Room',
  source: '/scans/room.ply',
  format: 'ply',
  contentHash: 'a'.repeat(64),
  pointCount: 10,
  instanceCount: 0,
  origin: [100, 200, 3],
  ...over,
});

/** The AppError `f` throws; fails when it throws something else or nothing. */
export function appError(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}
