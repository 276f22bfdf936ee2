// A loaded scene shown in its current layout. The scene's source keeps the points as scanned; once a
// layout version is current, every moved object's points are moved in place by the rigid motion from
// the scan's own layout to that version (same points, same order, so picking, masks and superpoints
// stay valid), and openScene, questions and measurements all see the edited room.
import { layoutFromPoints } from '../../app/layout/from-points';
import { applyInstanceMotions, layoutDeltas } from '../../app/layout/pose-delta';
import { parseLayoutDocument } from '../../app/layout/schema';
import type { LayoutDocument } from '../../app/layout/types';
import { sceneBounds, summarizeInstances } from '../../app/scene/summary';
import type { PointScene } from '../../app/scene/types';
import type { LayoutEditor, LayoutVersion } from '../../db/repositories';
import type { LoadedScene } from './scene-registry';

/** The points as the source gave them, kept the first time a layout moves them. */
const scanned = new WeakMap<LoadedScene, Float32Array>();
/** The scan's own layout, per instance assignment (an accepted segmentation builds a new one). */
const bases = new WeakMap<LoadedScene, { instanceIds: Int32Array; doc: LayoutDocument }>();

/** The loaded scene with its points as scanned (what the scan's own layout and the PLY export start from). */
export function scannedScene(loaded: LoadedScene): PointScene {
  const positions = scanned.get(loaded);
  return positions ? { ...loaded.scene, positions } : loaded.scene;
}

/** The layout the scan's points stand in (built once per instance assignment; about a second for 200k points). */
export function scanLayout(loaded: LoadedScene): LayoutDocument {
  const cached = bases.get(loaded);
  if (cached && cached.instanceIds === loaded.scene.instanceIds) return cached.doc;
  const doc = layoutFromPoints(scannedScene(loaded));
  bases.set(loaded, { instanceIds: loaded.scene.instanceIds, doc });
  return doc;
}

export function parseVersion(v: LayoutVersion): LayoutDocument {
  return parseLayoutDocument(JSON.parse(v.documentJson) as unknown, `layout version ${v.version} of scene ${v.sceneId}`);
}

/** The scene's current layout: its current version, else the scan's own. */
export function currentLayout(loaded: LoadedScene, editor: LayoutEditor): { doc: LayoutDocument; version: LayoutVersion | null } {
  const v = editor.currentVersion(loaded.scene.id);
  return v ? { doc: parseVersion(v), version: v } : { doc: scanLayout(loaded), version: null };
}

/** Moves the loaded scene's points to `doc` (null: back to the scan) and refreshes what is derived from them. */
export function showLayout(loaded: LoadedScene, doc: LayoutDocument | null): void {
  const points = scanned.get(loaded) ?? loaded.scene.positions;
  const motions = doc ? layoutDeltas(scanLayout(loaded), doc) : new Map();
  if (motions.size === 0 && !scanned.has(loaded)) return;
  if (!scanned.has(loaded)) scanned.set(loaded, points);
  // A new scene object, so caches keyed by the scene (the Ask engine's objects, measure indices) rebuild.
  loaded.scene = { ...loaded.scene, positions: motions.size === 0 ? points : applyInstanceMotions(points, loaded.scene.instanceIds, motions) };
  loaded.instances = summarizeInstances(loaded.scene);
  loaded.bbox = sceneBounds(loaded.scene);
}

/** After a load: a scene with a current layout version opens in it. Nothing to do (and no cost) otherwise. */
export function showStoredLayout(loaded: LoadedScene, editor: LayoutEditor): void {
  const v = editor.currentVersion(loaded.scene.id);
  if (v) showLayout(loaded, parseVersion(v));
}
