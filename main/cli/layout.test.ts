// `scenewright layout edit|export` on a small meta file written here (boxes only) and on a layout JSON.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './index';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}
const box = (centroid: number[], size: number[]) => ({
  centroid,
  axesLengths: size,
  normalizedAxes: [1, 0, 0, 0, 1, 0, 0, 0, 1],
  min: centroid.map((c, i) => c - size[i]! / 2),
  max: centroid.map((c, i) => c + size[i]! / 2),
});
// A 4 × 3 m room: the door and a heater on the walls fix its outline; a sofa and a table inside.
const meta = {
  room1: {
    room_size: 12,
    room_center: [2, 1.5, 1],
    object_counts: { door: 1, heater: 1, sofa: 1, table: 1 },
    object_bbox: {
      door: [box([0.02, 1.5, 1.0], [0.04, 0.9, 2.0])],
      heater: [box([3.96, 1.5, 0.4], [0.08, 1.0, 0.6])],
      sofa: [box([2.0, 2.55, 0.4], [1.8, 0.9, 0.8])],
      table: [box([2.0, 0.35, 0.375], [0.8, 0.6, 0.75])],
    },
  },
};

function files() {
  const dir = mkdtempSync(join(tmpdir(), 'sw-layout-'));
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta));
  return dir;
}

describe('scenewright layout edit', () => {
  it('prints the grounding, the new pose and every constraint with --json', async () => {
    const dir = files();
    const c = capture();
    const code = await main(['layout', 'edit', `${join(dir, 'meta.json')}#room1`, '--instruction', 'move the table 30 cm to the left of the sofa', '--json', '--save', join(dir, 'edited.json')], c.io);
    const report = JSON.parse(c.out.join(''));
    // The bundled language model answers when confident, else the grammar parser; parser_reason says which.
    expect(report.parser_reason).toMatch(report.parser === 'model' ? /language model answered/ : /grammar parser answered/);
    expect(code).toBe(0);
    expect(report.status).toBe('edited');
    expect(report.grounding).toMatchObject({ target: { category: 'table' }, reference: { category: 'sofa' }, relation: 'left_of', amount: { metres: 0.3, text: '30 cm' } });
    const move = report.moves[0];
    expect(move.relation).toMatchObject({ holds: true, wanted: 0.3 });
    expect(move.constraints.map((x: { name: string }) => x.name)).toEqual(['inside_room', 'no_overlap', 'support', 'door_swing', 'walkway']);
    // The saved layout opens again as input.
    const again = capture();
    expect(await main(['layout', 'export', join(dir, 'edited.json'), '--format', 'spatiallm'], again.io)).toBe(0);
    expect(again.out.join('')).toMatch(/^wall_0=Wall\(/);
    expect(again.out.join('')).toMatch(/bbox_\d=Bbox\(table,/);
  });

  it('exits 1 with the reason when the edit is impossible, and 2 on a wrong command line', async () => {
    const dir = files();
    const c = capture();
    expect(await main(['layout', 'edit', `${join(dir, 'meta.json')}#room1`, '--instruction', 'move the sofa 2 m backward', '--json'], c.io)).toBe(1);
    expect(JSON.parse(c.out.join(''))).toMatchObject({ status: 'refused', reason: expect.stringMatching(/^cannot move the sofa 200 cm backward: the wall is \d+ cm away/) });
    const none = capture();
    expect(await main(['layout', 'edit', `${join(dir, 'meta.json')}#room1`, '--instruction', 'move the piano left', '--json'], none.io)).toBe(1);
    expect(JSON.parse(none.out.join(''))).toMatchObject({ status: 'not_found', reason: 'no piano in this scene' });
    expect(await main(['layout', 'edit', `${join(dir, 'meta.json')}#room1`], capture().io)).toBe(2);
    expect(await main(['layout', 'frobnicate'], capture().io)).toBe(2);
    expect(await main(['layout', 'edit', `${join(dir, 'meta.json')}#nope`, '--instruction', 'x'], capture().io)).toBe(1);
  });

  it('exports JSON that names the room outline and the objects', async () => {
    const dir = files();
    const c = capture();
    expect(await main(['layout', 'export', `${join(dir, 'meta.json')}#room1`, '--format', 'json', '--out', join(dir, 'l.json'), '--json'], c.io)).toBe(0);
    const doc = JSON.parse(readFileSync(join(dir, 'l.json'), 'utf8'));
    expect(doc.objects.map((o: { category: string }) => o.category).sort()).toEqual(['door', 'heater', 'sofa', 'table']);
    expect(doc.room.openings).toHaveLength(1);
  });
});
