// The evidence of a QA answer, drawn over the points: the closest-point (or centre) line with its
// length, the oriented boxes of the objects the answer used, and for direction answers the angle
// sector ("fan") on the floor with the facing ray, the target ray and the margin. Also used to
// highlight the candidates of an ambiguous reference. Lives in the content frame, like the points.
import * as THREE from 'three';
import type { LabelDeclutter } from './label-declutter';
import { OverlayLabels, type OverlayLabel } from './overlay-labels';
import type { Vec3 } from './viewpoint';

export type EvidenceTone = 'a' | 'b' | 'c' | 'match' | 'candidate' | 'other';

export interface EvidenceView {
  segments: Array<{ kind: 'closest' | 'centre'; from: Vec3; to: Vec3; length: number }>;
  boxes: Array<{ center: Vec3; axes: [Vec3, Vec3, Vec3]; size: Vec3; tone: EvidenceTone; label?: string }>;
  /** θ counter-clockwise from observer → reference in the xy plane; the answer's sector is [bin[0], bin[1]). */
  fan?: { observer: Vec3; reference: Vec3; target: Vec3; theta: number; bin: [number, number]; holds: boolean; margin: number };
}

/** Colours (0xRRGGBB): A and B match the selection tints' hues; the line is cyan so it differs from the yellow measure tool. */
export const EVIDENCE_COLORS: Record<EvidenceTone | 'segment' | 'fanYes' | 'fanNo' | 'ray', number> = {
  a: 0xff8a3d,
  b: 0x3da5ff,
  c: 0xd6d6d6,
  match: 0x47e07a,
  candidate: 0xff4fd8,
  other: 0xd6d6d6,
  segment: 0x39e6ff,
  fanYes: 0x47e07a,
  fanNo: 0xff5a5a,
  ray: 0xffffff,
};

/** Lowest z of the boxes (≈ the floor under them), where the fan is drawn. */
function floorOf(view: EvidenceView): number {
  let z = Infinity;
  for (const b of view.boxes) z = Math.min(z, b.center[2] - b.axes.reduce((h, a, i) => h + Math.abs(a[2]) * b.size[i]! * 0.5, 0));
  if (view.fan) z = Math.min(z, view.fan.target[2], view.fan.reference[2]);
  return Number.isFinite(z) ? z : 0;
}

/** Corner k has sign bit i of k on axis i; edges join corners differing in one bit. */
export function boxEdges(b: Pick<EvidenceView['boxes'][number], 'center' | 'axes' | 'size'>): Vec3[] {
  const corner = (k: number): Vec3 => {
    const p: Vec3 = [...b.center];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) p[j] = p[j]! + b.axes[i]![j]! * ((k >> i) & 1 ? 0.5 : -0.5) * b.size[i]!;
    return p;
  };
  const out: Vec3[] = [];
  for (let k = 0; k < 8; k++) for (const bit of [1, 2, 4]) if (!(k & bit)) out.push(corner(k), corner(k | bit));
  return out;
}

/**
 * Points of the fan's sector outline at height z: observer, then the arc from bin[0] to bin[1]
 * counter-clockwise from the facing direction, `radius` from the observer.
 */
export function fanArc(fan: NonNullable<EvidenceView['fan']>, radius: number, z: number, steps = 48): Vec3[] {
  const fx = fan.reference[0] - fan.observer[0];
  const fy = fan.reference[1] - fan.observer[1];
  const len = Math.hypot(fx, fy) || 1;
  const [ux, uy] = [fx / len, fy / len];
  const span = ((fan.bin[1] - fan.bin[0] + 360) % 360) || 360;
  const out: Vec3[] = [];
  for (let s = 0; s <= steps; s++) {
    const phi = ((fan.bin[0] + (span * s) / steps) * Math.PI) / 180;
    out.push([fan.observer[0] + radius * (ux * Math.cos(phi) - uy * Math.sin(phi)), fan.observer[1] + radius * (ux * Math.sin(phi) + uy * Math.cos(phi)), z]);
  }
  return out;
}

const vec = (p: Vec3) => new THREE.Vector3(p[0], p[1], p[2]);

function overlayMaterial<T extends THREE.Material>(m: T): T {
  m.depthTest = false;
  m.transparent = true;
  return m;
}

export class EvidenceOverlay {
  private readonly group = new THREE.Group();
  private readonly labels: OverlayLabels;
  private shown: EvidenceView | null = null;

  constructor(parent: THREE.Object3D, host: HTMLElement, declutter?: LabelDeclutter) {
    this.group.renderOrder = 11;
    parent.add(this.group);
    this.labels = new OverlayLabels(host, declutter);
  }

  get current(): EvidenceView | null {
    return this.shown;
  }

