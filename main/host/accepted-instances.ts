// Keeps a loaded scene's instances in step with the store once a segmentation has been accepted.
// The scene's source (sample generator, scene cache) keeps the instances it was loaded with; the
// store's rows win when they are an accepted segmentation (source model / human, with masks), so an
// accepted segmentation shows after a reload or a restart, and undoing it brings the source's back.
import type { SceneInstance } from '../../app/scene/types';
import { summarizeInstances } from '../../app/scene/summary';
import type { SceneRepository, StoredInstance, SuperpointSetRepository } from '../../db/repositories';
import type { LoadedScene } from './scene-registry';

/** What the scene's source gave, kept the first time the instances are replaced. */
const original = new WeakMap<LoadedScene, { instanceIds: Int32Array; instances: SceneInstance[] }>();

/** Replaces the loaded scene's per-point ids and instance list (and the summaries derived from them). */
export function setLoadedInstances(loaded: LoadedScene, instanceIds: Int32Array, instances: SceneInstance[]): void {
  if (!original.has(loaded)) original.set(loaded, { instanceIds: loaded.scene.instanceIds, instances: loaded.scene.instances });
  // A new scene object: caches keyed by the scene (the Ask engine's objects) are rebuilt.
  loaded.scene = { ...loaded.scene, instanceIds, instances };
  loaded.instances = summarizeInstances(loaded.scene);
  loaded.summary = { ...loaded.summary, instanceCount: instances.length };
}

/** True when the store holds an accepted segmentation for the scene (what a load should show). */
export function isAccepted(rows: readonly StoredInstance[]): boolean {
  return rows.length > 0 && rows.every((r) => (r.source === 'model' || r.source === 'human') && r.maskKind !== null);
}

/**
 * Shows the store's accepted instances on the loaded scene, or, when the store has none (an undone
 * acceptance), the instances the scene was loaded with. A mask that cannot be read (its superpoint
 * set deleted) leaves the scene as it is.
 */
export function syncLoadedInstances(loaded: LoadedScene, scenes: SceneRepository, superpointSets: SuperpointSetRepository): void {
  const sceneId = loaded.scene.id;
  const rows = scenes.listInstances(sceneId);
  if (!isAccepted(rows)) {
    const base = original.get(loaded);
    if (base) setLoadedInstances(loaded, base.instanceIds, base.instances);
    return;
  }
  const n = loaded.scene.positions.length / 3;
  const ids = new Int32Array(n).fill(-1);
  // Superpoint masks: the owning instance per superpoint of each set, then one pass over the points.
  const owners = new Map<string, { perPoint: Int32Array; owner: Map<number, number> }>();
  for (const row of rows) {
    const mask = scenes.instanceMask(sceneId, row.id);
    if (!mask) return;
    if (mask.kind === 'points') {
      for (const p of mask.ids) if (p < n) ids[p] = row.id;
      continue;
    }
    let set = owners.get(mask.superpointSetId);
    if (!set) {
      const perPoint = superpointSets.get(mask.superpointSetId)?.ids;
      if (!perPoint || perPoint.length !== n) return;
      owners.set(mask.superpointSetId, (set = { perPoint, owner: new Map() }));
    }
    for (const sp of mask.ids) set.owner.set(sp, row.id);
  }
  for (const { perPoint, owner } of owners.values()) {
    for (let i = 0; i < n; i++) {
      const id = owner.get(perPoint[i]!);
      if (id !== undefined) ids[i] = id;
    }
  }
  setLoadedInstances(loaded, ids, rows.map((r) => ({ id: r.id, label: r.label })));
}
