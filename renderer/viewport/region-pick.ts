// The id pass of a click or hover: the full frame's camera and viewport, a scissor around the read
// square, and only the pick chunks (pick-chunks.ts) whose bounds can reach it (pick-region.ts). On a
// software rasteriser the vertex stage dominates a pick, so drawing a few thousand points instead
// of the whole budget is what makes it fast; exactness comes from the same projection and order.
import * as THREE from 'three';
import type { PickChunks } from './pick-chunks';
import { boxReaches, type Plane } from './pick-region';

export interface DrawRange {
  start: number;
  count: number;
}

/**
 * The ranges to draw, in the order the full frame draws `nodes` (node order, ascending inside a
 * node), merged where chunks touch. `nodeBoxes` are node cubes in the data frame (6 per node).
 */
export function reachingRanges(drawn: readonly number[], chunks: PickChunks, planes: readonly Plane[], nodeBoxes: Float32Array): DrawRange[] {
  const out: DrawRange[] = [];
  const nodes: DrawRange[] = [];
  for (const k of drawn) {
    if (!boxReaches(planes, nodeBoxes, k * 6)) continue;
    const last = chunks.first[k + 1]! - 1;
    if (last >= chunks.first[k]!) nodes.push({ start: chunks.start[chunks.first[k]!]!, count: chunks.start[last]! + chunks.count[last]! - chunks.start[chunks.first[k]!]! });
    let open: DrawRange | null = null;
    for (let j = chunks.first[k]!; j < chunks.first[k + 1]!; j++) {
      if (!boxReaches(planes, chunks.boxes, j * 6)) {
        open = null;
        continue;
      }
      if (open) open.count += chunks.count[j]!;
      else out.push((open = { start: chunks.start[j]!, count: chunks.count[j]! }));
    }
  }
  // Scattered hits (a huge sprite region) would mean thousands of draw calls: whole nodes are cheaper then.
  return out.length > MAX_RANGES ? nodes : out;
}

/** Most draw ranges one pick issues before it draws the reaching nodes whole instead. */
export const MAX_RANGES = 512;

/** A pool of point objects over the shared buffers, one per draw range, in a scene of their own. */
export class RegionPickPass {
  readonly scene = new THREE.Scene();
  private readonly group = new THREE.Group();
  private readonly pool: THREE.Points[] = [];
  private attributes: { position: THREE.BufferAttribute; color: THREE.BufferAttribute } | null = null;

  constructor(private readonly material: THREE.Material) {
    this.group.matrixAutoUpdate = false;
    this.scene.add(this.group);
  }

  /** The shared point buffers (null: none loaded); the pool is rebuilt over them. */
  setAttributes(position: THREE.BufferAttribute | null, color: THREE.BufferAttribute | null): void {
    this.clearPool();
    this.attributes = position && color ? { position, color } : null;
  }

  /** Prepares `ranges` for drawing with `dataToWorld` (the content transform); returns the points. */
  prepare(ranges: readonly DrawRange[], dataToWorld: THREE.Matrix4): number {
    if (!this.attributes) return 0;
    this.group.matrix.copy(dataToWorld);
    this.group.matrixWorldNeedsUpdate = true;
    while (this.pool.length < ranges.length) {
      const geometry = new THREE.BufferGeometry();
      geometry.setAttribute('position', this.attributes.position);
      geometry.setAttribute('aColor', this.attributes.color);
      const o = new THREE.Points(geometry, this.material);
      o.frustumCulled = false;
      o.matrixAutoUpdate = false;
      this.pool.push(o);
      this.group.add(o);
    }
    let points = 0;
    this.pool.forEach((o, i) => {
      const r = ranges[i];
      o.visible = !!r;
      if (!r) return;
      o.geometry.setDrawRange(r.start, r.count);
      points += r.count;
    });
    this.scene.updateMatrixWorld(true);
    return points;
  }

  dispose(): void {
    this.clearPool();
  }

  private clearPool(): void {
    for (const o of this.pool) o.geometry.dispose();
    this.pool.length = 0;
    this.group.clear();
  }
}
