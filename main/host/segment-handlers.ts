// Contract handlers for segmentation editing (app/contract/segment-schemas.ts): the per-scene draft
// lives in SegmentationSessions; accepting stores it through the InstanceEditor (one undo step) and
// shows it on the loaded scene; an undo or redo of that step brings the loaded scene back in step.
import { AppError, type DraftRestoreNote, type Handlers, type StoredInstanceInfo, type UndoResult } from '../../app/contract';
import { isInstanceEntry } from '../../db/sqlite/instance-history';
import type { InstanceEditor, QaEditor, SceneRepository, SettingsRepository, SuperpointSetRepository } from '../../db/repositories';
import { encodeBasis, sceneContentHash } from '../segment/draft-basis';
import { DraftStore } from '../segment/draft-store';
import { draftRestorer } from '../segment/draft-restore';
import { chooseSegmentationModel } from '../segment/model-store';
import { promptForFeatures, type SceneSegmentation, type SegmentOptions } from '../segment/segment-scene';
import { SegmentationSessions, segmentationModelVersion, startFromSegmentation } from '../segment/segmentation-session';
import { setLoadedInstances, syncLoadedInstances } from './accepted-instances';
import type { LoadedScene, SceneRegistry } from './scene-registry';

export interface SegmentHandlerDeps {
  registry: SceneRegistry;
  scenes: SceneRepository;
  superpointSets: SuperpointSetRepository;
  instanceEditor: InstanceEditor;
  editor: QaEditor;
  /** The user's model file (may be missing: then the bundled model or the fallback answers). */
  segmentationModelPath?: string;
  segment(loaded: LoadedScene, options: Pick<SegmentOptions, 'signal' | 'onProgress'>): Promise<SceneSegmentation>;
  requireWritable(): void;
  /** Where unaccepted drafts are kept across restarts (main/segment/draft-store.ts); absent: memory only. */
  settings?: SettingsRepository;
  readOnly?: boolean;
  /** Where a draft that could not be restored is reported; default stderr. */
  log?(line: string): void;
}

type SegmentHandlers = Pick<
  Handlers,
  'segmentationState' | 'promptObject' | 'mergeInstances' | 'splitInstance' | 'relabelInstance' | 'acceptSegmentation' | 'discardSegmentation'
>;

export interface SegmentEditing {
  handlers: SegmentHandlers;
  /** segmentScene's answer becomes the scene's draft (replacing an earlier one). */
  startFromRun(loaded: LoadedScene, r: SceneSegmentation): void;
  /** After undo / redo: an instance entry changes what the loaded scene shows. */
  afterHistoryStep(sceneId: string, result: UndoResult): Promise<void>;
}

export function createSegmentEditing(deps: SegmentHandlerDeps): SegmentEditing {
  const store = deps.settings ? new DraftStore(deps.settings, () => !deps.readOnly) : null;
  const log = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  /** Per scene: what became of its stored draft after a restart, until the draft changes. */
  const notes = new Map<string, DraftRestoreNote>();
  const sessions = new SegmentationSessions({
    onChange(sceneId, record) {
      notes.delete(sceneId);
      if (!store) return;
      try {
        const basis = sessions.basis(sceneId);
        if (record)
          store.save(sceneId, record, basis ? { of: basis.superpoints, encode: () => encodeBasis(sceneId, basis, { sceneHash: sceneContentHash(basis.scene), superpointHash: record.superpointHash }) } : undefined);
        else store.clear(sceneId);
      } catch (err) {
        // The edit itself stands; only its crash safety is lost.
        log(`segmentation draft of scene ${sceneId} not saved: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  });
  const restore = draftRestorer({
    store,
    sessions,
    notes,
    log,
    registry: deps.registry,
    segment: deps.segment,
    prompt: (loaded, features) => promptForFeatures(loaded.scene.positions, features, deps.segmentationModelPath ? { modelPath: deps.segmentationModelPath } : {}),
  });
  const version = (r: SceneSegmentation) => segmentationModelVersion(r, r.source === 'model' ? chooseSegmentationModel(deps.segmentationModelPath).path : null);
  const stored = (sceneId: string): StoredInstanceInfo[] =>
    deps.scenes.listInstances(sceneId).map((i) => ({ id: i.id, source: i.source, confidence: i.confidence, modelVersion: i.modelVersion, verified: i.verified }));
  const history = (sceneId: string) => {
    const { canUndo, canRedo } = deps.editor.history(sceneId, 1);
    return { canUndo, canRedo };
  };

  const handlers: SegmentHandlers = {
    async segmentationState({ sceneId }) {
      await deps.registry.get(sceneId);
      await restore(sceneId);
      const note = notes.get(sceneId);
      return { draft: sessions.view(sceneId), stored: stored(sceneId), ...(note ? { restore: note } : {}) };
    },

    async promptObject(input) {
      const loaded = await deps.registry.get(input.sceneId);
      await restore(input.sceneId);
      if (!sessions.has(input.sceneId)) {
        // Clicks before any "Segment scene": an empty draft on the segmentation's superpoints and prompt.
        if (input.mode !== 'new') throw new AppError('not_found', `scene ${input.sceneId} has no segmentation draft to add to; click an object first`, { sceneId: input.sceneId });
        const r = await deps.segment(loaded, {});
        sessions.start(startFromSegmentation(loaded.scene, r, version(r), false));
      }
      return sessions.prompt(input.sceneId, input);
    },

    mergeInstances: async ({ sceneId, ids }) => (await restore(sceneId), sessions.merge(sceneId, ids)),
    splitInstance: async ({ sceneId, id }) => (await restore(sceneId), sessions.split(sceneId, id)),
    relabelInstance: async ({ sceneId, id, label }) => (await restore(sceneId), sessions.relabel(sceneId, id, label)),

    async acceptSegmentation({ sceneId }) {
      deps.requireWritable();
      const loaded = await deps.registry.get(sceneId);
      await restore(sceneId);
      if (!deps.scenes.get(sceneId)) throw new AppError('not_found', `scene ${sceneId} is not in the database, so its instances cannot be stored`, { sceneId });
      const outcome = sessions.accept(sceneId, deps.instanceEditor);
      setLoadedInstances(loaded, outcome.instanceIds, outcome.instances);
      return { sceneId, instances: loaded.instances, stored: stored(sceneId), history: history(sceneId) };
    },

    discardSegmentation: ({ sceneId }) => {
      notes.delete(sceneId);
      // A stored draft not restored yet (no call touched the scene since the restart) goes too.
      let stale = false;
      try {
        stale = store?.clear(sceneId) ?? false;
      } catch (err) {
        log(`stored segmentation draft of scene ${sceneId} not deleted: ${err instanceof Error ? err.message : String(err)}`);
      }
      return { discarded: sessions.discard(sceneId) || stale };
    },
  };

  return {
    handlers,
    startFromRun(loaded, r) {
      sessions.start(startFromSegmentation(loaded.scene, r, version(r)));
    },
    async afterHistoryStep(sceneId, result) {
      if (result.applied && isInstanceEntry(result.applied)) syncLoadedInstances(await deps.registry.get(sceneId), deps.scenes, deps.superpointSets);
    },
  };
}
