// The import pipeline: read → hash → (already imported?) → parse → summarise → cache → record.
// Stages yield to the event loop so progress events reach the UI and a cancel can land between
// them; parsing itself is one synchronous step. On any failure nothing stays recorded.
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { AppError } from '../../app/contract/errors';
import type { ImportResult } from '../../app/contract/schemas';
import { loadScene, type SceneReport } from '../../app/scene/load';
import { summarizeInstances } from '../../app/scene/summary';
import type { SceneRepository } from '../../db/repositories';
import { readSceneInput } from './read-input';
import { writeSceneCache } from './scene-cache';

export interface ImportProgress {
  label: string;
  done: number;
  total: number;
}

export interface ImportDeps {
  dataDir: string;
  scenes: SceneRepository;
}

export interface ImportOptions {
  onProgress?(p: ImportProgress): void;
  signal?: AbortSignal;
  /** Overrides the format's up axis. */
  upAxis?: 'z' | 'y';
}

export interface ImportOutcome {
  result: ImportResult;
  /** Absent when the content was imported before (nothing was parsed). */
  report?: SceneReport;
}

export const IMPORT_STAGES = ['reading', 'parsing', 'summarising', 'writing cache', 'recording'] as const;

const tick = () => new Promise<void>((r) => setImmediate(r));

/** A scene name from its file or folder name: extension and ScanNet suffixes dropped. */
export const sceneNameOf = (path: string) => basename(path).replace(/\.[^.]+$/, '').replace(/_vh_clean_2$/, '') || basename(path);

export async function importScenePath(path: string, deps: ImportDeps, options: ImportOptions = {}): Promise<ImportOutcome> {
  const source = resolve(path);
  const name = sceneNameOf(source);
  const stage = async (i: number) => {
    if (options.signal?.aborted) throw new AppError('cancelled', `import of ${name} cancelled`, { path: source });
    options.onProgress?.({ label: `Importing ${name}: ${IMPORT_STAGES[i]}`, done: i, total: IMPORT_STAGES.length });
    await tick();
  };

  await stage(0);
  const read = await readSceneInput(source);
  const existing = deps.scenes.findByContentHash(read.contentHash);
  if (existing) {
    const { id, name: n, source: s, format, pointCount, instanceCount } = existing;
    return { result: { id, name: n, source: s, format, pointCount, instanceCount, alreadyImported: true } };
  }

  await stage(1);
  const id = randomUUID();
  const { scene, report } = loadScene(read.input, { id, name, source, ...(options.upAxis ? { upAxis: options.upAxis } : {}) });

  await stage(2);
  const instances = summarizeInstances(scene);

  await stage(3);
  const file = await writeSceneCache(deps.dataDir, scene);
  try {
    await stage(4);
    const stored = deps.scenes.insertWithInstances(
      { id, name, source, format: scene.format, contentHash: read.contentHash, pointCount: report.pointCount, instanceCount: instances.length, origin: scene.origin },
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
}