  show(view: EvidenceView | null): void {
    this.clear();
    this.shown = view;
    if (!view) return;
    const labels: OverlayLabel[] = [];
    for (const b of view.boxes) {
      const lines = new THREE.LineSegments(new THREE.BufferGeometry().setFromPoints(boxEdges(b).map(vec)), overlayMaterial(new THREE.LineBasicMaterial({ color: EVIDENCE_COLORS[b.tone] })));
      this.add(lines);
      if (b.label) labels.push({ text: b.label, at: vec(b.center).add(new THREE.Vector3(0, 0, b.size[2] / 2)), className: `sw-vp-evidence-box sw-vp-evidence-${b.tone}`, testId: 'evidence-box-label' });
    }
    view.segments.forEach((s, i) => {
      const geometry = new THREE.BufferGeometry().setFromPoints([vec(s.from), vec(s.to)]);
      this.add(new THREE.Line(geometry, overlayMaterial(new THREE.LineBasicMaterial({ color: EVIDENCE_COLORS.segment }))));
      this.add(new THREE.Points(geometry.clone(), overlayMaterial(new THREE.PointsMaterial({ color: EVIDENCE_COLORS.segment, size: 10, sizeAttenuation: false }))));
      const text = `${s.length.toFixed(2)} m${s.kind === 'centre' ? ' (centres)' : ''}`;
      labels.push({ text, at: vec(s.from).add(vec(s.to)).multiplyScalar(0.5), className: 'sw-vp-evidence-length', testId: i === 0 ? 'evidence-length' : 'evidence-length-more', pinned: i === 0 });
    });
    if (view.fan) labels.push(this.drawFan(view.fan, floorOf(view) + 0.02));
    this.labels.set(labels);
  }

  update(camera: THREE.Camera, toWorld: THREE.Matrix4, width: number, height: number): void {
    this.labels.update(camera, toWorld, width, height);
  }

  dispose(): void {
    this.clear();
    this.group.removeFromParent();
    this.labels.dispose();
  }

  private drawFan(fan: NonNullable<EvidenceView['fan']>, z: number): OverlayLabel {
    const flat = (p: Vec3): Vec3 => [p[0], p[1], z];
    const reach = (p: Vec3) => Math.hypot(p[0] - fan.observer[0], p[1] - fan.observer[1]);
    const radius = 1.15 * Math.max(reach(fan.target), reach(fan.reference), 0.5);
    const arc = fanArc(fan, radius, z);
    const o = flat(fan.observer);
    // The sector, filled: a triangle fan from the observer.
    const tri: THREE.Vector3[] = [];
    for (let i = 0; i + 1 < arc.length; i++) tri.push(vec(o), vec(arc[i]!), vec(arc[i + 1]!));
    const color = fan.holds ? EVIDENCE_COLORS.fanYes : EVIDENCE_COLORS.fanNo;
    this.add(new THREE.Mesh(new THREE.BufferGeometry().setFromPoints(tri), overlayMaterial(new THREE.MeshBasicMaterial({ color, opacity: 0.2, side: THREE.DoubleSide }))));
    this.add(new THREE.Line(new THREE.BufferGeometry().setFromPoints([o, ...arc, o].map(vec)), overlayMaterial(new THREE.LineBasicMaterial({ color }))));
    // Facing ray (θ = 0) dashed white, target ray solid white.
    const facing = new THREE.Line(new THREE.BufferGeometry().setFromPoints([vec(o), vec(flat(fan.reference))]), overlayMaterial(new THREE.LineDashedMaterial({ color: EVIDENCE_COLORS.ray, dashSize: 0.15, gapSize: 0.1 })));
    facing.computeLineDistances();
    this.add(facing);
    this.add(new THREE.Line(new THREE.BufferGeometry().setFromPoints([vec(o), vec(flat(fan.target))]), overlayMaterial(new THREE.LineBasicMaterial({ color: EVIDENCE_COLORS.ray }))));
    return { text: `θ ${fan.theta.toFixed(0)}° · margin ${fan.margin.toFixed(0)}°`, at: vec(flat(fan.target)), className: 'sw-vp-evidence-angle', testId: 'evidence-angle', pinned: true };
  }

  private add(o: THREE.Object3D): void {
    o.frustumCulled = false;
    o.renderOrder = 11;
    this.group.add(o);
  }

  private clear(): void {
    for (const o of [...this.group.children]) {
      this.group.remove(o);
      if (o instanceof THREE.Mesh || o instanceof THREE.Line || o instanceof THREE.Points) {
        o.geometry.dispose();
        (o.material as THREE.Material).dispose();
      }
    }
    this.labels.set([]);
    this.shown = null;
  }
}
