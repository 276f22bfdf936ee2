// Turns a measured closest-point distance into the sentence shown and the QA item saved.
import type { DistanceResult, InstanceInfo, QaItemInput } from '../../app/contract';

export const instanceName = (instance: Pick<InstanceInfo, 'id' | 'label'>) => `${instance.label} #${instance.id}`;

/** Metres to centimetre precision, as both the UI and the saved answer use. */
export const roundMetres = (d: number) => Math.round(d * 100) / 100;

export function describeDistance(a: Pick<InstanceInfo, 'id' | 'label'>, b: Pick<InstanceInfo, 'id' | 'label'>, d: DistanceResult): string {
  return `${instanceName(a)} ↔ ${instanceName(b)}: ${roundMetres(d.distance).toFixed(2)} m (closest points)`;
}

export function distanceQaItem(sceneId: string, a: InstanceInfo, b: InstanceInfo, d: DistanceResult): QaItemInput {
  return {
    sceneId,
    kind: 'distance',
    question: `What is the closest-point distance between the ${a.label} and the ${b.label}?`,
    answer: roundMetres(d.distance),
    unit: 'm',
    instanceIds: [a.id, b.id],
    status: 'verified',
    evidence: { pointA: d.pointA, pointB: d.pointB, centerDistance: d.centerDistance },
  };
}
