// A small orbit camera for z-up scenes: left-drag rotates around the target, right-drag or
// shift+left-drag pans, the wheel zooms. A press that moves less than CLICK_SLOP_PX is a click.
import * as THREE from 'three';

export const CLICK_SLOP_PX = 4;
const ROTATE_PER_PX = 0.006;
const MIN_POLAR = 0.02;
const MAX_POLAR = Math.PI - 0.02;

type DragMode = 'rotate' | 'pan';

interface Press {
  pointerId: number;
  mode: DragMode;
  startX: number;
  startY: number;
  lastX: number;
  lastY: number;
  dragging: boolean;
}

export class OrbitController {
  readonly target = new THREE.Vector3();
  /** Distance from target to camera. */
  radius = 5;
  /** Angle around +z, radians (0 looks from +x). */
  azimuth = -Math.PI / 2;
  /** Angle from +z, radians. */
  polar = Math.PI / 3;
  minRadius = 0.05;
  maxRadius = 500;

  private press: Press | null = null;
  private readonly disposers: Array<() => void> = [];

  constructor(
    private readonly camera: THREE.PerspectiveCamera,
    private readonly element: HTMLElement,
    private readonly onChange: () => void,
    private readonly onClick: (clientX: number, clientY: number) => void,
  ) {
    const on = <K extends keyof HTMLElementEventMap>(type: K, fn: (e: HTMLElementEventMap[K]) => void, opts?: AddEventListenerOptions) => {
      element.addEventListener(type, fn, opts);
      this.disposers.push(() => element.removeEventListener(type, fn, opts));
    };
    on('pointerdown', (e) => this.down(e));
    on('pointermove', (e) => this.move(e));
    on('pointerup', (e) => this.up(e));
    on('pointercancel', () => (this.press = null));
    on('wheel', (e) => this.wheel(e), { passive: false });
    on('contextmenu', (e) => e.preventDefault());
    this.apply();
  }

  /** Places the camera from target/radius/angles. */
  apply(): void {
    const s = Math.sin(this.polar);
    const offset = new THREE.Vector3(s * Math.cos(this.azimuth), s * Math.sin(this.azimuth), Math.cos(this.polar));
    this.camera.position.copy(this.target).addScaledVector(offset, this.radius);
    this.camera.up.set(0, 0, 1);
    this.camera.lookAt(this.target);
    this.camera.near = Math.max(0.005, this.radius / 2000);
    this.camera.far = Math.max(100, this.radius * 20);
    this.camera.updateProjectionMatrix();
    this.onChange();
  }

  dispose(): void {
    for (const d of this.disposers.splice(0)) d();
  }

  private down(e: PointerEvent): void {
    if (this.press) return;
    const pan = e.button === 2 || e.button === 1 || (e.button === 0 && e.shiftKey);
    if (e.button !== 0 && !pan) return;
    this.press = {
      pointerId: e.pointerId,
      mode: pan ? 'pan' : 'rotate',
      startX: e.clientX,
      startY: e.clientY,
      lastX: e.clientX,
      lastY: e.clientY,
      dragging: false,
    };
    try {
      this.element.setPointerCapture(e.pointerId);
    } catch {
      // Synthetic events (tests) may carry an id the browser does not track.
    }
  }

  private move(e: PointerEvent): void {
    const p = this.press;
    if (!p || p.pointerId !== e.pointerId) return;
    if (!p.dragging && Math.hypot(e.clientX - p.startX, e.clientY - p.startY) >= CLICK_SLOP_PX) p.dragging = true;
    if (!p.dragging) return;
    const dx = e.clientX - p.lastX;
    const dy = e.clientY - p.lastY;
    p.lastX = e.clientX;
    p.lastY = e.clientY;
    if (p.mode === 'rotate') {
      this.azimuth -= dx * ROTATE_PER_PX;
      this.polar = Math.min(MAX_POLAR, Math.max(MIN_POLAR, this.polar - dy * ROTATE_PER_PX));
    } else {
      this.pan(dx, dy);
    }
    this.apply();
  }

  private up(e: PointerEvent): void {
    const p = this.press;
    if (!p || p.pointerId !== e.pointerId) return;
    this.press = null;
    if (this.element.hasPointerCapture?.(e.pointerId)) this.element.releasePointerCapture(e.pointerId);
    if (!p.dragging && p.mode === 'rotate' && e.button === 0) this.onClick(e.clientX, e.clientY);
  }

  /** Moves the target in the view plane so the scene follows the cursor at the target's depth. */
  private pan(dx: number, dy: number): void {
    const height = this.element.clientHeight || 1;
    const metresPerPx = (2 * this.radius * Math.tan(THREE.MathUtils.degToRad(this.camera.fov) / 2)) / height;
    const right = new THREE.Vector3().setFromMatrixColumn(this.camera.matrixWorld, 0);
    const up = new THREE.Vector3().setFromMatrixColumn(this.camera.matrixWorld, 1);
    this.target.addScaledVector(right, -dx * metresPerPx).addScaledVector(up, dy * metresPerPx);
  }

  private wheel(e: WheelEvent): void {
    e.preventDefault();
    const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    this.radius = Math.min(this.maxRadius, Math.max(this.minRadius, this.radius * Math.exp(delta * 0.001)));
    this.apply();
  }
}
