// From a model's per-superpoint class logits to instances: each superpoint takes its most likely
// class, the floor is one instance, and every other class forms one instance per connected group
// of adjacent superpoints of that class. Confidence is the mean softmax probability of the class.
import type { SuperpointFeatures } from './features';
import { SCANNET20, SCANNET20_FLOOR } from './scannet20';

export interface ModelInstance {
  label: string;
  /** Class index into the logits. */
  classIndex: number;
  superpoints: number[];
  pointCount: number;
  confidence: number;
}

/** Class names for `classes` logits: ScanNet-20 when the model has 20, else class_0 … */
export function classNames(classes: number): string[] {
  return classes === SCANNET20.length ? SCANNET20.map((c) => c.name) : Array.from({ length: classes }, (_, i) => `class_${i}`);
}

export function instancesFromLogits(features: SuperpointFeatures, logits: Float32Array, classes: number): ModelInstance[] {
  const S = features.count;
  if (logits.length !== S * classes) throw new RangeError(`instancesFromLogits: ${logits.length} logits for ${S} superpoints × ${classes} classes`);
  const cls = new Int32Array(S);
  const prob = new Float64Array(S);
  for (let s = 0; s < S; s++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (logits[s * classes + c]! > logits[s * classes + best]!) best = c;
    let z = 0;
    for (let c = 0; c < classes; c++) z += Math.exp(logits[s * classes + c]! - logits[s * classes + best]!);
    cls[s] = best;
    prob[s] = 1 / z;
  }
  const names = classNames(classes);
  const { offsets, ids } = features.neighbours;
  const seen = new Uint8Array(S);
  const instances: ModelInstance[] = [];
  const floorGroup: number[] = [];
  for (let s = 0; s < S; s++) {
    if (seen[s] || features.pointCounts[s] === 0) continue;
    const c = cls[s]!;
    const group: number[] = [];
    const stack = [s];
    seen[s] = 1;
    while (stack.length) {
      const a = stack.pop()!;
      group.push(a);
      for (let e = offsets[a]!; e < offsets[a + 1]!; e++) {
        const b = ids[e]!;
        if (!seen[b] && cls[b] === c && features.pointCounts[b]! > 0) {
          seen[b] = 1;
          stack.push(b);
        }
      }
    }
    // A room has one floor, however the furniture cuts it into pieces.
    if (classes === SCANNET20.length && c === SCANNET20_FLOOR) floorGroup.push(...group);
    else instances.push(instanceOf(features, group, c, names[c]!, prob));
  }
  if (floorGroup.length) instances.unshift(instanceOf(features, floorGroup, SCANNET20_FLOOR, names[SCANNET20_FLOOR]!, prob));
  return instances;
}

function instanceOf(features: SuperpointFeatures, group: number[], classIndex: number, label: string, prob: Float64Array): ModelInstance {
  group.sort((a, b) => a - b);
  let points = 0;
  let weighted = 0;
  for (const s of group) {
    points += features.pointCounts[s]!;
    weighted += prob[s]! * features.pointCounts[s]!;
  }
  return { label, classIndex, superpoints: group, pointCount: points, confidence: points ? weighted / points : 0 };
}
