// A loaded scene shown in its current layout. The scene's source keeps the points as scanned; once a
// layout version is current, the shown scene is the scan laid out by it (app/layout/moved-points.ts):
// every moved object's points moved by the rigid motion from the scan's own layout to that version,
// in scan order, so picking, masks and superpoints stay valid while nothing is removed or copied; a
// removed object's points and instance dropped; a copy's points (its source's, moved to the copy's
// pose) appended under the copy's own instance id. openScene, questions and measurements all see the
// edited room. While a version drops or adds points, per-point data made for the scan (superpoints,
// confidence) no longer lines up: openScene leaves it out (overlaysFitting).
import { layoutFromPoints } from '../../app/layout/from-points';
import { movedPoints } from '../../app/layout/moved-points';
import { parseLayoutDocument } from '../../app/layout/schema';
import type { LayoutDocument } from '../../app/layout/types';
import { sceneBounds, summarizeInstances } from '../../app/scene/summary';
import type { PointScene, SceneInstance } from '../../app/scene/types';
import type { LayoutEditor, LayoutVersion } from '../../db/repositories';
import type { LoadedScene } from './scene-registry';

/** The scene as scanned (points in scan order, their instances), kept the first time a layout changes what is shown. */
interface ScanState {
  positions: Float32Array;
  colors: Uint8Array;
  instanceIds: Int32Array;
  instances: SceneInstance[];
}
const scans = new WeakMap<LoadedScene, ScanState>();
/** The scene object showLayout last put on the loaded scene: anything else there was set by someone else. */
const shown = new WeakMap<LoadedScene, PointScene>();
/** The scan's own layout, per instance assignment (an accepted segmentation builds a new one). */
const bases = new WeakMap<LoadedScene, { instanceIds: Int32Array; doc: LayoutDocument }>();

function scanState(loaded: LoadedScene): ScanState | undefined {
  const s = scans.get(loaded);
  if (!s) return undefined;
  // An accepted segmentation replaced the shown scene's instances: in scan order when the point count still matches.
  const now = loaded.scene;
  if (shown.get(loaded) !== now && now.instanceIds.length === s.instanceIds.length && now.instanceIds !== s.instanceIds) {
    s.instanceIds = now.instanceIds;
    s.instances = now.instances;
  }
  return s;
}

/** The loaded scene with its points as scanned (what the scan's own layout and the PLY export start from). */
export function scannedScene(loaded: LoadedScene): PointScene {
  const s = scanState(loaded);
  return s ? { ...loaded.scene, positions: s.positions, colors: s.colors, instanceIds: s.instanceIds, instances: s.instances } : loaded.scene;
}

/** The layout the scan's points stand in (built once per instance assignment; about a second for 200k points). */
export function scanLayout(loaded: LoadedScene): LayoutDocument {
  const scan = scannedScene(loaded);
  const cached = bases.get(loaded);
  if (cached && cached.instanceIds === scan.instanceIds) return cached.doc;
  const doc = layoutFromPoints(scan);
  bases.set(loaded, { instanceIds: scan.instanceIds, doc });
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

/** Shows the loaded scene laid out by `doc` (null: back to the scan) and refreshes what is derived from its points. */
export function showLayout(loaded: LoadedScene, doc: LayoutDocument | null): void {
  const scan = scannedScene(loaded);
  const had = scans.has(loaded);
  const laid = doc ? movedPoints(scan, scanLayout(loaded), doc) : null;
  if (!had && (!laid || (laid.changed.size === 0 && laid.removed.length === 0))) return;
  if (!had) scans.set(loaded, { positions: scan.positions, colors: scan.colors, instanceIds: scan.instanceIds, instances: scan.instances });
  // A new scene object, so caches keyed by the scene (the Ask engine's objects, measure indices) rebuild.
  loaded.scene = laid ? { ...loaded.scene, positions: laid.positions, colors: laid.colors, instanceIds: laid.instanceIds, instances: laid.instances } : scan;
  shown.set(loaded, loaded.scene);
  loaded.instances = summarizeInstances(loaded.scene);
  loaded.bbox = sceneBounds(loaded.scene);
  loaded.summary = { ...loaded.summary, pointCount: loaded.scene.positions.length / 3, instanceCount: loaded.instances.length };
}

/** Per-point overlays only when they have one value per shown point (not while a layout drops or adds points). */
export function overlaysFitting<T extends { superpointIds?: ArrayLike<number>; confidence?: ArrayLike<number> }>(overlays: T, pointCount: number): Partial<T> {
  const out: Partial<T> = {};
  if (overlays.superpointIds && overlays.superpointIds.length === pointCount) out.superpointIds = overlays.superpointIds;
  if (overlays.confidence && overlays.confidence.length === pointCount) out.confidence = overlays.confidence;
  return out;
}

/** After a load: a scene with a current layout version opens in it. Nothing to do (and no cost) otherwise. */
export function showStoredLayout(loaded: LoadedScene, editor: LayoutEditor): void {
  const v = editor.currentVersion(loaded.scene.id);
  if (v) showLayout(loaded, parseVersion(v));
}
