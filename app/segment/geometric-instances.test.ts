import { describe, expect, it } from 'vitest';
import { generateSampleRoom } from '../sample';
import { geometricInstances, pointInstances, promptMask } from './geometric-instances';
import { averagePrecision, bestIou, iouOf, overlaps } from './instance-metrics';
import { sceneSuperpointFeatures } from './scene-superpoints';

describe('geometricInstances on the sample room', () => {
  const room = generateSampleRoom();
  const { scene } = room;
  const { superpoints, features } = sceneSuperpointFeatures(scene);
  const seg = geometricInstances({ positions: scene.positions, features });
  const table = overlaps(pointInstances(seg, superpoints.ids), scene.instanceIds);
  const indicesOf = (label: string) => seg.instances.flatMap((inst, i) => (inst.label === label ? [i] : []));
  const furniture = room.objects.filter((o) => o.kind === 'furniture');

  it('finds one floor and every wall', () => {
    const floors = indicesOf('floor');
    expect(floors).toHaveLength(1);
    expect(iouOf(table, floors[0]!, 1)).toBeGreaterThan(0.85);
    const walls = indicesOf('wall');
    // Four walls; window and door frames flush with a wall may add a plane of their own.
    expect(walls.length).toBeGreaterThanOrEqual(4);
    expect(walls.length).toBeLessThanOrEqual(8);
    for (const w of room.objects.filter((o) => o.category === 'wall')) expect(bestIou(table, w.instanceId, walls)).toBeGreaterThan(0.8);
  });

  it('recovers most furniture objects with IoU ≥ 0.5 (AP@50 over furniture)', () => {
    const objects = indicesOf('object');
    const ious = furniture.map((o) => bestIou(table, o.instanceId, objects));
    const recovered = ious.filter((v) => v >= 0.5).length;
    const ap = averagePrecision(table, objects.map((id) => ({ id, confidence: seg.instances[id]!.confidence })), furniture.map((o) => o.instanceId));
    console.log(`sample room: recovered ${recovered}/${furniture.length} furniture objects, AP@50 ${ap.toFixed(3)}, ${objects.length} object instances`);
    expect(recovered / furniture.length).toBeGreaterThanOrEqual(0.75);
    expect(ap).toBeGreaterThan(0.5);
    // Every object instance sits above the floor, not in a wall: structure is never an object.
    for (const i of objects) for (const s of seg.instances[i]!.superpoints) expect(seg.structure[s]).toBe(0);
  });

  it('promptMask gives the object under a click, and the structure under a click on it', () => {
    const target = furniture.find((o) => o.supportId === undefined)!;
    // The superpoint holding most of the object's points.
    const votes = new Int32Array(superpoints.count);
    for (let i = 0; i < scene.instanceIds.length; i++) if (scene.instanceIds[i] === target.instanceId) votes[superpoints.ids[i]!]!++;
    const clicked = votes.indexOf(Math.max(...votes));
    const mask = promptMask(features, seg, [clicked]);
    expect(mask).toContain(clicked);
    expect(mask).toEqual(seg.instances[seg.instanceOf[clicked]!]!.superpoints);
    const floorSp = seg.instances[indicesOf('floor')[0]!]!.superpoints;
    expect(promptMask(features, seg, [floorSp[0]!])).toEqual(floorSp);
    expect(() => promptMask(features, seg, [superpoints.count])).toThrow(RangeError);
  });
});
