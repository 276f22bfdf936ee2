// Bringing back a segmentation draft stored before the host restarted (main/segment/draft-store.ts):
// the first call that touches the scene reads the draft's stored basis (superpoints and features,
// main/segment/draft-basis.ts), checks it was made on the scene's current points and is the one the
// draft refers to, and rebuilds the draft exactly without running segmentation; the click prompt is
// made from the stored features on the first click. A draft without a stored basis (older versions,
// or too large) recomputes the segmentation (deterministic) and checks the superpoints' hash instead.
// Anything else discards the stored draft with a logged reason that segmentationState passes to the UI.
import type { DraftRestoreNote } from '../../app/contract';
import type { LoadedScene } from '../host/scene-registry';
import { decodeBasis, sceneContentHash } from './draft-basis';
import { snapshotOf, superpointHash, type DraftStore } from './draft-store';
import type { SceneSegmentation, SegmentOptions } from './segment-scene';
import { startFromSegmentation, type DraftStart, type PromptFunction, type SegmentationSessions } from './segmentation-session';

export interface DraftRestoreDeps {
  store: DraftStore | null;
  sessions: SegmentationSessions;
  /** Written here per scene: what became of its stored draft. */
  notes: Map<string, DraftRestoreNote>;
  log(line: string): void;
  registry: { get(sceneId: string): Promise<LoadedScene> };
  segment(loaded: LoadedScene, options: Pick<SegmentOptions, 'signal' | 'onProgress'>): Promise<SceneSegmentation>;
  /** The click prompt for a restored draft's stored features (segment-scene.ts promptForFeatures). */
  prompt(loaded: LoadedScene, features: SceneSegmentation['features']): Promise<PromptFunction>;
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
    const pointCount = loaded.scene.positions.length / 3;
    const restored = (start: DraftStart) => {
      try {
        sessions.restore(start, snapshotOf(record));
      } catch (err) {
        return discard(err instanceof Error ? err.message : String(err));
      }
      notes.set(sceneId, { outcome: 'restored', reason: `restored the unaccepted segmentation (${record.instances.length} objects, saved ${record.savedAt})` });
    };

    const storedBasis = store.loadBasis(sceneId);
    if (storedBasis) {
      if (!storedBasis.ok) return discard(storedBasis.reason);
      const b = storedBasis.record;
      if (record.pointCount !== pointCount) return discard(`it was made on ${record.pointCount} points and the scene now has ${pointCount}`);
      if (b.sceneHash !== sceneContentHash(loaded.scene)) return discard(`the scene's points changed since it was saved (content hash ${b.sceneHash.slice(7, 19)} → ${sceneContentHash(loaded.scene).slice(7, 19)})`);
      if (b.superpointHash !== record.superpointHash) return discard(`the scene's superpoints changed (the draft refers to hash ${record.superpointHash.slice(7, 19)}, the stored ones are ${b.superpointHash.slice(7, 19)})`);
      const decoded = decodeBasis(b);
      if (!decoded.ok) return discard(decoded.reason);
      const { superpoints, features, superpointParams } = decoded.basis;
      if (superpoints.length !== pointCount || superpointHash(superpoints) !== record.superpointHash) return discard('its stored superpoints do not match their hash');
      let prompt: Promise<PromptFunction> | null = null;
      store.basisStored(sceneId, superpoints);
      return restored({
        scene: loaded.scene,
        superpoints,
        features,
        seeds: [],
        origin: record.origin,
        modelVersion: record.modelVersion,
        // Made on the first click (loads the model, if any); a failed load is tried again on the next one.
        prompt: async (clicked) => {
          prompt ??= deps.prompt(loaded, features).catch((err: unknown) => {
            prompt = null;
            throw err;
          });
          return (await prompt)(clicked);
        },
        superpointParams,
      });
    }

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
    if (record.pointCount !== pointCount) return discard(`it was made on ${record.pointCount} points and the scene now has ${pointCount}`);
    const hash = superpointHash(r.superpoints);
    if (hash !== record.superpointHash || r.superpointCount !== record.superpointCount) {
      return discard(`the scene's superpoints changed (${record.superpointCount} → ${r.superpointCount} superpoints, hash ${record.superpointHash.slice(7, 19)} → ${hash.slice(7, 19)})`);
    }
    return restored({ ...startFromSegmentation(loaded.scene, r, record.modelVersion, false), origin: record.origin });
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
