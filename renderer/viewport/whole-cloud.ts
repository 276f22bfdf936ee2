// The bench's peer inside the engine: the whole cloud as one THREE.Points (and its pick twin), as a
// plain three.js viewer draws it, with no level of detail. It shares the engine's GPU buffers and
// materials, so switching costs no memory and both draw the same points with the same shader.
import * as THREE from 'three';

export interface WholeCloud {
  display: THREE.Points;
  pick: THREE.Points;
  dispose(): void;
}

export function createWholeCloud(
  position: THREE.BufferAttribute,
  color: THREE.BufferAttribute,
  count: number,
  bounds: THREE.Box3,
  materials: { display: THREE.Material; pick: THREE.Material },
): WholeCloud {
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', position);
  geometry.setAttribute('aColor', color);
  geometry.setDrawRange(0, count);
  // What computeBoundingSphere would give, without a second pass over the buffer.
  geometry.boundingBox = bounds.clone();
  geometry.boundingSphere = bounds.getBoundingSphere(new THREE.Sphere());
  const display = new THREE.Points(geometry, materials.display);
  const pick = new THREE.Points(geometry, materials.pick);
  for (const o of [display, pick]) {
    o.visible = false;
    o.matrixAutoUpdate = false;
  }
  return { display, pick, dispose: () => geometry.dispose() };
}
