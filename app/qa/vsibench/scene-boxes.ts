// The box scene the question generator asks about, for any loaded scene: a box-only scene
// (VSI-Bench meta imported) answers from its boxes, which are the truth; a scan from its instances'
// points (tight boxes, exact point-set distances, alpha-shape floor area).
import { obbCorners } from '../../geometry/obb';
import type { PointScene, Vec3 } from '../../scene/types';
import type { BoxObject, BoxScene } from './meta';
import { boxSceneFromPoints, STRUCTURE_LABELS } from './point-scene';

export function boxSceneOfScene(scene: PointScene): BoxScene {
  const data = scene.boxScene;
  if (!data) return boxSceneFromPoints(scene);
  const instances: Record<string, BoxObject[]> = {};
  for (const b of data.boxes) {
    if (STRUCTURE_LABELS.includes(b.label.toLowerCase())) continue;
    const min: Vec3 = [Infinity, Infinity, Infinity];
    const max: Vec3 = [-Infinity, -Infinity, -Infinity];
    for (const c of obbCorners(b))
      for (let k = 0; k < 3; k++) {
        min[k] = Math.min(min[k]!, c[k]!);
        max[k] = Math.max(max[k]!, c[k]!);
      }
    const list = (instances[b.label] ??= []);
    list.push({ category: b.label, instance: list.length, box: { center: b.center, axes: b.axes, size: b.size }, min, max, instanceId: b.instanceId });
  }
  return { id: scene.id, roomSize: data.roomSize, roomCenter: data.roomCenter, categories: Object.keys(instances), instances };
}
