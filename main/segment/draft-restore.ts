// Bringing back a segmentation draft stored before the host restarted (main/segment/draft-store.ts):
// the first call that touches the scene recomputes its segmentation (superpoints are deterministic,
// and the run also gives the features and the click prompt the draft needs), checks that the
// superpoints hash to what the draft refers to, and rebuilds the draft exactly. Anything else
// discards the stored draft with a logged reason that segmentationState passes to the UI.
import type { DraftRestoreNote } from '../../app/contract';
import type { LoadedScene } from '../host/scene-registry';
import { snapshotOf, superpointHash, type DraftStore } from './draft-store';
import type { SceneSegmentation, SegmentOptions } from './segment-scene';
import { startFromSegmentation, type SegmentationSessions } from './segmentation-session';

export interface DraftRestoreDeps {
  store: DraftStore | null;
  sessions: SegmentationSessions;
  /** Written here per scene: what became of its stored draft. */
  notes: Map<string, DraftRestoreNote>;
  log(line: string): void;
  registry: { get(sceneId: string): Promise<LoadedScene> };
  segment(loaded: LoadedScene, options: Pick<SegmentOptions, 'signal' | 'onProgress'>): Promise<SceneSegmentation>;
}

/** restore(sceneId): resolves once the scene's stored draft (if any) is in `sessions` or discarded. Never throws for a bad record. */
export function draftRestorer(deps: DraftRestoreDeps): (sceneId: string) => Promise<void> {
  const pending = new Map<string, Promise<void>>();
  const run = async (sceneId: string): Promise<void> => {
    const { store, sessions, notes } = deps;
    if (!store || sessions.has(sceneId)) return;
    const loadedRecord = store.load(sceneId);
    if (!loadedRecord) return;
    const discard = (reason: string) => {
      deps.log(`segmentation draft of scene ${sceneId} discarded after the restart: ${reason}`);
      notes.set(sceneId, { outcome: 'discarded', reason });
      try {
        store.clear(sceneId);
      } catch (err) {
        deps.log(`stored segmentation draft of scene ${sceneId} not deleted: ${err instanceof Error ? err.message : String(err)}`);
      }
    };
    if (!loadedRecord.ok) return discard(loadedRecord.reason);
    const record = loadedRecord.record;
    const loaded = await deps.registry.get(sceneId);
    let r: SceneSegmentation;
    try {
      r = await deps.segment(loaded, {});
    } catch (err) {
      // Kept for a later call: a failing segmentation (a broken model file) is the user's to fix, the draft is still good.
      deps.log(`segmentation draft of scene ${sceneId} not restored yet: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    // A "Segment scene" that finished meanwhile started a newer draft: that one stands.
    if (sessions.has(sceneId)) return;
    const pointCount = loaded.scene.positions.length / 3;
    if (record.pointCount !== pointCount) return discard(`it was made on ${record.pointCount} points and the scene now has ${pointCount}`);
    const hash = superpointHash(r.superpoints);
    if (hash !== record.superpointHash || r.superpointCount !== record.superpointCount) {
      return discard(`the scene's superpoints changed (${record.superpointCount} → ${r.superpointCount} superpoints, hash ${record.superpointHash.slice(7, 19)} → ${hash.slice(7, 19)})`);
    }
    const start = { ...startFromSegmentation(loaded.scene, r, record.modelVersion, false), origin: record.origin };
    try {
      sessions.restore(start, snapshotOf(record));
    } catch (err) {
      return discard(err instanceof Error ? err.message : String(err));
    }
    notes.set(sceneId, { outcome: 'restored', reason: `restored the unaccepted segmentation (${record.instances.length} objects, saved ${record.savedAt})` });
  };
  return (sceneId) => {
    let p = pending.get(sceneId);
    if (!p) {
      p = run(sceneId).finally(() => pending.delete(sceneId));
      pending.set(sceneId, p);
    }
    return p;
  };
}
