// Click-to-object for the UI: the host keeps the newest segmentation of each scene, and
// promptMask(sceneId, clicked) asks it for the object under the clicked superpoints (the model's
// prompt head when the segmentation came from the superpoint transformer, else the geometric rule).
import { AppError } from '../../app/contract/errors';
import type { SceneSegmentation } from './segment-scene';

const latest = new Map<string, SceneSegmentation>();

/** Records a scene's segmentation; a newer one replaces it. */
export function rememberSegmentation(sceneId: string, segmentation: SceneSegmentation): void {
  latest.set(sceneId, segmentation);
}

export function forgetSegmentation(sceneId: string): void {
  latest.delete(sceneId);
}

/** The segmentation promptMask answers from, or undefined when the scene was not segmented yet. */
export function rememberedSegmentation(sceneId: string): SceneSegmentation | undefined {
  return latest.get(sceneId);
}

/**
 * Superpoint ids (ascending) of the object under `clicked` (superpoint ids of the scene's latest
 * segmentation, see SceneSegmentation.superpoints). Throws AppError `not_found` when the scene has
 * not been segmented, `invalid_input` for an empty click list or an id out of range.
 */
export async function promptMask(sceneId: string, clicked: readonly number[]): Promise<number[]> {
  const seg = latest.get(sceneId);
  if (!seg) throw new AppError('not_found', `promptMask: scene ${sceneId} has not been segmented yet`, { sceneId });
  return seg.promptMask(clicked);
}
