// Scene-level splits: whole scenes are dealt to train/val/test, so no scene's questions land in two
// splits (questions about one room would otherwise leak its layout into the test set).
import { AppError } from '../../contract/errors';
import { deriveSeed, Random } from '../../sample/random';
import { shuffled } from '../vsibench/shuffle';

export type SplitRatios = Array<[name: string, ratio: number]>;

/** "train=0.8,val=0.1,test=0.1" → [['train', 0.8], …]; ratios are positive and sum to 1. */
export function parseSplits(text: string): SplitRatios {
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const out: SplitRatios = [];
  for (const p of parts) {
    const m = /^([A-Za-z][\w-]*)=([0-9]*\.?[0-9]+)$/.exec(p);
    if (!m) throw new AppError('invalid_input', `splits: "${p}" is not name=ratio`);
    if (out.some(([n]) => n === m[1])) throw new AppError('invalid_input', `splits: "${m[1]}" given twice`);
    const r = Number(m[2]);
    if (!(r > 0)) throw new AppError('invalid_input', `splits: ${m[1]} needs a ratio above 0`);
    out.push([m[1]!, r]);
  }
  const sum = out.reduce((s, [, r]) => s + r, 0);
  if (out.length === 0 || Math.abs(sum - 1) > 1e-9) throw new AppError('invalid_input', `splits: ratios must sum to 1, got ${sum}`);
  return out;
}

/**
 * Scene → split. Scenes are sorted, shuffled with the seed, and dealt in runs whose sizes are the
 * ratios' shares by largest remainder (so 10 scenes at 0.8/0.1/0.1 give 8/1/1).
 */
export function splitScenes(scenes: readonly string[], ratios: SplitRatios, seed: number): Map<string, string> {
  const unique = [...new Set(scenes)].sort();
  const order = shuffled(unique, new Random(deriveSeed(seed, 'scene-splits')));
  const exact = ratios.map(([, r]) => r * order.length);
  const counts = exact.map(Math.floor);
  const byRemainder = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const left = order.length - counts.reduce((s, c) => s + c, 0);
  for (let k = 0; k < left; k++) counts[byRemainder[k]![1]]!++;
  const out = new Map<string, string>();
  let at = 0;
  ratios.forEach(([name], i) => {
    for (let k = 0; k < counts[i]!; k++) out.set(order[at++]!, name);
  });
  return out;
}

/** Items grouped by the split of their scene, in split order (every split present, possibly empty). */
export function applySplits<T>(items: readonly T[], sceneOf: (t: T) => string, ratios: SplitRatios, seed: number): Map<string, T[]> {
  const assign = splitScenes(items.map(sceneOf), ratios, seed);
  const out = new Map<string, T[]>(ratios.map(([name]) => [name, []]));
  for (const item of items) out.get(assign.get(sceneOf(item))!)!.push(item);
  return out;
}
