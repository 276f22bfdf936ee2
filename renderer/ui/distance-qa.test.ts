import { describe, expect, it } from 'vitest';
import type { DistanceResult, InstanceInfo } from '../../app/contract';
import { QaItemInput } from '../../app/contract';
import { describeDistance, distanceQaItem } from './distance-qa';

const box = { min: [0, 0, 0] as [number, number, number], max: [1, 1, 1] as [number, number, number] };
const armchair: InstanceInfo = { id: 12, label: 'armchair', pointCount: 10, bbox: box, centroid: [0, 0, 0] };
const table: InstanceInfo = { id: 7, label: 'table', pointCount: 10, bbox: box, centroid: [1, 0, 0] };
const d: DistanceResult = {
  sceneId: 'sample',
  a: 12,
  b: 7,
  distance: 0.8372,
  pointA: [0, 0, 0],
  pointB: [0.8372, 0, 0],
  centerDistance: 1.5,
  unit: 'm',
  method: 'closest-point',
};

describe('distance QA', () => {
  it('describes the pair with labels, ids and centimetre precision', () => {
    expect(describeDistance(armchair, table, d)).toBe('armchair #12 ↔ table #7: 0.84 m (closest points)');
  });

  it('builds a verified item that satisfies the contract schema', () => {
    const item = distanceQaItem('sample', armchair, table, d);
    expect(item).toMatchObject({
      question: 'What is the closest-point distance between the armchair and the table?',
      answer: 0.84,
      unit: 'm',
      instanceIds: [12, 7],
      status: 'verified',
      evidence: { pointA: [0, 0, 0], pointB: [0.8372, 0, 0], centerDistance: 1.5 },
    });
    expect(QaItemInput.strict().safeParse(item).success).toBe(true);
  });
});
