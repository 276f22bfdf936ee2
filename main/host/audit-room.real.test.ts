// An audit disagreement drawn in its room, on the released VSI-Bench ScanNet++ rows and meta
// (../shared/data/vsibench): the host audits, the room opens through the normal import path as
// `<meta path>#<scene_name>`, and the evidence moved into that scene's frame must land on the boxes
// the raw meta file names (by category and list position), with the distances and angles the audit
// reported recomputed from the drawn boxes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskEvidence, AuditDatasetResult, AuditDisagreement, OpenedScene } from '../../app/contract';
import { AppError } from '../../app/contract/errors';
import { obbDistance } from '../../app/geometry/obb-distance';
import type { Vec3 } from '../../app/scene/types';
import { auditEvidenceInRoom, type RoomFrame } from '../../app/qa/vsibench/audit-room';
import { directionAngle } from '../../app/qa/vsibench/direction';
import { bundleImportWorker, type WorkerBundle } from '../import/testing/worker-bundle';
import { sharedDataDir } from '../launch/paths';
import { createHost, type Host } from './create-host';

const DIR = join(sharedDataDir(), 'vsibench');
const META = join(DIR, 'scannetpp_meta_info_val.json');
type RawBox = { centroid: Vec3; axesLengths: Vec3 };
const raw = JSON.parse(readFileSync(META, 'utf8')) as Record<string, { object_counts: Record<string, number>; object_bbox: Record<string, RawBox[]> }>;
type Row = { id: number; dataset: string; scene_name: string; question_type: string; question: string; ground_truth: string; options: string[] | null };
const released = readFileSync(join(DIR, 'vsibench_scannetpp_rows.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Row);

/** The released rows, with one relative-distance and one hard-direction answer moved to another letter, and one MultiSPA size row. */
function questions(): Row[] {
  const rows = released.map((r) => ({ ...r }));
  for (const type of ['object_rel_distance', 'object_rel_direction_hard']) {
    const r = rows.find((x) => x.question_type === type)!;
    r.ground_truth = r.ground_truth === 'A' ? 'B' : 'A';
  }
  const [scene, room] = Object.entries(raw).find(([, s]) => Object.values(s.object_counts).includes(1))!;
  const single = Object.entries(room.object_counts).find(([, n]) => n === 1)![0];
  rows.push({ id: 99001, dataset: 'scannetpp', scene_name: scene, question_type: 'multispa_object_size', question: `What is the height (in millimeters) of the ${single}?`, ground_truth: '1', options: null });
  return rows;
}

let dir: string;
let host: Host;
let worker: WorkerBundle;
let result: AuditDatasetResult;
const rooms = new Map<string, OpenedScene>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-audit-room-'));
  worker = bundleImportWorker();
  host = await createHost({
    dataDir: join(dir, 'data'),
    transport: 'in-process',
    backupIntervalMs: 0,
    importWorker: worker.file,
    executionProvider: async () => ({ provider: 'none', reason: 'not probed in this test', fallbacks: [] }),
  });
  const text = questions().map((r) => JSON.stringify(r)).join('\n');
  result = await host.client.auditDataset({ questions: { name: 'rows.jsonl', text }, meta: { path: META } });
});
afterAll(async () => {
  await host?.close();
  worker?.remove();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens the disagreement's room the way the Audit tab does: import `<meta path>#<scene_name>`. */
async function roomOf(d: AuditDisagreement): Promise<RoomFrame> {
  let opened = rooms.get(d.scene_name);
  if (!opened) {
    const imported = await host.client.importScene({ path: `${result.meta.path}#${d.scene_name}` });
    expect(imported).toMatchObject({ name: d.scene_name, format: 'vsibench-meta' });
    opened = await host.client.openScene({ sceneId: imported.id });
    rooms.set(d.scene_name, opened);
  }
  return { name: opened.scene.name, origin: opened.scene.origin, boxes: opened.boxScene!.boxes };
}

const plus = (a: Vec3, o: Vec3): Vec3 => [a[0] + o[0], a[1] + o[1], a[2] + o[2]];
const first = (kind: string) => {
  const d = result.report.disagreements.find((x) => x.evidence.kind === kind);
  expect(d, `a disagreement with ${kind} evidence`).toBeDefined();
  return d!;
};

/** Each drawn box, moved back by the origin, is the raw meta's box of its label at the given list position. */
function expectMetaBox(room: RoomFrame, box: AskEvidence['boxes'][number], category: string, instance: number) {
  const drawn = room.boxes.find((b) => b.instanceId === box.instanceId)!;
  expect(drawn.label).toBe(category);
  const metaBox = raw[room.name]!.object_bbox[category]![instance]!;
  const world = plus(box.center, room.origin);
  for (let k = 0; k < 3; k++) {
    expect(world[k]).toBeCloseTo(metaBox.centroid[k]!, 9);
    expect(box.size[k]).toBeCloseTo(metaBox.axesLengths[k]!, 12);
  }
}

describe('audit evidence in the room opened from the audit', () => {
  it('returns the host path of the meta it read, which opens each room', () => {
    expect(result.meta.path).toBe(resolve(META));
    expect(result.report.disagreements.every((d) => d.dataset === 'scannetpp' && d.scene_name in raw)).toBe(true);
  });

  it('count: every instance of the category, and only those', async () => {
    const d = first('count');
    const room = await roomOf(d);
    const ev = auditEvidenceInRoom(d, room);
    const category = /How many (.+)\(s\) are in this room\?/.exec(d.question)![1]!;
    expect(ev.boxes).toHaveLength(raw[d.scene_name]!.object_counts[category]!);
    ev.boxes.forEach((b, i) => {
      expect(b.role).toBe('match');
      expectMetaBox(room, b, category, i);
    });
    expect(ev.segments).toEqual([]);
  });

  it('distance: the closest-point line joins the two drawn boxes at the distance the audit measured', async () => {
    const d = first('distance');
    if (d.evidence.kind !== 'distance') throw new Error('unreachable');
    const room = await roomOf(d);
    const ev = auditEvidenceInRoom(d, room);
    const [, o1, o2] = /between the (.+) and the (.+) \(in meters\)/.exec(d.question)!;
    expect(ev.boxes.map((b) => b.role)).toEqual(['a', 'b']);
    expectMetaBox(room, ev.boxes[0]!, o1!, d.evidence.instanceA);
    expectMetaBox(room, ev.boxes[1]!, o2!, d.evidence.instanceB);
    // Recomputed in the scene frame from the drawn boxes: the same distance and closest points.
    const again = obbDistance(ev.boxes[0]!, ev.boxes[1]!);
    expect(again.distance).toBeCloseTo(d.evidence.distance, 9);
    const [segment] = ev.segments;
    expect(segment!.length).toBe(d.evidence.distance);
    for (let k = 0; k < 3; k++) {
      expect(plus(segment!.from, room.origin)[k]).toBeCloseTo(d.evidence.pointA[k]!, 9);
      expect(segment!.from[k]).toBeCloseTo(again.pointA[k]!, 6);
      expect(segment!.to[k]).toBeCloseTo(again.pointB[k]!, 6);
    }
  });

  it('relative distance: one line per option to the primary object; ours and the released option told apart', async () => {
    const d = first('rel_distance');
    if (d.evidence.kind !== 'rel_distance') throw new Error('unreachable');
    const room = await roomOf(d);
    const ev = auditEvidenceInRoom(d, room);
    expect(ev.segments).toHaveLength(d.evidence.options.length);
    const primary = /is the closest to the (.+)\?/.exec(d.question)![1]!;
    d.evidence.options.forEach((o, i) => {
      const optionBox = ev.boxes.find((b) => b.role !== 'reference' && room.boxes.find((x) => x.instanceId === b.instanceId)!.label === o.category)!;
      const primaryBox = ev.boxes.find((b) => b.role === 'reference' && b.instanceId === room.boxes.filter((x) => x.label === primary).sort((p, q) => p.instanceId - q.instanceId)[o.instanceB]!.instanceId)!;
      expectMetaBox(room, optionBox, o.category, o.instanceA);
      expect(obbDistance(optionBox, primaryBox).distance).toBeCloseTo(ev.segments[i]!.length, 9);
      expect(optionBox.role).toBe(o.category === d.ours_answer ? 'match' : i === d.ground_truth.charCodeAt(0) - 65 ? 'a' : 'c');
    });
    expect(ev.boxes.filter((b) => b.role === 'match')).toHaveLength(1);
    expect(ev.boxes.filter((b) => b.role === 'a')).toHaveLength(1);
  });

  it('direction: the fan stands at the first object, faces the second, and its θ is the audit’s', async () => {
    const d = first('direction');
    if (d.evidence.kind !== 'direction') throw new Error('unreachable');
    const room = await roomOf(d);
    const ev = auditEvidenceInRoom(d, room);
    const [, pos, ori, qry] = /standing by the (.+) and facing the (.+), is the (.+) to (?:my|the)/.exec(d.question)!;
    expect(ev.boxes.map((b) => b.role)).toEqual(['standBy', 'facing', 'target']);
    [pos, ori, qry].forEach((c, i) => expectMetaBox(room, ev.boxes[i]!, c!, 0));
    const fan = ev.fan!;
    expect(directionAngle(fan.observer, fan.reference, fan.target)).toBeCloseTo(d.evidence.theta, 6);
    expect(d.evidence.theta).toBeGreaterThanOrEqual(fan.bin[0]);
    expect(d.evidence.theta).toBeLessThan(fan.bin[1]);
  });

  it('MultiSPA size: the oriented box and the axis-aligned bounds it measures', async () => {
    const d = first('axis_size');
    if (d.evidence.kind !== 'axis_size') throw new Error('unreachable');
    const room = await roomOf(d);
    const ev = auditEvidenceInRoom(d, room);
    expect(ev.boxes.map((b) => b.role)).toEqual(['a', 'other']);
    expect(ev.boxes[1]!.size[0]).toBeCloseTo(d.evidence.dx, 9);
    expect(ev.boxes[1]!.size[1]).toBeCloseTo(d.evidence.dy, 9);
    expect(ev.boxes[1]!.size[2]).toBeCloseTo(d.evidence.dz, 9);
  });

  it('refuses another room, and a room without the objects the evidence names', async () => {
    const d = first('distance');
    const room = await roomOf(d);
    const other = await roomOf(result.report.disagreements.find((x) => x.scene_name !== d.scene_name)!);
    expect(() => auditEvidenceInRoom(d, other)).toThrow(AppError);
    expect(() => auditEvidenceInRoom(d, other)).toThrow(`is about room ${d.scene_name}, not ${other.name}`);
    const emptied = { ...room, boxes: room.boxes.filter((b) => !d.question.includes(`the ${b.label} `)) };
    expect(() => auditEvidenceInRoom(d, emptied)).toThrow(/has no .+ #\d+/);
  });
});
