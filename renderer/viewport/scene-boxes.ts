// The boxes of a box-only scene: every box as a wireframe with its label, drawn over the surface
// samples (which do the picking). Selected boxes take the selection tints. Lives in the viewport's
// content frame, like the points, so the same up-axis rotation applies.
import * as THREE from 'three';
import { SELECTION_TINTS } from './colors';
import type { LabelDeclutter } from './label-declutter';
import { OverlayLabels, type OverlayLabel } from './overlay-labels';
import type { Vec3 } from './viewpoint';

export interface SceneBoxView {
  instanceId: number;
  label: string;
  center: Vec3;
  axes: [Vec3, Vec3, Vec3];
  size: Vec3;
}

const WIRE_COLOR = 0xe8ecf2;

/** Corner k has sign bit i of k on axis i; edges join corners differing in one bit. */
function edgePoints(b: SceneBoxView): THREE.Vector3[] {
  const corner = (k: number) => {
    const v = new THREE.Vector3(...b.center);
    for (let i = 0; i < 3; i++) v.addScaledVector(new THREE.Vector3(...b.axes[i]!), ((k >> i) & 1 ? 0.5 : -0.5) * b.size[i]!);
    return v;
  };
  const out: THREE.Vector3[] = [];
  for (let k = 0; k < 8; k++) for (const bit of [1, 2, 4]) if (!(k & bit)) out.push(corner(k), corner(k | bit));
  return out;
}

/** The highest point of a box (where its label sits). */
function topOf(b: SceneBoxView): THREE.Vector3 {
  const up = b.axes.reduce((h, a, i) => h + Math.abs(a[2]) * b.size[i]! * 0.5, 0);
  return new THREE.Vector3(b.center[0], b.center[1], b.center[2] + up);
}

export class SceneBoxLayer {
  private readonly group = new THREE.Group();
  private readonly labels: OverlayLabels;
  private boxes: SceneBoxView[] = [];
  private lines = new Map<number, THREE.LineSegments>();
  /** Hidden and isolated instances apply to their boxes too (wireframe and label). */
  private shown: (id: number) => boolean = () => true;

  constructor(parent: THREE.Object3D, host: HTMLElement, declutter?: LabelDeclutter) {
    parent.add(this.group);
    this.labels = new OverlayLabels(host, declutter);
  }

  get count(): number {
    return this.boxes.length;
  }

  set(boxes: readonly SceneBoxView[] | null): void {
    this.clear();
    this.boxes = boxes ? [...boxes] : [];
    for (const b of this.boxes) {
      const line = new THREE.LineSegments(new THREE.BufferGeometry().setFromPoints(edgePoints(b)), new THREE.LineBasicMaterial({ color: WIRE_COLOR }));
      line.frustumCulled = false;
      line.userData.instanceId = b.instanceId;
      this.group.add(line);
      this.lines.set(b.instanceId, line);
    }
    this.setShown(this.shown);
  }

  /** Shows only the boxes of instances for which `shown` holds (hide / isolate). */
  setShown(shown: (id: number) => boolean): void {
    this.shown = shown;
    for (const [id, line] of this.lines) line.visible = shown(id);
    const labels: OverlayLabel[] = this.boxes
      .filter((b) => shown(b.instanceId))
      .map((b) => ({ text: b.label, at: topOf(b), className: 'sw-vp-box-label', testId: `box-label-${b.instanceId}` }));
    this.labels.set(labels);
  }

  /** Tints the wireframes of the selected boxes (first = A, second = B). */
  setSelection(ids: readonly number[]): void {
    for (const [id, line] of this.lines) {
      const slot = ids.indexOf(id);
      const tint = slot < 0 ? null : SELECTION_TINTS[Math.min(slot, SELECTION_TINTS.length - 1)]!;
      (line.material as THREE.LineBasicMaterial).color.set(tint ? new THREE.Color(tint[0] / 255, tint[1] / 255, tint[2] / 255) : new THREE.Color(WIRE_COLOR));
    }
  }

  update(camera: THREE.Camera, toWorld: THREE.Matrix4, width: number, height: number): void {
    this.labels.update(camera, toWorld, width, height);
  }

  clear(): void {
    for (const line of this.lines.values()) {
      this.group.remove(line);
      line.geometry.dispose();
      (line.material as THREE.Material).dispose();
    }
    this.lines.clear();
    this.boxes = [];
    this.labels.set([]);
  }

  dispose(): void {
    this.clear();
    this.group.parent?.remove(this.group);
    this.labels.dispose();
  }
}
