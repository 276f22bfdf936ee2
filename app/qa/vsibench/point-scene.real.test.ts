// VSI-Bench questions from the real ScanNet scene0000_00 (../shared/data/scannet, never copied):
// its annotated instances, axis-aligned, through the point-cloud adapter; every absolute distance
// answer is checked against a brute-force closest pair over the two point sets.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readScanNetFolder } from '../../formats/scannet';
import { bruteForceClosestPair } from '../../geometry/closest-pair';
import type { PointScene } from '../../scene/types';
import { round1 } from './answers';
import { generateQuestions } from './generate';
import { boxSceneFromPoints } from './point-scene';

const DATA = process.env.SCENEWRIGHT_SHARED_DATA ? join(process.env.SCENEWRIGHT_SHARED_DATA, 'scannet') : fileURLToPath(new URL('../../../../shared/data/scannet', import.meta.url));
const ID = 'scene0000_00';

function loadScene(): PointScene {
  const matrices = JSON.parse(readFileSync(join(DATA, 'meta/scans_axis_alignment_matrices.json'), 'utf8')) as Record<string, number[]>;
  const s = readScanNetFolder(
    {
      mesh: new Uint8Array(readFileSync(join(DATA, ID, `${ID}_vh_clean_2.ply`))),
      segs: readFileSync(join(DATA, ID, `${ID}_vh_clean_2.0.010000.segs.json`), 'utf8'),
      aggregation: readFileSync(join(DATA, ID, `${ID}.aggregation.json`), 'utf8'),
      axisAlignment: matrices[ID]!,
    },
    { sceneId: ID },
  );
  return {
    id: ID,
    name: ID,
    source: join(DATA, ID),
    format: 'scannet',
    upAxis: 'z',
    origin: [0, 0, 0],
    positions: s.mesh.positions,
    colors: s.mesh.colors ?? new Uint8Array(s.mesh.positions.length),
    instanceIds: s.instanceIds,
    instances: s.instances.map((i) => ({ id: i.id, label: i.label })),
  };
}

describe.skipIf(!existsSync(join(DATA, ID)))('VSI-Bench questions from ScanNet scene0000_00 points', () => {
  const scene = loadScene();
  const boxes = boxSceneFromPoints(scene);
  const set = generateQuestions(boxes, { seed: 1 });

  it('builds boxes from the real instances (walls and floor left out)', () => {
    expect(boxes.skipped.map((s) => s.label).sort()).toEqual([...Array(9).fill('wall'), 'floor'].sort());
    expect(boxes.instances.cabinet).toHaveLength(6);
    expect(boxes.instances.bed).toHaveLength(1);
    // Aligned scans stand upright: every tight box has +z as its third axis.
    for (const list of Object.values(boxes.instances)) for (const o of list) expect(o.box.axes[2]).toEqual([0, 0, 1]);
    // An apartment room of a few dozen m² (alpha shape of the xy projection).
    expect(boxes.roomSize).toBeGreaterThan(20);
    expect(boxes.roomSize).toBeLessThan(80);
  });

  it('answers every absolute distance with the brute-force closest pair of the two point sets', () => {
    const abs = set.questions.filter((q) => q.question_type === 'object_abs_distance');
    const dropped = set.dropped.filter((d) => d.question_type === 'object_abs_distance' && d.rule === 'too_close');
    expect(abs.length).toBeGreaterThan(100);
    for (const q of [...abs.map((a) => a.objects), ...dropped.map((d) => d.objects)]) {
      const [a, b] = q.map((c) => boxes.points.get(boxes.instances[c!]![0]!.instanceId!)!);
      const ref = bruteForceClosestPair(scene.positions, a!, b!);
      const asked = abs.find((x) => x.objects.join('|') === q.join('|'));
      if (asked) {
        expect(asked.evidence).toMatchObject({ kind: 'distance', distance: ref.distance });
        expect(asked.answer).toBe(round1(ref.distance));
        expect(asked.ground_truth).toBe(round1(ref.distance).toFixed(1));
      } else expect(ref.distance).toBeLessThan(0.2);
    }
  });

  it('generates every box question type with ScanNet category names', () => {
    const types = new Set(set.questions.map((q) => q.question_type));
    expect([...types].sort()).toEqual([
      'multispa_object_size',
      'object_abs_distance',
      'object_counting',
      'object_rel_direction_easy',
      'object_rel_direction_hard',
      'object_rel_direction_medium',
      'object_rel_distance',
      'object_size_estimation',
      'room_size_estimation',
    ]);
    expect(set.questions.find((q) => q.question_type === 'object_counting' && q.objects[0] === 'cabinet')?.ground_truth).toBe('6');
  });
});
