// HTML labels pinned to 3D points (measurement length, selected-instance tags). HTML keeps text
// crisp at any zoom; positions are re-projected after every frame.
import * as THREE from 'three';
import type { LabelDeclutter } from './label-declutter';

export interface OverlayLabel {
  text: string;
  /** Position in the content frame (before the viewport's up-axis rotation). */
  at: THREE.Vector3;
  className: string;
  testId?: string;
  /** Always shown, even where it overlaps another label (measured lengths, answers). */
  pinned?: boolean;
}

export class OverlayLabels {
  private readonly root: HTMLDivElement;
  private items: Array<{ label: OverlayLabel; el: HTMLDivElement; w: number; h: number }> = [];
  private readonly scratch = new THREE.Vector3();
  private readonly order: Array<{ i: number; x: number; y: number; z: number }> = [];

  /** `declutter` is shared by every label layer of one viewport, so no two labels overlap. */
  constructor(host: HTMLElement, private readonly declutter?: LabelDeclutter) {
    this.root = document.createElement('div');
    this.root.className = 'sw-vp-overlay';
    host.appendChild(this.root);
  }

  set(labels: OverlayLabel[]): void {
    for (const { el } of this.items) el.remove();
    this.items = labels.map((label) => {
      const el = document.createElement('div');
      el.className = `sw-vp-label ${label.className}`;
      el.textContent = label.text;
      if (label.testId) el.dataset.testid = label.testId;
      this.root.appendChild(el);
      // Sizes are read once here (one layout), not every frame.
      return { label, el, w: el.offsetWidth, h: el.offsetHeight };
    });
  }

  /** `toWorld` maps content-frame points to world space; sizes are CSS pixels of the canvas. */
  update(camera: THREE.Camera, toWorld: THREE.Matrix4, width: number, height: number): void {
    this.order.length = 0;
    this.items.forEach(({ label, el }, i) => {
      const p = this.scratch.copy(label.at).applyMatrix4(toWorld).project(camera);
      const visible = p.z > -1 && p.z < 1 && Math.abs(p.x) <= 1.2 && Math.abs(p.y) <= 1.2;
      if (!visible) {
        el.style.display = 'none';
        return;
      }
      this.order.push({ i, x: ((p.x + 1) / 2) * width, y: ((1 - p.y) / 2) * height, z: p.z });
    });
    // Pinned first, then nearer before farther, so a far box name yields to a near one.
    this.order.sort((a, b) => Number(this.items[b.i]!.label.pinned ?? false) - Number(this.items[a.i]!.label.pinned ?? false) || a.z - b.z);
    for (const { i, x, y } of this.order) {
      const item = this.items[i]!;
      // A label set while its pane was hidden measured 0: measure again once it can be laid out.
      if (item.w === 0) {
        item.w = item.el.offsetWidth;
        item.h = item.el.offsetHeight;
      }
      const { label, el, w, h } = item;
      // The CSS anchor is translate(-50%, -130%): the label sits centred above its point.
      const spot = this.declutter ? this.declutter.claim({ x: x - w / 2, y: y - 1.3 * h, w, h }, label.pinned) : { dx: 0, dy: 0 };
      el.style.display = spot ? '' : 'none';
      if (spot) el.style.transform = `translate(${x + spot.dx}px, ${y + spot.dy}px) translate(-50%, -130%)`;
    }
  }

  dispose(): void {
    this.root.remove();
  }
}
