// What `scenewright layout …` and the layout eval open: a scan file or folder (layout from its
// instances, points kept for the PLY export), a VSI-Bench meta file with #scene (boxes only), or a
// layout JSON written by `layout export --format json` / `layout edit --save`.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../app/contract/errors';
import { layoutFromBoxes } from '../../app/layout/from-boxes';
import { layoutFromPoints } from '../../app/layout/from-points';
import { parseLayoutDocument } from '../../app/layout/schema';
import type { LayoutDocument } from '../../app/layout/types';
import { parseVsiMetaText } from '../../app/qa/vsibench/meta';
import { loadScene } from '../../app/scene/load';
import type { PointScene } from '../../app/scene/types';
import { sceneNameOf } from '../import/import-scene';
import { readSceneInput } from '../import/read-input';

export interface LayoutSource {
  doc: LayoutDocument;
  /** The scan, when the layout came from points. */
  scene?: PointScene;
  kind: 'scan' | 'meta' | 'layout';
}

export async function loadLayoutSource(spec: string, options: { upAxis?: 'y' | 'z' } = {}): Promise<LayoutSource> {
  const hash = spec.lastIndexOf('#');
  if (hash > 0 && /\.json$/i.test(spec.slice(0, hash))) {
    const file = resolve(spec.slice(0, hash));
    const name = spec.slice(hash + 1);
    const scenes = parseVsiMetaText(readFileSync(file, 'utf8'), file);
    const scene = scenes.find((s) => s.id === name);
    if (!scene) throw new AppError('not_found', `${file}: no scene named ${JSON.stringify(name)} (${scenes.length} scenes, e.g. ${scenes.slice(0, 3).map((s) => s.id).join(', ')})`);
    return { doc: layoutFromBoxes(scene), kind: 'meta' };
  }
  const path = resolve(spec);
  if (/\.json$/i.test(path) && statSync(path).isFile()) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new AppError('bad_file', `${path}: not JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
    return { doc: parseLayoutDocument(json, path), kind: 'layout' };
  }
  const read = await readSceneInput(path);
  const { scene } = loadScene(read.input, { id: sceneNameOf(path), name: sceneNameOf(path), source: path, ...(options.upAxis ? { upAxis: options.upAxis } : {}) });
  if (scene.instances.length === 0) throw new AppError('invalid_input', `${path}: the scan has no instances; segment it first (scenewright segment) or give a file with instance labels`);
  return { doc: layoutFromPoints(scene), scene, kind: 'scan' };
}
