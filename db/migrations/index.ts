// The schema history, oldest first. A database's `PRAGMA user_version` is the version of the last
// migration applied to it. Never edit a shipped migration: add the next numbered file instead.
import init from './0001_init.sql';
import store from './0002_store.sql';
import annotations from './0003_annotations.sql';
import sceneDrafts from './0004_scene_drafts.sql';

export interface Migration {
  /** 1, 2, 3… without gaps; becomes `user_version` once applied. */
  readonly version: number;
  /** The file name without `.sql`, for messages. */
  readonly name: string;
  /** Statements run inside one transaction; must not contain BEGIN/COMMIT. */
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001_init', sql: init },
  { version: 2, name: '0002_store', sql: store },
  { version: 3, name: '0003_annotations', sql: annotations },
  { version: 4, name: '0004_scene_drafts', sql: sceneDrafts },
];
