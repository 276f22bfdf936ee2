// Mean Relative Accuracy (VSI-Bench's metric for numeric answers): the share of confidence
// thresholds t ∈ {0.50, 0.55, …, 0.95} at which the relative error |ŷ − y| / y is at most 1 − t.

/** The ten thresholds, built from integers so 0.95 is the double nearest 0.95 and not 0.5 + 9·0.05. */
export const MRA_THRESHOLDS: readonly number[] = Array.from({ length: 10 }, (_, i) => (50 + 5 * i) / 100);

// Answers are short decimals (1.1 against 1 is exactly 10% off), but in doubles that error exceeds 1 − 0.9;
// a relative slack far below any real difference keeps such exact ties on the side the definition puts them.
const TIE_SLACK = 1e-9;

export function meanRelativeAccuracy(prediction: number, truth: number): number {
  if (!Number.isFinite(prediction) || !Number.isFinite(truth)) return 0;
  if (truth === 0) return prediction === 0 ? 1 : 0;
  const relError = Math.abs(prediction - truth) / Math.abs(truth);
  let hits = 0;
  for (const t of MRA_THRESHOLDS) if (relError <= 1 - t + TIE_SLACK) hits++;
  return hits / MRA_THRESHOLDS.length;
}
