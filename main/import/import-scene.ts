// The import pipeline: read + hash → (already imported?) → parse + convert → cache → record.
// Reading, parsing and converting run in a worker thread (worker.ts), so the host's event loop
// stays free for the UI and a cancel terminates the worker wherever it is. On any failure or
// cancel nothing stays recorded.
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { AppError } from '../../app/contract/errors';
import type { ImportResult } from '../../app/contract/schemas';
import type { SceneReport } from '../../app/scene/load';
import type { SceneRepository } from '../../db/repositories';
import { defaultImportWorkerScript, startImportWorker, type ImportWorker } from './run-worker';
import { writeSceneCache } from './scene-cache';
import { partName } from './scene-part';
import { IMPORT_STAGES } from './worker-protocol';

export { IMPORT_STAGES } from './worker-protocol';

export interface ImportProgress {
  label: string;
  /** Stages done; fractional while a stage reports its own progress (bytes read). */
  done: number;
  total: number;
}

export interface ImportDeps {
  dataDir: string;
  scenes: SceneRepository;
  /** The bundled import worker; defaults to dist/main/import-worker.js of this install. */
  workerScript?: string | URL;
}

export interface ImportOptions {
  onProgress?(p: ImportProgress): void;
  signal?: AbortSignal;
  /** Overrides the format's up axis. */
  upAxis?: 'z' | 'y';
  /** Called with each import's worker as it starts (tests watch it stop). */
  onWorker?(worker: ImportWorker): void;
  /** false: read the whole file before parsing even where it could stream (the formats bench's baseline). */
  streaming?: boolean;
}

export interface ImportOutcome {
  result: ImportResult;
  /** Absent when the content was imported before (nothing was parsed). */
  report?: SceneReport;
}

const tick = () => new Promise<void>((r) => setImmediate(r));

/** A scene name from its file or folder name: extension and ScanNet suffixes dropped. */
export const sceneNameOf = (path: string) => partName(path) ?? (basename(path).replace(/\.[^.]+$/, '').replace(/_vh_clean_2$/, '') || basename(path));

export async function importScenePath(path: string, deps: ImportDeps, options: ImportOptions = {}): Promise<ImportOutcome> {
  const source = resolve(path);
  const name = sceneNameOf(source);
  const cancelled = () => new AppError('cancelled', `import of ${name} cancelled`, { path: source });
  const progress = (stage: number, fraction = 0, detail?: string) =>
    options.onProgress?.({ label: `Importing ${name}: ${IMPORT_STAGES[stage]}${detail ? ` (${detail})` : ''}`, done: stage + fraction, total: IMPORT_STAGES.length });
  const stage = async (i: number) => {
    if (options.signal?.aborted) throw cancelled();
    progress(i);
    await tick();
  };

  await stage(0);
  const id = randomUUID();
  const worker = startImportWorker(
    deps.workerScript ?? defaultImportWorkerScript(),
    { path: source, id, name, source, ...(options.upAxis ? { upAxis: options.upAxis } : {}), ...(options.streaming === false ? { streaming: false } : {}) },
    // A message the worker sent just before a cancel terminated it is not news any more.
    (p) => options.signal?.aborted || progress(p.stage, p.fraction, p.detail),
  );
  options.onWorker?.(worker);
  const onAbort = () => void worker.stop(cancelled());
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const { contentHash } = await worker.hashed;
    const existing = deps.scenes.findByContentHash(contentHash);
    if (existing) {
      const { id: oldId, name: n, source: s, format, pointCount, instanceCount } = existing;
      return { result: { id: oldId, name: n, source: s, format, pointCount, instanceCount, alreadyImported: true } };
    }
    const { scene, report, instances } = await worker.parse();
    // The arrays are ours now; ending the thread frees the file bytes it held at once.
    await worker.stop();

    await stage(3);
    const file = await writeSceneCache(deps.dataDir, scene);
    try {
      await stage(4);
      const stored = deps.scenes.insertWithInstances(
        { id, name, source, format: scene.format, contentHash, pointCount: report.pointCount, instanceCount: instances.length, origin: scene.origin },
        instances,
        'import',
      );
      options.onProgress?.({ label: `Imported ${name}`, done: IMPORT_STAGES.length, total: IMPORT_STAGES.length });
      return {
        result: { id, name: stored.name, source, format: stored.format, pointCount: stored.pointCount, instanceCount: stored.instanceCount, alreadyImported: false },
        report,
      };
    } catch (err) {
      // The cache is only valid with its scene row.
      await rm(file, { force: true });
      throw err;
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await worker.stop();
  }
}
