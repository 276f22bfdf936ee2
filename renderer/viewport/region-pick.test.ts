import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { buildLodScene } from './lod-buffers';
import { boxReaches, reachPlanes } from './pick-region';
import { reachingRanges } from './region-pick';

function room(n: number) {
  let s = 5;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const positions = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) positions.set([rnd() * 8, rnd() * 6, rnd() * 3], i * 3);
  return { positions, colors: new Uint8Array(n * 3), instanceIds: new Int32Array(n) };
}

describe('reachingRanges', () => {
  const scene = buildLodScene(room(200_000), { capacity: 8192 });
  const nodeBoxes = new Float32Array(scene.nodes.length * 6);
  scene.nodes.forEach((node, k) => nodeBoxes.set([...node.min, ...node.max], k * 6));
  const drawn = scene.nodes.map((_, k) => k).filter((k) => k % 3 !== 1); // a subset, as LOD gives
  const cam = new THREE.PerspectiveCamera(50, 1.5, 0.01, 100);
  cam.up.set(0, 0, 1);
  cam.position.set(1, 1, 1.6);
  cam.lookAt(5, 4, 0.8);
  cam.updateMatrixWorld();
  const clipFromData = new THREE.Matrix4().multiplyMatrices(cam.projectionMatrix, cam.matrixWorldInverse).elements;

  it('holds every drawn point that can reach the read square, in draw order, and few others', () => {
    const planes = reachPlanes({ clipFromData, width: 600, height: 400, px: 300, py: 210, radius: 3, ortho: false, spriteK: 0.02 * 200 });
    const ranges = reachingRanges(drawn, scene.chunks, planes, nodeBoxes);
    const inRange = new Uint8Array(scene.order.length);
    for (const r of ranges) inRange.fill(1, r.start, r.start + r.count);
    const p = scene.points.positions;
    let reaching = 0;
    let missed = 0;
    let drawnPoints = 0;
    for (const k of drawn) {
      const node = scene.nodes[k]!;
      drawnPoints += node.count;
      for (let i = node.start; i < node.start + node.count; i++) {
        const box = [p[i * 3]!, p[i * 3 + 1]!, p[i * 3 + 2]!, p[i * 3]!, p[i * 3 + 1]!, p[i * 3 + 2]!];
        if (!boxReaches(planes, box, 0)) continue;
        reaching++;
        if (!inRange[i]) missed++;
      }
    }
    expect(reaching).toBeGreaterThan(0);
    expect(missed).toBe(0);
    // Ranges follow the drawn nodes' order and never overlap.
    const nodeOf = (i: number) => drawn.find((k) => i >= scene.nodes[k]!.start && i < scene.nodes[k]!.start + scene.nodes[k]!.count)!;
    for (let j = 1; j < ranges.length; j++) {
      const a = ranges[j - 1]!;
      const b = ranges[j]!;
      const na = drawn.indexOf(nodeOf(a.start));
      const nb = drawn.indexOf(nodeOf(b.start));
      expect(nb > na || (nb === na && b.start >= a.start + a.count)).toBe(true);
    }
    const total = ranges.reduce((s, r) => s + r.count, 0);
    expect(total).toBeLessThan(drawnPoints / 5);
  });
});
