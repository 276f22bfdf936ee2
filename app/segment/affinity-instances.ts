// From the superpoint transformer's outputs to instances: each superpoint takes its most likely
// class; superpoints are joined when the model's pair affinity says "same object" and they agree on
// the class; the floor is one instance. Confidence ranks instances the way AP needs: the mean class
// probability weighted by points, times how sure the joins inside the instance were.
import { DisjointSet } from './disjoint-set';
import type { SuperpointFeatures } from './features';
import { classNames, type ModelInstance } from './model-instances';
import { SCANNET20, SCANNET20_FLOOR } from './scannet20';

export interface AffinityInput {
  features: SuperpointFeatures;
  /** [count × classes] */
  logits: Float32Array;
  classes: number;
  /** [count × k] superpoint ids, self first (app/segment/superpoint-neighbours). */
  neighbours: Int32Array;
  k: number;
  /** [count × k] same-instance logits for each superpoint and its neighbours. */
  affinity: Float32Array;
  /** Probability above which two superpoints join (default DEFAULT_AFFINITY_THRESHOLD). */
  threshold?: number;
}

/** Chosen on simulated validation rooms (seeds 800–803) and scene0000_00, a training scene; see the model card. */
export const DEFAULT_AFFINITY_THRESHOLD = 0.7;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function instancesFromAffinity(input: AffinityInput): ModelInstance[] {
  const { features, logits, classes, neighbours, k, affinity } = input;
  const S = features.count;
  const threshold = input.threshold ?? DEFAULT_AFFINITY_THRESHOLD;
  if (logits.length !== S * classes) throw new RangeError(`instancesFromAffinity: ${logits.length} logits for ${S} superpoints × ${classes} classes`);
  if (neighbours.length !== S * k || affinity.length !== S * k) throw new RangeError(`instancesFromAffinity: neighbours/affinity must be ${S} × ${k}`);
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
  const isFloor = (s: number) => classes === SCANNET20.length && cls[s] === SCANNET20_FLOOR;
  const sets = new DisjointSet(S);
  const joinSum = new Float64Array(S);
  const joinCount = new Float64Array(S);
  for (let s = 0; s < S; s++) {
    for (let j = 1; j < k; j++) {
      const t = neighbours[s * k + j]!;
      if (t === s || cls[t] !== cls[s]) continue;
      const p = sigmoid(affinity[s * k + j]!);
      if (p > threshold || (isFloor(s) && isFloor(t))) {
        // DisjointSet.join takes roots.
        const a = sets.find(s);
        const b = sets.find(t);
        if (a !== b) sets.join(a, b);
        joinSum[s]! += p;
        joinCount[s]!++;
      }
    }
  }
  // A room has one floor, however the furniture cuts it into pieces.
  let floorRoot = -1;
  for (let s = 0; s < S; s++) {
    if (!isFloor(s) || features.pointCounts[s] === 0) continue;
    if (floorRoot < 0) floorRoot = s;
    else {
      const a = sets.find(floorRoot);
      const b = sets.find(s);
      if (a !== b) sets.join(a, b);
    }
  }
  const groups = new Map<number, number[]>();
  for (let s = 0; s < S; s++) {
    if (features.pointCounts[s] === 0) continue;
    const r = sets.find(s);
    const g = groups.get(r);
    if (g) g.push(s);
    else groups.set(r, [s]);
  }
  const names = classNames(classes);
  const out: ModelInstance[] = [];
  for (const group of groups.values()) {
    const c = cls[group[0]!]!;
    let points = 0;
    let weighted = 0;
    let js = 0;
    let jc = 0;
    for (const s of group) {
      points += features.pointCounts[s]!;
      weighted += prob[s]! * features.pointCounts[s]!;
      js += joinSum[s]!;
      jc += joinCount[s]!;
    }
    const classConfidence = points ? weighted / points : 0;
    // A lone superpoint is a weaker object hypothesis than a group the model joined with confidence.
    const joinConfidence = jc ? js / jc : 0.5;
    out.push({ label: names[c]!, classIndex: c, superpoints: group.sort((a, b) => a - b), pointCount: points, confidence: classConfidence * joinConfidence });
  }
  // Floor first, then by confidence: a stable order for the host and the UI.
  out.sort((a, b) => Number(b.classIndex === SCANNET20_FLOOR) - Number(a.classIndex === SCANNET20_FLOOR) || b.confidence - a.confidence || a.superpoints[0]! - b.superpoints[0]!);
  return out;
}
