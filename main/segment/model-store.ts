// Where the segmentation model comes from and one loaded session per file. The user's model
// (<data dir>/models/segmentation.onnx, or --model) wins; else the model shipped in
// native-models/segmentation/segmentation.onnx under the install root; else none (geometric fallback).
// Sessions stay loaded so that click prompts do not pay for loading the model again; their worker
// threads are unreferenced while idle, so a cached session never keeps a process alive.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { installRoot } from '../launch/paths';
import { loadSegmentationModel, type LoadModelOptions, type SegmentationModel } from '../models/segmentation-model';

/** The committed model file, relative to the install root. */
export const BUNDLED_SEGMENTATION_MODEL = join('native-models', 'segmentation', 'segmentation.onnx');

export function bundledSegmentationModelPath(): string {
  return join(installRoot(), BUNDLED_SEGMENTATION_MODEL);
}

export interface ModelChoice {
  /** The file to load, or null for the geometric fallback. */
  path: string | null;
  /** In words: which file and why. */
  reason: string;
}

/** The requested file when it exists, else the bundled one (null: none) when it exists, else none. */
export function chooseSegmentationModel(requested?: string, bundled: string | null = bundledSegmentationModelPath()): ModelChoice {
  if (requested && existsSync(requested)) return { path: requested, reason: `model ${requested}` };
  const missing = requested ? `segmentation model not found: ${requested}` : 'no segmentation model configured';
  if (bundled && existsSync(bundled)) return { path: bundled, reason: `bundled model ${bundled} (${missing})` };
  return { path: null, reason: missing };
}

const loaded = new Map<string, Promise<SegmentationModel>>();

/** One session per file and modification time; a failed load is not cached. */
export function sharedSegmentationModel(path: string, options: LoadModelOptions = {}): Promise<SegmentationModel> {
  const key = `${path}\u0000${existsSync(path) ? statSync(path).mtimeMs : 0}`;
  let p = loaded.get(key);
  if (!p) {
    p = loadSegmentationModel(path, options);
    loaded.set(key, p);
    p.catch(() => loaded.delete(key));
  }
  return p;
}

/** Closes every cached session (tests, shutdown). */
export async function closeSharedSegmentationModels(): Promise<void> {
  const all = [...loaded.values()];
  loaded.clear();
  for (const p of all) await p.then((m) => m.close()).catch(() => {});
}
