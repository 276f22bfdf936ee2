// Contract handlers: each one is a thin adapter from a parsed contract input to the services.
// Inputs arrive already validated by the dispatcher (app/contract/dispatch.ts).
import { AppError, type AskInput, type AskResult, type DistanceResult, type Handlers, type ProgressEvent, type SceneSummary } from '../../app/contract';
import { APP_VERSION, ENGINE_VERSION } from '../../app/version';
import type { QaEditor, QaItemRepository, QaReviewQueries, SceneRepository, SettingsRepository } from '../../db/repositories';
import type { ImportOptions, ImportOutcome } from '../import/import-scene';
import type { ProviderChoice } from '../models/execution-provider';
import type { SceneSegmentation, SegmentOptions } from '../segment/segment-scene';
import type { Jobs } from './jobs';
import type { LoadedScene, SceneRegistry } from './scene-registry';
import { createQaReviewHandlers, listFiltered } from './qa-review-handlers';
import { PointOverlayStore } from './point-overlays';
import { createViewpointHandlers } from './viewpoints';
import { createProjectHandlers, type ProjectHandlerDeps } from './project-handlers';
import { createAuditHandlers } from './audit-handler';
import { uploadDirOf } from './uploads';
import { createSegmentEditing, type SegmentHandlerDeps } from './segment-handlers';
import { createLayoutEditing, type LayoutHandlerDeps } from './layout-handlers';
import { overlaysFitting } from './layout-scene';

export interface HandlerDeps {
  dataDir: string;
  readOnly: boolean;
  /** Shown to the user when a write is refused. */
  readOnlyReason: string | null;
  executionProvider(): Promise<ProviderChoice>;
  registry: SceneRegistry;
  scenes: SceneRepository;
  qaItems: QaItemRepository;
  editor: QaEditor;
  /** Key → JSON settings (saved viewpoints live here). */
  settings: SettingsRepository;
  /** Review queue pages, stored generated question ids, statistics rows. */
  qaReview: QaReviewQueries;
  measure(loaded: LoadedScene, a: number, b: number): DistanceResult;
  /** Answers a typed or click-built question about a loaded scene (app/qa/ask; typed ones grounded by the layout model or the parser). */
  ask(loaded: LoadedScene, input: AskInput): AskResult | Promise<AskResult>;
  importScene(path: string, options: ImportOptions): Promise<ImportOutcome>;
  exportProject: ProjectHandlerDeps['exportProject'];
  /** Accepted segmentations (one undo step each) and the superpoint sets their masks use. */
  instanceEditor: SegmentHandlerDeps['instanceEditor'];
  /** Layout versions and the undoable layout editor (main/host/layout-handlers.ts). */
  layouts: LayoutHandlerDeps['layouts'];
  layoutEditor: LayoutHandlerDeps['layoutEditor'];
  superpointSets: SegmentHandlerDeps['superpointSets'];
  /** The user's segmentation model file, for the model version stored with accepted instances. */
  segmentationModelPath?: string;
  /** Segments a loaded scene (model when installed, else the geometric fallback). */
  segment(loaded: LoadedScene, options: Pick<SegmentOptions, 'signal' | 'onProgress'>): Promise<SceneSegmentation>;
  jobs: Jobs;
  progress(event: ProgressEvent): void;
  /** The host's native open dialog (the Electron shell passes one); absent: chooseImportPath is unsupported. */
  chooseImportPath?(kind: 'file' | 'folder' | 'any'): Promise<string | null>;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { registry, editor } = deps;
  const overlays = new PointOverlayStore();

