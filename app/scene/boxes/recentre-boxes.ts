// Box-only scans are moved into the scene frame with their points: the same origin is subtracted
// from box and room centres (axes and sizes do not change under a translation).
import { AppError } from '../../contract/errors';
import type { Vec3 } from '../types';
import type { BoxSceneData } from './types';

const minus = (a: Vec3, o: Vec3): Vec3 => [a[0] - o[0], a[1] - o[1], a[2] - o[2]];

export function recentreBoxScene(data: BoxSceneData, origin: Vec3, sourceUpAxis: 'z' | 'y', file: string): BoxSceneData {
  // The meta's boxes and room centre are z-up metres; a rotated reading would misplace the room's floor.
  if (sourceUpAxis !== 'z') throw new AppError('invalid_input', `${file}: a box-only scene is z-up; --up-axis y does not apply to it`, { file });
  return {
    ...data,
    roomCenter: minus(data.roomCenter, origin),
    boxes: data.boxes.map((b) => ({ ...b, center: minus(b.center, origin) })),
  };
}
