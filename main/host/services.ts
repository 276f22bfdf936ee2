// Composition root: the one place that wires app/ algorithms and db/ storage into the host. When a
// scene source, store or algorithm changes, this file is what changes.
import { join } from 'node:path';
import type { AskInput, AskResult, DistanceResult } from '../../app/contract';
import { measureSceneDistance } from '../../app/qa/scene-distance';
import { generateSampleRoom } from '../../app/sample';
import { sceneBounds, summarizeInstances } from '../../app/scene/summary';
import { openDatabase, type Store } from '../../db';
import { importScenePath, type ImportOptions, type ImportOutcome } from '../import/import-scene';
import { readSceneCache } from '../import/scene-cache';
import { askSceneWithModel } from '../qa/ask-model';
import { exportProject, type ExportProjectResult, type ProjectProgress } from '../project/export-project';
import { executionProvider as defaultExecutionProvider, type ProviderChoice } from '../models/execution-provider';
import { segmentScene, type SceneSegmentation, type SegmentOptions } from '../segment/segment-scene';
import { rememberSegmentation } from '../segment/prompt-registry';
import { sweepStaleUploads, uploadDirOf } from './uploads';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import { SceneRegistry, type LoadedScene } from './scene-registry';
import { isAccepted, syncLoadedInstances } from './accepted-instances';
import { showStoredLayout } from './layout-scene';

export const DATABASE_FILE = 'scenewright.db';
export const SAMPLE_SCENE_ID = 'sample';
/** The installed segmentation model's file name under <dataDir>/models/. */
export const SEGMENTATION_MODEL_FILE = 'segmentation.onnx';
/** How often a writable host copies the database into backups/ (the newest ten are kept). */
export const BACKUP_INTERVAL_MS = 60 * 60 * 1000;

export interface ServicesOptions {
  dataDir: string;
  readOnly?: boolean;
  /** Defaults to the process-wide probe (cuda → webgpu → cpu). */
  executionProvider?: () => Promise<ProviderChoice>;
  /** 0 turns scheduled backups off. */
  backupIntervalMs?: number;
  /** The bundled import worker; defaults to dist/main/import-worker.js (tests pass a fresh bundle). */
  importWorker?: string | URL;
  /** Defaults to <dataDir>/models/segmentation.onnx; a missing file selects the geometric fallback. */
  segmentationModelPath?: string;
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
  /** A typed question is grounded by the layout language model or the QA parser (main/qa/ask-model.ts). */
  ask(loaded: LoadedScene, input: AskInput): Promise<AskResult>;
  /** Imports a file or folder into the database and the scene cache; one import at a time. */
  importScene(path: string, options?: ImportOptions): Promise<ImportOutcome>;
  /** The saved work (online database backup + scene caches) as one .swproj file; see main/project. */
  exportProject(file: string, options?: { onProgress?: ProjectProgress; signal?: AbortSignal }): Promise<ExportProjectResult>;
  /** Instances of a loaded scene: the model at `segmentationModelPath` when installed, else the geometric fallback. */
  segment(loaded: LoadedScene, options?: Pick<SegmentOptions, 'signal' | 'onProgress'>): Promise<SceneSegmentation>;
  /** How many times segment() ran since the host started (a restored draft must not run it). */
  segmentRuns(): number;
  segmentationModelPath: string;
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
  // Uploads of earlier sessions (the web bridge's inputs) are not kept past a day.
  if (!readOnly) sweepStaleUploads(uploadDirOf(options.dataDir), { log: (line) => process.stderr.write(`${line}\n`) });
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
        // An accepted segmentation of the sample room stays; afterLoad shows it.
        const accepted = isAccepted(store.scenes.listInstances(scene.id));
        store.scenes.upsert({ ...summary, origin: scene.origin, ...(accepted ? { instanceCount: store.scenes.get(scene.id)!.instanceCount } : {}) });
        if (!accepted) store.scenes.replaceInstances(scene.id, instances, 'generated');
      },
      afterLoad: (loaded) => {
        syncLoadedInstances(loaded, store.scenes, store.superpoints);
        // A scene with an applied layout edit opens in that layout (main/host/layout-scene.ts).
        showStoredLayout(loaded, store.layoutEditor);
      },
      // Imported scenes (they have a content hash) open from their cache file.
      resolve: (id) =>
        store.scenes.get(id)?.contentHash ? { id, recorded: true, load: () => readSceneCache(options.dataDir, id) } : undefined,
    },
  );
  const segmentationModelPath = options.segmentationModelPath ?? join(options.dataDir, 'models', SEGMENTATION_MODEL_FILE);
  // Imports run one after another, so two imports of the same content cannot both miss the hash check.
  let importQueue: Promise<unknown> = Promise.resolve();
  let segmentRuns = 0;
  return {
    dataDir: options.dataDir,
    readOnly,
    readOnlyReason,
    store,
    registry,
    executionProvider: options.executionProvider ?? (() => defaultExecutionProvider()),
    measure: ({ scene }, a, b) => measureSceneDistance(scene, a, b),
    ask: ({ scene }, input) => askSceneWithModel(scene, input, options.dataDir),
    segmentationModelPath,
    segmentRuns: () => segmentRuns,
    segment: async ({ scene }, segmentOptions = {}) => {
      segmentRuns++;
      const r = await segmentScene({ scene }, { ...segmentOptions, modelPath: segmentationModelPath });
      // Kept for click prompts (main/segment/prompt-registry promptMask).
      rememberSegmentation(scene.id, r);
      return r;
    },
    exportProject: (file, exportOptions = {}) => exportProject({ dataDir: options.dataDir, store, file, ...exportOptions }),
    importScene(path, importOptions) {
      const next = importQueue.then(() => importScenePath(path, { dataDir: options.dataDir, scenes: store.scenes, ...(options.importWorker ? { workerScript: options.importWorker } : {}) }, importOptions));
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
