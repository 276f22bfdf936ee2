// The scenes the host can open, each loaded once on first use and kept in memory. Loading derives
// what every later call needs (instance summaries, bounds) so that openScene and listInstances
// never recompute them.
import { AppError, type InstanceInfo, type SceneSummary, type Vec3 } from '../../app/contract';
import type { PointScene } from '../../app/scene/types';

export interface SceneSource {
  id: string;
  load(): PointScene | Promise<PointScene>;
  /** Already in the database with its instances (imported scenes): onLoaded is not called. */
  recorded?: boolean;
}

export interface LoadedScene {
  scene: PointScene;
  summary: SceneSummary;
  instances: InstanceInfo[];
  bbox: { min: Vec3; max: Vec3 };
}

export interface SceneRegistryOptions {
  summarize(scene: PointScene): { instances: InstanceInfo[]; bbox: { min: Vec3; max: Vec3 } };
  /** Called once per scene after its first load (the host records it in the database). */
  onLoaded?(loaded: LoadedScene): void;
  /** Sources for ids not registered up front (imported scenes, opened from their cache). */
  resolve?(id: string): SceneSource | undefined;
  /** Called after every load (after onLoaded): the host applies an accepted segmentation from the store. */
  afterLoad?(loaded: LoadedScene): void;
}

export class SceneRegistry {
  private readonly sources = new Map<string, SceneSource>();
  private readonly loads = new Map<string, Promise<LoadedScene>>();

  constructor(
    sources: readonly SceneSource[],
    private readonly options: SceneRegistryOptions,
  ) {
    for (const s of sources) this.sources.set(s.id, s);
  }

  /** The scenes registered up front, in registration order (resolved ones are not listed). */
  ids(): string[] {
    return [...this.sources.keys()];
  }

  has(id: string): boolean {
    return this.sources.has(id);
  }

  get(id: string): Promise<LoadedScene> {
    const source = this.sources.get(id) ?? this.options.resolve?.(id);
    if (!source) return Promise.reject(new AppError('not_found', `no scene with id ${JSON.stringify(id)}`, { sceneId: id }));
    let load = this.loads.get(id);
    if (!load) {
      load = this.load(source);
      // A failed load is not cached, so that a later call can try again.
      load.catch(() => this.loads.delete(id));
      this.loads.set(id, load);
    }
    return load;
  }

  private async load(source: SceneSource): Promise<LoadedScene> {
    const scene = await source.load();
    if (scene.id !== source.id) throw new Error(`scene source ${source.id} produced a scene with id ${scene.id}`);
    const { instances, bbox } = this.options.summarize(scene);
    const loaded: LoadedScene = {
      scene,
      instances,
      bbox,
      summary: {
        id: scene.id,
        name: scene.name,
        source: scene.source,
        format: scene.format,
        pointCount: scene.positions.length / 3,
        instanceCount: instances.length,
      },
    };
    if (!source.recorded) this.options.onLoaded?.(loaded);
    this.options.afterLoad?.(loaded);
    return loaded;
  }
}
