// HTML labels pinned to 3D points (measurement length, selected-instance tags). HTML keeps text
// crisp at any zoom; positions are re-projected after every frame.
import * as THREE from 'three';

export interface OverlayLabel {
  text: string;
  /** Position in the content frame (before the viewport's up-axis rotation). */
  at: THREE.Vector3;
  className: string;
  testId?: string;
}

export class OverlayLabels {
  private readonly root: HTMLDivElement;
  private items: Array<{ label: OverlayLabel; el: HTMLDivElement }> = [];
  private readonly scratch = new THREE.Vector3();

  constructor(host: HTMLElement) {
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
      return { label, el };
    });
  }

  /** `toWorld` maps content-frame points to world space; sizes are CSS pixels of the canvas. */
  update(camera: THREE.Camera, toWorld: THREE.Matrix4, width: number, height: number): void {
    for (const { label, el } of this.items) {
      const p = this.scratch.copy(label.at).applyMatrix4(toWorld).project(camera);
      const visible = p.z > -1 && p.z < 1 && Math.abs(p.x) <= 1.2 && Math.abs(p.y) <= 1.2;
      el.style.display = visible ? '' : 'none';
      if (!visible) continue;
      el.style.transform = `translate(${((p.x + 1) / 2) * width}px, ${((1 - p.y) / 2) * height}px) translate(-50%, -130%)`;
    }
  }

  dispose(): void {
    this.root.remove();
  }
}