  const requireWritable = () => {
    if (deps.readOnly) throw new AppError('read_only', deps.readOnlyReason ?? 'this Scenewright is read-only');
  };
  const layoutEditing = createLayoutEditing({ dataDir: deps.dataDir, registry, scenes: deps.scenes, layouts: deps.layouts, layoutEditor: deps.layoutEditor, editor, requireWritable });
  const segmentEditing = createSegmentEditing({
    registry,
    scenes: deps.scenes,
    superpointSets: deps.superpointSets,
    instanceEditor: deps.instanceEditor,
    editor,
    ...(deps.segmentationModelPath ? { segmentationModelPath: deps.segmentationModelPath } : {}),
    segment: deps.segment,
    requireWritable,
    settings: deps.settings,
    readOnly: deps.readOnly,
  });

  const requireInstance = (loaded: LoadedScene, id: number) => {
    if (!loaded.instances.some((i) => i.id === id)) {
      throw new AppError('not_found', `scene ${loaded.scene.id} has no instance ${id}`, { sceneId: loaded.scene.id, instanceId: id });
    }
  };

  return {
    async appInfo(_input, ctx) {
      const ep = await deps.executionProvider();
      return {
        name: 'Scenewright',
        version: APP_VERSION,
        engineVersion: ENGINE_VERSION,
        dataDir: deps.dataDir,
        executionProvider: ep.provider,
        executionProviderReason: ep.reason,
        transport: ctx.transport,
        readOnly: deps.readOnly,
        ...(deps.readOnlyReason === null ? {} : { readOnlyReason: deps.readOnlyReason }),
      };
    },

    async listScenes() {
      // Scenes the host can open come first (the sample room leads), then any others the database knows.
      const open: SceneSummary[] = [];
      for (const id of registry.ids()) open.push((await registry.get(id)).summary);
      const known = new Set(open.map((s) => s.id));
      return { scenes: [...open, ...deps.scenes.list().filter((s) => !known.has(s.id))] };
    },

    async openScene({ sceneId }) {
      const { scene, summary, instances, bbox } = await registry.get(sceneId);
      return {
        scene: { ...summary, origin: scene.origin, bbox, upAxis: scene.upAxis },
        instances,
        // The contract types buffers over plain ArrayBuffer; scenes are never built on SharedArrayBuffer.
        buffers: {
          positions: scene.positions as Float32Array<ArrayBuffer>,
          colors: scene.colors as Uint8Array<ArrayBuffer>,
          instanceIds: scene.instanceIds as Int32Array<ArrayBuffer>,
          // Per-point overlays of the scan are left out while a layout version drops or adds points.
          ...overlaysFitting(overlays.buffersFor(sceneId), scene.positions.length / 3),
        },
        ...(scene.boxScene ? { boxScene: { boxes: scene.boxScene.boxes, roomSize: scene.boxScene.roomSize } } : {}),
      };
    },

    importScene({ path, jobId, upAxis }) {
      requireWritable();
      return deps.jobs.run(jobId, async (id, signal) => {
        let last = { label: 'Importing', done: 0, total: 1 };
        try {
          const { result } = await deps.importScene(path, {
            signal,
            ...(upAxis ? { upAxis } : {}),
            onProgress: (p) => {
              last = p;
              deps.progress({ jobId: id, ...p, finished: false });
            },
          });
          deps.progress({ jobId: id, label: result.alreadyImported ? `Already imported as ${result.id}` : last.label, done: last.total, total: last.total, finished: true });
          return result;
        } catch (err) {
          // The UI clears its bar on `finished`, whatever the outcome.
          deps.progress({ jobId: id, ...last, finished: true });
          throw err;
        }
      });
    },

    cancelJob({ jobId }) {
      return { cancelled: deps.jobs.cancel(jobId) };
    },

    async chooseImportPath({ kind }, ctx) {
      // Only the window that owns the dialog may open it: a browser tab on the bridge gets its own picker.
      if (!deps.chooseImportPath || ctx.transport !== 'electron') {
        return { supported: false, path: null, reason: `no host file dialog over the ${ctx.transport} transport; pick files in the page instead` };
      }
      return { supported: true, path: await deps.chooseImportPath(kind) };
    },

    async segmentScene({ sceneId, jobId }) {
      const loaded = await registry.get(sceneId);
      return deps.jobs.run(jobId, async (id, signal) => {
        let last = { label: 'Segmenting', done: 0, total: 1 };
        try {
          const r = await deps.segment(loaded, {
            signal,
            onProgress: (p) => {
              last = p;
              deps.progress({ jobId: id, ...p, finished: false });
            },
          });
          deps.progress({ jobId: id, ...last, finished: true });
          overlays.recordSegmentation(sceneId, r);
          // The run becomes the scene's segmentation draft (edited, then accepted or discarded).
          segmentEditing.startFromRun(loaded, r);
          const instances = r.instances.map(({ id: i, label, confidence, pointCount, bbox, obb }) => ({ id: i, label, confidence, pointCount, bbox, obb }));
          return { sceneId, source: r.source, reason: r.reason, ...(r.provider ? { provider: r.provider } : {}), superpointCount: r.superpointCount, instances, instanceIds: r.instanceIds as Int32Array<ArrayBuffer> };
        } catch (err) {
          deps.progress({ jobId: id, ...last, finished: true });
          throw err;
        }
      });
    },

    async listInstances({ sceneId }) {
      return { instances: (await registry.get(sceneId)).instances };
    },

    async measureDistance({ sceneId, a, b }) {
      const loaded = await registry.get(sceneId);
      requireInstance(loaded, a);
      requireInstance(loaded, b);
      return deps.measure(loaded, a, b);
    },

    async askQuestion(input) {
      return deps.ask(await registry.get(input.sceneId), input);
    },

    saveQaItem(input) {
      requireWritable();
      return editor.save(input, { engineVersion: ENGINE_VERSION });
    },

    listQaItems({ sceneId, limit, offset, afterId, status, kinds, origin, order }) {
      // Review queue filters page through qaReview; the plain listing keeps its own indexed path.
      if (status !== undefined || kinds !== undefined || origin !== undefined || order === 'oldest') {
        return listFiltered(deps, { ...(sceneId === undefined ? {} : { sceneId }), ...(status ? { status } : {}), ...(kinds ? { kinds } : {}), ...(origin ? { origin } : {}), order: order ?? 'newest', limit, offset });
      }
      return deps.qaItems.list({ ...(sceneId === undefined ? {} : { sceneId }), limit, offset, ...(afterId === undefined ? {} : { afterId }) });
    },

    updateQaItem({ id, changes }) {
      requireWritable();
      return editor.update(id, changes);
    },

    async undo({ sceneId }) {
      requireWritable();
      const r = editor.undo(sceneId);
      await segmentEditing.afterHistoryStep(sceneId, r);
      await layoutEditing.afterHistoryStep(sceneId, r);
      return r;
    },

    async redo({ sceneId }) {
      requireWritable();
      const r = editor.redo(sceneId);
      await segmentEditing.afterHistoryStep(sceneId, r);
      await layoutEditing.afterHistoryStep(sceneId, r);
      return r;
    },

    listHistory({ sceneId, limit }) {
      return editor.history(sceneId, limit);
    },

    ...createQaReviewHandlers({ registry, qaItems: deps.qaItems, editor, qaReview: deps.qaReview, requireWritable }),

    async sceneSuperpoints({ sceneId }) {
      const sp = overlays.superpoints(await registry.get(sceneId));
      return { sceneId, count: sp.count, method: sp.method, superpointIds: sp.ids };
    },

    ...segmentEditing.handlers,

    ...layoutEditing.handlers,

    ...createProjectHandlers({ exportProject: deps.exportProject, jobs: deps.jobs, progress: deps.progress }),

    ...createAuditHandlers({ uploadDir: uploadDirOf(deps.dataDir) }),

    ...createViewpointHandlers({
      settings: deps.settings,
      requireWritable,
      sceneKnown: (id) => registry.ids().includes(id) || deps.scenes.get(id) !== undefined,
    }),
  };
}
