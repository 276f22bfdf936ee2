// Composition root: the one place that wires app/ algorithms and db/ storage into the host. When a
// scene source, store or algorithm changes, this file is what changes.
import { join } from 'node:path';
import type { DistanceResult } from '../../app/contract';
import { measureInstanceDistance } from '../../app/qa/measure';
import { generateSampleRoom } from '../../app/sample';
import { sceneBounds, summarizeInstances } from '../../app/scene/summary';
import { openDatabase, type Store } from '../../db';
import { importScenePath, type ImportOptions, type ImportOutcome } from '../import/import-scene';
import { readSceneCache } from '../import/scene-cache';
import { executionProvider as defaultExecutionProvider, type ProviderChoice } from '../models/execution-provider';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import { SceneRegistry, type LoadedScene } from './scene-registry';

export const DATABASE_FILE = 'scenewright.db';
export const SAMPLE_SCENE_ID = 'sample';
/** How often a writable host copies the database into backups/ (the newest ten are kept). */
export const BACKUP_INTERVAL_MS = 60 * 60 * 1000;

export interface ServicesOptions {
  dataDir: string;
  readOnly?: boolean;
  /** Defaults to the process-wide probe (cuda → webgpu → cpu). */
  executionProvider?: () => Promise<ProviderChoice>;
  /** 0 turns scheduled backups off. */
  backupIntervalMs?: number;
}

export interface Services {
  dataDir: string;
  readOnly: boolean;
  /** Why the host is read-only, in words for the user; null when it is writable. */
  readOnlyReason: string | null;
  store: Store;
  registry: SceneRegistry;
  executionProvider(): Promise<ProviderChoice>;
  measure(loaded: LoadedScene, a: number, b: number): DistanceResult;
  /** Imports a file or folder into the database and the scene cache; one import at a time. */
  importScene(path: string, options?: ImportOptions): Promise<ImportOutcome>;
  close(): void;
}

export function openServices(options: ServicesOptions): Services {
  let readOnly = options.readOnly ?? false;
  let readOnlyReason = readOnly ? 'this Scenewright was started read-only' : null;
  let lock: DataDirLock | null = null;
  if (!readOnly) {
    const outcome = lockDataDir(options.dataDir);
    if (outcome.acquired) lock = outcome.lock;
    else {
      readOnly = true;
      readOnlyReason = outcome.message;
    }
  }
  let store: Store;
  try {
    store = openDatabase(join(options.dataDir, DATABASE_FILE), { readonly: readOnly });
  } catch (e) {
    lock?.release();
    throw e;
  }
  const intervalMs = options.backupIntervalMs ?? BACKUP_INTERVAL_MS;
  let closed = false;
  const backupTimer =
    readOnly || intervalMs <= 0
      ? null
      : setInterval(() => {
          store.backupNow().catch((err: unknown) => {
            if (!closed) process.stderr.write(`scheduled backup failed: ${err instanceof Error ? err.message : String(err)}\n`);
          });
        }, intervalMs);
  // A pending backup must not keep a CLI run or a test alive.
  backupTimer?.unref();
  const registry = new SceneRegistry(
    [
      {
        id: SAMPLE_SCENE_ID,
        load: () => {
          const { scene } = generateSampleRoom();
          // The generator names its own scene; the host pins the id the contract promises.
          return { ...scene, id: SAMPLE_SCENE_ID };
        },
      },
    ],
    {
      summarize: (scene) => ({ instances: summarizeInstances(scene), bbox: sceneBounds(scene) }),
      onLoaded: ({ scene, summary, instances }) => {
        if (readOnly) return;
        store.scenes.upsert({ ...summary, origin: scene.origin });
        store.scenes.replaceInstances(scene.id, instances, 'generated');
      },
      // Imported scenes (they have a content hash) open from their cache file.
      resolve: (id) =>
        store.scenes.get(id)?.contentHash ? { id, recorded: true, load: () => readSceneCache(options.dataDir, id) } : undefined,
    },
  );
  // Imports run one after another, so two imports of the same content cannot both miss the hash check.
  let importQueue: Promise<unknown> = Promise.resolve();
  return {
    dataDir: options.dataDir,
    readOnly,
    readOnlyReason,
    store,
    registry,
    executionProvider: options.executionProvider ?? (() => defaultExecutionProvider()),
    measure: ({ scene }, a, b) => measureInstanceDistance(scene, a, b),
    importScene(path, importOptions) {
      const next = importQueue.then(() => importScenePath(path, { dataDir: options.dataDir, scenes: store.scenes }, importOptions));
      importQueue = next.catch(() => {});
      return next;
    },
    close: () => {
      if (closed) return;
      closed = true;
      if (backupTimer) clearInterval(backupTimer);
      store.close();
      lock?.release();
    },
  };
}
