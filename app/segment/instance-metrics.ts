// Scores for instance masks against ground truth, from one pass over the points: the overlap table
// of predicted × true instance ids, then IoU, best matches and average precision from the table.

/** Point counts per predicted id, per true id, and per (predicted, true) pair. Id -1 is "none". */
export interface Overlaps {
  pred: Map<number, number>;
  truth: Map<number, number>;
  /** pair → count, keyed by predicted id then true id. */
  both: Map<number, Map<number, number>>;
}

export function overlaps(predicted: Int32Array, truth: Int32Array): Overlaps {
  if (predicted.length !== truth.length) throw new RangeError(`overlaps: ${predicted.length} predicted ids for ${truth.length} points`);
  const pred = new Map<number, number>();
  const gt = new Map<number, number>();
  const both = new Map<number, Map<number, number>>();
  for (let i = 0; i < predicted.length; i++) {
    const p = predicted[i]!;
    const t = truth[i]!;
    pred.set(p, (pred.get(p) ?? 0) + 1);
    gt.set(t, (gt.get(t) ?? 0) + 1);
    let row = both.get(p);
    if (!row) both.set(p, (row = new Map()));
    row.set(t, (row.get(t) ?? 0) + 1);
  }
  return { pred, truth: gt, both };
}

export function iouOf(o: Overlaps, predId: number, truthId: number): number {
  const inter = o.both.get(predId)?.get(truthId) ?? 0;
  const union = (o.pred.get(predId) ?? 0) + (o.truth.get(truthId) ?? 0) - inter;
  return union > 0 ? inter / union : 0;
}

/** The best IoU any of `predIds` reaches with the true instance. */
export function bestIou(o: Overlaps, truthId: number, predIds: Iterable<number>): number {
  let best = 0;
  for (const p of predIds) best = Math.max(best, iouOf(o, p, truthId));
  return best;
}

export interface ScoredPrediction {
  id: number;
  confidence: number;
}

/**
 * Average precision at an IoU threshold, ScanNet-benchmark style: predictions in descending
 * confidence each match the unmatched true instance they overlap best with IoU ≥ threshold (true
 * positive) or count as false positives; AP is the area under the precision–recall curve with
 * precision made monotone. No true instances gives NaN (undefined, left out of means).
 */
export function averagePrecision(o: Overlaps, predictions: readonly ScoredPrediction[], truthIds: readonly number[], threshold = 0.5): number {
  if (truthIds.length === 0) return NaN;
  const order = [...predictions].sort((a, b) => b.confidence - a.confidence || a.id - b.id);
  const matched = new Set<number>();
  const tp: boolean[] = [];
  for (const p of order) {
    let bestId = -1;
    let best = threshold;
    for (const t of truthIds) {
      if (matched.has(t)) continue;
      const v = iouOf(o, p.id, t);
      if (v >= best) {
        best = v;
        bestId = t;
      }
    }
    if (bestId >= 0) matched.add(bestId);
    tp.push(bestId >= 0);
  }
  const precision: number[] = [];
  const recall: number[] = [];
  let hits = 0;
  tp.forEach((hit, i) => {
    if (hit) hits++;
    precision.push(hits / (i + 1));
    recall.push(hits / truthIds.length);
  });
  for (let i = precision.length - 2; i >= 0; i--) precision[i] = Math.max(precision[i]!, precision[i + 1]!);
  let ap = 0;
  let prevRecall = 0;
  for (let i = 0; i < precision.length; i++) {
    ap += (recall[i]! - prevRecall) * precision[i]!;
    prevRecall = recall[i]!;
  }
  return ap;
}

/** IoU of two point masks given as point-index membership arrays of equal length. */
export function maskIou(a: Uint8Array, b: Uint8Array): number {
  let inter = 0;
  let union = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] && b[i]) inter++;
    if (a[i] || b[i]) union++;
  }
  return union > 0 ? inter / union : 0;
}

export interface SemanticScores {
  /** IoU per class; NaN where the class is in neither truth nor prediction. */
  perClass: number[];
  /** Mean over the classes present in the ground truth. */
  mIoU: number;
}

/**
 * Semantic IoU over `classes` classes. Points whose true class is -1 (ignored by the benchmark)
 * do not count; a prediction of -1 (no class) on a labelled point is a miss for its true class.
 */
export function semanticIou(predicted: Int32Array, truth: Int32Array, classes: number): SemanticScores {
  if (predicted.length !== truth.length) throw new RangeError(`semanticIou: ${predicted.length} predictions for ${truth.length} points`);
  const tp = new Float64Array(classes);
  const fp = new Float64Array(classes);
  const fn = new Float64Array(classes);
  const present = new Uint8Array(classes);
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!;
    if (t < 0) continue;
    const p = predicted[i]!;
    present[t] = 1;
    if (p === t) tp[t]!++;
    else {
      fn[t]!++;
      if (p >= 0) fp[p]!++;
    }
  }
  const perClass = Array.from({ length: classes }, (_, c) => (tp[c]! + fp[c]! + fn[c]! > 0 ? tp[c]! / (tp[c]! + fp[c]! + fn[c]!) : NaN));
  const scored = perClass.filter((_, c) => present[c]);
  return { perClass, mIoU: scored.length ? scored.reduce((a, b) => a + b, 0) / scored.length : NaN };
}
