// askQuestion over a scan: the scene's objects (tight boxes, centroids, colours, exact point-set
// distances) are built once per scene and kept while the scene is, then every question reuses them.
import type { AskInput, AskResult } from '../../contract/ask-schemas';
import type { PointScene } from '../../scene/types';
import { boxSceneOfScene } from '../vsibench/scene-boxes';
import { qaSceneFromBoxes, qaSceneFromPoints, type QaScene } from '../workbench/objects';
import { respond } from './respond';

interface Cached {
  /** The arrays the objects were built from; a scene given new instance ids (segmentation) is rebuilt. */
  instanceIds: Int32Array;
  qa: QaScene;
}

const cache = new WeakMap<PointScene, Cached>();

/** The QA objects of a scene (z-up; structure such as walls and floor is left out). */
export function qaSceneOf(scene: PointScene): QaScene {
  const hit = cache.get(scene);
  if (hit && hit.instanceIds === scene.instanceIds) return hit.qa;
  // A box-only scene's boxes are the truth (its points are display samples).
  const qa = scene.boxScene ? qaSceneFromBoxes(boxSceneOfScene(scene)) : qaSceneFromPoints(scene);
  cache.set(scene, { instanceIds: scene.instanceIds, qa });
  return qa;
}

export function askScene(scene: PointScene, input: AskInput): AskResult {
  const labels = new Map(scene.instances.map((i) => [i.id, i.label]));
  return respond(input, { scene: qaSceneOf(scene), labelOf: (id) => labels.get(id) });
}
