// Closest-point distance between sample-room instances: our kd-tree kernel (through the QA entry
// point, index lists cached as in the app) against the naive all-pairs scan, on the same point sets.
import { bruteForceClosestPair } from '../../../app/geometry/closest-pair';
import { instanceIndices, measureInstanceDistance } from '../../../app/qa/measure';
import { generateSampleRoom, type RoomObject } from '../../../app/sample/room';
import { result, timeIt, type BenchResult } from '../result';

const PEER = 'brute force O(n·m)';

export default async function distance(args: string[]): Promise<BenchResult[]> {
  const seedArg = args.find((a) => a.startsWith('--seed='));
  const seed = seedArg ? Number(seedArg.slice('--seed='.length)) : 7;
  const { scene, objects } = generateSampleRoom({ seed });
  const furniture = objects.filter((o) => o.kind === 'furniture');
  const first = (category: string) => furniture.find((o) => o.category === category);
  const count = (o: RoomObject) => instanceIndices(scene, o.instanceId).length;
  const largest = [...furniture].sort((a, b) => count(b) - count(a));

  const cases: Array<[string, RoomObject | undefined, RoomObject | undefined]> = [
    ['armchair–table', first('armchair'), first('table')],
    ['sofa–bed', first('sofa'), first('bed')],
    ['two largest furniture', largest[0], largest[1]],
  ];

  const out: BenchResult[] = [];
  for (const [name, a, b] of cases) {
    if (!a || !b) continue;
    const setA = instanceIndices(scene, a.instanceId);
    const setB = instanceIndices(scene, b.instanceId);
    const ours = measureInstanceDistance(scene, a.instanceId, b.instanceId);
    const peer = bruteForceClosestPair(scene.positions, setA, setB);
    if (ours.distance !== peer.distance) {
      throw new Error(`distance ${name}: kd-tree gives ${ours.distance} m but brute force gives ${peer.distance} m`);
    }
    const label = `${name} (${a.category} ${setA.length} pts, ${b.category} ${setB.length} pts)`;
    const t = timeIt(() => measureInstanceDistance(scene, a.instanceId, b.instanceId), { minRuns: 10, minMs: 200 });
    const tp = timeIt(() => bruteForceClosestPair(scene.positions, setA, setB), { minRuns: 3, minMs: 200 });
    out.push(result('distance', label, 'median time', 'ms', t.medianMs, { value: tp.medianMs, name: PEER, better: 'lower' }));
    out.push(result('distance', label, 'distance', 'm', ours.distance, null));
  }
  return out;
}
