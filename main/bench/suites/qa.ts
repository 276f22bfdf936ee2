// Spatial QA kernels: the exact closest-point distance between two 20k-point instances (kd-tree
// against the all-pairs scan), and generating every VSI-Bench and MultiSPA question of a 50-object
// box room with curation (no peer: nothing else computes exact box-level answers).
import { bruteForceClosestPair, closestPointPair } from '../../../app/geometry/closest-pair';
import type { Obb } from '../../../app/geometry/obb';
import { curateQuestions } from '../../../app/qa/vsibench/curate';
import { generateQuestions } from '../../../app/qa/vsibench/generate';
import type { BoxObject, BoxScene } from '../../../app/qa/vsibench/meta';
import { Random } from '../../../app/sample/random';
import type { Vec3 } from '../../../app/scene/types';
import { result, timeIt, type BenchResult } from '../result';

const POINTS = 20_000;

/** Two chair-sized blobs of points on the surfaces of boxes 0.6 m apart (what instance masks look like). */
function twoInstances(rng: Random) {
  const positions = new Float32Array(POINTS * 2 * 3);
  for (let i = 0; i < POINTS * 2; i++) {
    const shift = i < POINTS ? 0 : 1.4;
    const face = rng.int(0, 5);
    const p = [rng.range(-0.4, 0.4), rng.range(-0.4, 0.4), rng.range(-0.4, 0.4)];
    p[face % 3] = face < 3 ? -0.4 : 0.4;
    positions.set([p[0]! + shift, p[1]!, p[2]!], i * 3);
  }
  const a = Uint32Array.from({ length: POINTS }, (_, i) => i);
  const b = Uint32Array.from({ length: POINTS }, (_, i) => POINTS + i);
  return { positions, a, b };
}

/** 50 boxes in 14 categories scattered over a 6 × 5 m room, turned about z like furniture. */
function fiftyObjectRoom(rng: Random): BoxScene {
  const categories = ['chair', 'table', 'sofa', 'lamp', 'bed', 'desk', 'shelf', 'plant', 'tv', 'door', 'window', 'rug', 'monitor', 'cabinet'];
  const instances: Record<string, BoxObject[]> = {};
  for (let i = 0; i < 50; i++) {
    // The first 10 categories are unique; the rest share the remaining 40 boxes.
    const category = i < 10 ? categories[i]! : categories[10 + (i % 4)]!;
    const angle = rng.range(0, Math.PI);
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    const box: Obb = { center: [rng.range(0, 6), rng.range(0, 5), rng.range(0.2, 2)], axes: [[c, s, 0], [-s, c, 0], [0, 0, 1]], size: [rng.range(0.2, 1.5), rng.range(0.2, 1.5), rng.range(0.2, 1.2)] };
    const half: Vec3 = [0, 1, 2].map((k) => box.axes.reduce((t, a, j) => t + (box.size[j]! / 2) * Math.abs(a[k]!), 0)) as Vec3;
    const list = (instances[category] ??= []);
    list.push({ category, instance: list.length, box, min: box.center.map((v, k) => v - half[k]!) as Vec3, max: box.center.map((v, k) => v + half[k]!) as Vec3 });
  }
  return { id: 'bench-room', roomSize: 30, roomCenter: [3, 2.5, 1], categories: Object.keys(instances), instances };
}

export default async function qa(args: string[]): Promise<BenchResult[]> {
  const seedArg = args.find((a) => a.startsWith('--seed='));
  const seed = seedArg ? Number(seedArg.slice('--seed='.length)) : 11;
  const rng = new Random(seed);
  const out: BenchResult[] = [];

  const { positions, a, b } = twoInstances(rng);
  const ours = closestPointPair(positions, a, b);
  const peer = bruteForceClosestPair(positions, a, b);
  if (ours.distance !== peer.distance) throw new Error(`qa closest pair: kd-tree gives ${ours.distance} m but brute force gives ${peer.distance} m`);
  const label = `closest pair, 2 × ${POINTS} points`;
  const t = timeIt(() => closestPointPair(positions, a, b), { minRuns: 5, minMs: 200 });
  const tp = timeIt(() => bruteForceClosestPair(positions, a, b), { minRuns: 2, minMs: 200 });
  out.push(result('qa', label, 'median time', 'ms', t.medianMs, { value: tp.medianMs, name: 'brute force O(n·m)', better: 'lower' }));

  const room = fiftyObjectRoom(rng);
  // A fresh scene object per run: the category-distance cache is per scene, and timing it warm would hide the geometry.
  // Full generation as `qa generate` runs it: every type (VSI-Bench and MultiSPA), asking rules, then
  // curation (duplicates, balanced per-type sample of 50 with a reason for every drop).
  const full = () => curateQuestions(generateQuestions({ ...room }, { seed }), { perType: 50, seed });
  const tg = timeIt(full, { minRuns: 3, minMs: 300 });
  const set = generateQuestions({ ...room }, { seed });
  const kept = full();
  out.push(result('qa', `generate every question, 50-object room (${set.questions.length} valid, ${set.dropped.length} dropped by rules, ${kept.questions.length} kept at 50 per type)`, 'median time', 'ms', tg.medianMs, null));
  return out;
}
