// The preview of a layout edit: each moved instance's own points, moved by the edit's rigid motion
// (a 4×4 from the host; the points never cross the bridge), drawn see-through in the ghost colour,
// with the object's box where it would stand and a faint box where it stands now. Lives in the
// content frame, like the points.
import * as THREE from 'three';
import { boxEdges } from './evidence-overlay';
import type { Vec3 } from './viewpoint';

export interface GhostBox {
  center: Vec3;
  /** Full extents along the box's local x, y, z. */
  size: Vec3;
  /** Radians about +z. */
  yaw: number;
}

export interface GhostItem {
  /** Whose points to draw; null: the box only. */
  instanceId: number | null;
  /** Column-major 4×4 (three.js order) from where the points are shown now to where the edit puts them; null: nothing to draw moved (removed). */
  matrix: number[] | null;
  after: GhostBox | null;
  before: GhostBox | null;
}

export const GHOST_COLOR = 0x7cf2c8;
/** Screen pixels per ghost point: fixed, so a ghost reads the same at any zoom. */
const GHOST_POINT_PX = 3;
const BEFORE_COLOR = 0x8a8f98;

/**
 * The moved points of every item with points and a matrix, in item order; a point listed under
 * several items (a copy next to its original) is drawn once per item.
 */
export function ghostPositions(positions: Float32Array, instanceIds: Int32Array, items: readonly GhostItem[]): Float32Array {
  const wanted = new Map<number, number[][]>();
  for (const it of items) if (it.instanceId !== null && it.matrix) wanted.set(it.instanceId, [...(wanted.get(it.instanceId) ?? []), it.matrix]);
  let count = 0;
  for (let i = 0; i < instanceIds.length; i++) count += wanted.get(instanceIds[i]!)?.length ?? 0;
  const out = new Float32Array(count * 3);
  let at = 0;
  for (let i = 0; i < instanceIds.length; i++) {
    const ms = wanted.get(instanceIds[i]!);
    if (!ms) continue;
    const x = positions[i * 3]!;
    const y = positions[i * 3 + 1]!;
    const z = positions[i * 3 + 2]!;
    for (const m of ms) {
      out[at++] = m[0]! * x + m[4]! * y + m[8]! * z + m[12]!;
      out[at++] = m[1]! * x + m[5]! * y + m[9]! * z + m[13]!;
      out[at++] = m[2]! * x + m[6]! * y + m[10]! * z + m[14]!;
    }
  }
  return out;
}

const axesOf = (yaw: number): [Vec3, Vec3, Vec3] => [
  [Math.cos(yaw), Math.sin(yaw), 0],
  [-Math.sin(yaw), Math.cos(yaw), 0],
  [0, 0, 1],
];

export class GhostOverlay {
  private readonly group = new THREE.Group();
  private drawn = 0;

  constructor(parent: THREE.Object3D) {
    parent.add(this.group);
  }

  /** Points drawn by the current ghost (0 when none). */
  get pointCount(): number {
    return this.drawn;
  }

  /** Draws `items` over `points` (the viewer's buffers); null clears. Returns the ghost's point count. */
  show(items: readonly GhostItem[] | null, points: { positions: Float32Array; instanceIds: Int32Array } | null): number {
    this.clear();
    if (!items || items.length === 0) return 0;
    if (points) {
      const moved = ghostPositions(points.positions, points.instanceIds, items);
      if (moved.length > 0) {
        const geometry = new THREE.BufferGeometry();
        geometry.setAttribute('position', new THREE.BufferAttribute(moved, 3));
        const material = new THREE.PointsMaterial({ color: GHOST_COLOR, size: GHOST_POINT_PX, sizeAttenuation: false, transparent: true, opacity: 0.55, depthWrite: false });
        this.add(new THREE.Points(geometry, material));
        this.drawn = moved.length / 3;
      }
    }
    for (const it of items) {
      if (it.before) this.box(it.before, BEFORE_COLOR, 0.5);
      if (it.after) this.box(it.after, GHOST_COLOR, 1);
    }
    return this.drawn;
  }

  dispose(): void {
    this.clear();
    this.group.removeFromParent();
  }

  private box(b: GhostBox, color: number, opacity: number): void {
    const edges = boxEdges({ center: b.center, axes: axesOf(b.yaw), size: b.size }).map((p) => new THREE.Vector3(p[0], p[1], p[2]));
    this.add(new THREE.LineSegments(new THREE.BufferGeometry().setFromPoints(edges), new THREE.LineBasicMaterial({ color, transparent: true, opacity, depthTest: false })));
  }

  private add(o: THREE.Object3D): void {
    o.frustumCulled = false;
    o.renderOrder = 12;
    this.group.add(o);
  }

  private clear(): void {
    for (const o of [...this.group.children]) {
      this.group.remove(o);
      if (o instanceof THREE.Points || o instanceof THREE.LineSegments) {
        o.geometry.dispose();
        (o.material as THREE.Material).dispose();
      }
    }
    this.drawn = 0;
  }
}
