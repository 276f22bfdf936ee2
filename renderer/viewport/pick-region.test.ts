import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { boxReaches, reachPlanes } from './pick-region';

/** Window-space centre and sprite size the shader gives a data-frame point (point-materials.ts). */
function project(p: THREE.Vector3, cam: THREE.Camera, model: THREE.Matrix4, w: number, h: number, size: number, scale: number) {
  const world = p.clone().applyMatrix4(model);
  const view = world.clone().applyMatrix4(cam.matrixWorldInverse);
  const clip = new THREE.Vector4(view.x, view.y, view.z, 1).applyMatrix4(cam.projectionMatrix);
  const ortho = cam instanceof THREE.OrthographicCamera;
  const perDepth = ortho ? cam.projectionMatrix.elements[5]! * 0.4663 : 1 / -view.z;
  return { x: ((clip.x / clip.w + 1) / 2) * w, y: ((clip.y / clip.w + 1) / 2) * h, sprite: Math.max(1, size * scale * perDepth), inFront: clip.w > 0 };
}

function check(cam: THREE.PerspectiveCamera | THREE.OrthographicCamera, model: THREE.Matrix4, seed: number) {
  const W = 640;
  const H = 400;
  const size = 0.03;
  const scale = H / 2;
  cam.updateMatrixWorld();
  const clipFromData = new THREE.Matrix4().multiplyMatrices(cam.projectionMatrix, cam.matrixWorldInverse).multiply(model);
  const ortho = cam instanceof THREE.OrthographicCamera;
  const spriteK = ortho ? size * scale * cam.projectionMatrix.elements[5]! * 0.4663 : size * scale;
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  let reaching = 0;
  let culled = 0;
  for (let trial = 0; trial < 20; trial++) {
    const px = Math.floor(rnd() * W);
    const py = Math.floor(rnd() * H);
    const r = 3;
    const planes = reachPlanes({ clipFromData: clipFromData.elements, width: W, height: H, px, py, radius: r, ortho, spriteK });
    for (let i = 0; i < 4000; i++) {
      // Half anywhere around the camera, half on screen near the read pixel at any depth (near ones have large sprites).
      const p =
        i % 2
          ? new THREE.Vector3((rnd() - 0.5) * 8, (rnd() - 0.5) * 8, (rnd() - 0.5) * 4)
          : new THREE.Vector3(((px + (rnd() - 0.5) * 60) / W) * 2 - 1, ((py + (rnd() - 0.5) * 60) / H) * 2 - 1, rnd() * 2 - 1).unproject(cam).applyMatrix4(model.clone().invert());
      const q = project(p, cam, model, W, H, size, scale);
      const box = [p.x, p.y, p.z, p.x, p.y, p.z];
      const inPlanes = boxReaches(planes, box, 0);
      const covers = q.inFront && Math.abs(q.x - (px + 0.5)) <= q.sprite / 2 + r + 0.5 && Math.abs(q.y - (py + 0.5)) <= q.sprite / 2 + r + 0.5;
      if (covers) {
        reaching++;
        expect(inPlanes, `point ${p.toArray()} covers pixel ${px},${py} but is culled`).toBe(true);
      } else if (!inPlanes) culled++;
    }
  }
  return { reaching, culled };
}

describe('reachPlanes', () => {
  it('keeps every point whose perspective sprite can cover the read square, and culls most others', () => {
    const cam = new THREE.PerspectiveCamera(50, 1.6, 0.01, 100);
    cam.up.set(0, 0, 1);
    cam.position.set(0.3, -0.5, 0.4);
    cam.lookAt(1, 2, 0);
    const { reaching, culled } = check(cam, new THREE.Matrix4(), 7);
    expect(reaching).toBeGreaterThan(500);
    expect(culled).toBeGreaterThan(20 * 2000 * 0.8);
  });

  it('holds for a y-up scene turned to z-up and for the orthographic top view', () => {
    const model = new THREE.Matrix4().makeRotationX(Math.PI / 2);
    const cam = new THREE.OrthographicCamera(-4, 4, 2.5, -2.5, 0.01, 20);
    cam.up.set(0, 1, 0);
    cam.position.set(0, 0, 8);
    cam.lookAt(0, 0, 0);
    const { reaching, culled } = check(cam, model, 11);
    expect(reaching).toBeGreaterThan(500);
    expect(culled).toBeGreaterThan(20 * 2000 * 0.8);
  });

  it('a box reaches when any corner region does', () => {
    const cam = new THREE.PerspectiveCamera(50, 1, 0.1, 100);
    cam.position.set(0, 0, 5);
    cam.lookAt(0, 0, 0);
    cam.updateMatrixWorld();
    const m = new THREE.Matrix4().multiplyMatrices(cam.projectionMatrix, cam.matrixWorldInverse);
    const planes = reachPlanes({ clipFromData: m.elements, width: 100, height: 100, px: 50, py: 50, radius: 1, ortho: false, spriteK: 0.5 });
    expect(boxReaches(planes, [-1, -1, -1, 1, 1, 1], 0)).toBe(true);
    expect(boxReaches(planes, [2, 2, -1, 3, 3, 1], 0)).toBe(false);
  });
});
