// World-space point size from the cloud's extent and count: about twice the mean spacing of points
// spread over the surfaces of a box-shaped room, so surfaces read as closed without blobbing.
import type * as THREE from 'three';

export function pointSizeFor(box: THREE.Box3, count: number): number {
  if (count <= 0 || box.isEmpty()) return 0.02;
  const x = Math.max(box.max.x - box.min.x, 0.01);
  const y = Math.max(box.max.y - box.min.y, 0.01);
  const z = Math.max(box.max.z - box.min.z, 0.01);
  const area = 2 * (x * y + x * z + y * z);
  const spacing = Math.sqrt(area / count);
  return Math.min(0.1, Math.max(0.004, spacing * 2));
}
