// Composition root: the one place that wires app/ algorithms and db/ storage into the host. When a
// scene source, store or algorithm changes, this file is what changes.
import { join } from 'node:path';
import type { DistanceResult } from '../../app/contract';
import { measureInstanceDistance } from '../../app/qa/measure';
import { generateSampleRoom } from '../../app/sample';
import { sceneBounds, summarizeInstances } from '../../app/scene/summary';
import { openDatabase, type Store } from '../../db';
import { executionProvider as defaultExecutionProvider, type ProviderChoice } from '../models/execution-provider';
import { SceneRegistry, type LoadedScene } from './scene-registry';

export const DATABASE_FILE = 'scenewright.db';
export const SAMPLE_SCENE_ID = 'sample';

export interface ServicesOptions {
  dataDir: string;
  readOnly?: boolean;
  /** Defaults to the process-wide probe (cuda → webgpu → cpu). */
  executionProvider?: () => Promise<ProviderChoice>;
}

export interface Services {
  dataDir: string;
  readOnly: boolean;
  store: Store;
  registry: SceneRegistry;
  executionProvider(): Promise<ProviderChoice>;
  measure(loaded: LoadedScene, a: number, b: number): DistanceResult;
  close(): void;
}

export function openServices(options: ServicesOptions): Services {
  const readOnly = options.readOnly ?? false;
  const store = openDatabase(join(options.dataDir, DATABASE_FILE), { readonly: readOnly });
  const registry = new SceneRegistry(
    [
      {
        id: SAMPLE_SCENE_ID,
        load: () => {
          const { scene } = generateSampleRoom();
          // The generator names its own scene; the host pins the id the contract promises.
          return { ...scene, id: SAMPLE_SCENE_ID };
        },
      },
    ],
    {
      summarize: (scene) => ({ instances: summarizeInstances(scene), bbox: sceneBounds(scene) }),
      onLoaded: ({ scene, summary, instances }) => {
        if (readOnly) return;
        store.scenes.upsert({ ...summary, origin: scene.origin });
        store.scenes.replaceInstances(scene.id, instances, 'generated');
      },
    },
  );
  return {
    dataDir: options.dataDir,
    readOnly,
    store,
    registry,
    executionProvider: options.executionProvider ?? (() => defaultExecutionProvider()),
    measure: ({ scene }, a, b) => measureInstanceDistance(scene, a, b),
    close: () => store.close(),
  };
}
