// Saved viewpoints per scene, kept in the settings table as JSON under `viewpoints:<sceneId>`.
// A stored value that no longer parses is reported (typed error naming the key), never returned.
import {
  AppError,
  MAX_VIEWPOINTS_PER_SCENE,
  SavedViewpoint,
  type CameraViewpoint,
  type ViewpointList,
} from '../../app/contract';
import type { SettingsRepository } from '../../db/repositories';

export const viewpointKey = (sceneId: string) => `viewpoints:${sceneId}`;

export interface ViewpointStoreDeps {
  settings: SettingsRepository;
  /** Throws when the host is read-only. */
  requireWritable(): void;
  /** False for a scene id the host does not know. */
  sceneKnown(sceneId: string): boolean;
  now?: () => Date;
}

export function createViewpointHandlers(deps: ViewpointStoreDeps) {
  const now = deps.now ?? (() => new Date());
  const requireScene = (sceneId: string) => {
    if (!deps.sceneKnown(sceneId)) throw new AppError('not_found', `no scene ${sceneId}`, { sceneId });
  };
  const read = (sceneId: string): SavedViewpoint[] => {
    const key = viewpointKey(sceneId);
    const stored = deps.settings.get(key);
    if (stored === undefined) return [];
    const parsed = SavedViewpoint.array().safeParse(stored);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('internal', `setting ${key} holds damaged viewpoints (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'not a list'})`);
    }
    return parsed.data;
  };
  const answer = (sceneId: string, viewpoints: SavedViewpoint[]): ViewpointList => ({ sceneId, viewpoints });

  return {
    listViewpoints({ sceneId }: { sceneId: string }): ViewpointList {
      requireScene(sceneId);
      return answer(sceneId, read(sceneId));
    },
    saveViewpoint({ sceneId, name, viewpoint }: { sceneId: string; name: string; viewpoint: CameraViewpoint }): ViewpointList {
      deps.requireWritable();
      requireScene(sceneId);
      const list = read(sceneId);
      const entry: SavedViewpoint = { name, viewpoint, savedAt: now().toISOString() };
      const at = list.findIndex((v) => v.name === name);
      if (at >= 0) list[at] = entry;
      else if (list.length >= MAX_VIEWPOINTS_PER_SCENE) {
        throw new AppError('invalid_input', `scene ${sceneId} already has ${MAX_VIEWPOINTS_PER_SCENE} saved viewpoints; delete one first`);
      } else list.push(entry);
      deps.settings.set(viewpointKey(sceneId), list);
      return answer(sceneId, list);
    },
    deleteViewpoint({ sceneId, name }: { sceneId: string; name: string }): ViewpointList {
      deps.requireWritable();
      requireScene(sceneId);
      const list = read(sceneId);
      const kept = list.filter((v) => v.name !== name);
      if (kept.length === list.length) throw new AppError('not_found', `scene ${sceneId} has no saved viewpoint "${name}"`, { sceneId });
      if (kept.length) deps.settings.set(viewpointKey(sceneId), kept);
      else deps.settings.delete(viewpointKey(sceneId));
      return answer(sceneId, kept);
    },
  };
}
