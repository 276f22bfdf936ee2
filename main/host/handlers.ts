// Contract handlers: each one is a thin adapter from a parsed contract input to the services.
// Inputs arrive already validated by the dispatcher (app/contract/dispatch.ts).
import { AppError, type DistanceResult, type Handlers, type ProgressEvent, type SceneSummary } from '../../app/contract';
import { APP_VERSION, ENGINE_VERSION } from '../../app/version';
import type { QaEditor, QaItemRepository, SceneRepository } from '../../db/repositories';
import type { ImportOptions, ImportOutcome } from '../import/import-scene';
import type { ProviderChoice } from '../models/execution-provider';
import type { SceneSegmentation, SegmentOptions } from '../segment/segment-scene';
import type { Jobs } from './jobs';
import type { LoadedScene, SceneRegistry } from './scene-registry';

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
  measure(loaded: LoadedScene, a: number, b: number): DistanceResult;
  importScene(path: string, options: ImportOptions): Promise<ImportOutcome>;
  /** Segments a loaded scene (model when installed, else the geometric fallback). */
  segment(loaded: LoadedScene, options: Pick<SegmentOptions, 'signal' | 'onProgress'>): Promise<SceneSegmentation>;
  jobs: Jobs;
  progress(event: ProgressEvent): void;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { registry, editor } = deps;

  const requireWritable = () => {
    if (deps.readOnly) throw new AppError('read_only', deps.readOnlyReason ?? 'this Scenewright is read-only');
  };

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
        },
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

    saveQaItem(input) {
      requireWritable();
      return editor.save(input, { engineVersion: ENGINE_VERSION });
    },

    listQaItems({ sceneId, limit, offset }) {
      return deps.qaItems.list(sceneId === undefined ? { limit, offset } : { sceneId, limit, offset });
    },

    updateQaItem({ id, changes }) {
      requireWritable();
      return editor.update(id, changes);
    },

    undo({ sceneId }) {
      requireWritable();
      return editor.undo(sceneId);
    },

    redo({ sceneId }) {
      requireWritable();
      return editor.redo(sceneId);
    },

    listHistory({ sceneId, limit }) {
      return editor.history(sceneId, limit);
    },
  };
}
