import { describe, expect, it } from 'vitest';
import type { LayoutChange } from '../../app/contract';
import { poseDeltaMatrix } from '../../app/layout/pose-delta';
import { ghostPositions } from '../viewport/ghost-overlay';
import { constraintText, diffRow, ghostItems, turnDegrees } from './layout-diff';

const change = (before: LayoutChange['before'], after: LayoutChange['after'], over: Partial<LayoutChange> = {}): LayoutChange => ({
  id: 17,
  category: 'armchair',
  instanceId: 17,
  before,
  after,
  carried: false,
  matrix: before && after ? poseDeltaMatrix(before, after) : null,
  size: [0.8, 0.8, 0.9],
  ...over,
});

describe('layout diff rows', () => {
  it('gives the move in centimetres per axis and the turn in degrees the short way round', () => {
    const row = diffRow(change({ center: [1, 1, 0.4], yaw: 3.0 }, { center: [0.52, 1.14, 0.4], yaw: -3.0 }));
    expect(row).toMatchObject({ object: 'armchair #17', move: 'moved 50 cm (x −48, y +14)', cm: 50 });
    expect(row.degrees).toBe(Math.round(turnDegrees(-3.0, 3.0)));
    expect(row.turn).toBe(`turned +${row.degrees}°`);
    expect(row.degrees).toBeGreaterThan(0);
    expect(row.degrees).toBeLessThan(30);
    expect(diffRow(change({ center: [1, 1, 0.4], yaw: 0 }, null)).move).toBe('removed');
    expect(diffRow(change(null, { center: [1, 1, 0.4], yaw: 0 })).move).toBe('added (copy)');
  });

  it('writes margins in centimetres with the blocker', () => {
    expect(constraintText({ name: 'no_overlap', pass: true, margin: 0.043, active: true, detail: '', blocker: { id: 14, category: 'chair' } })).toBe('no overlap: 4 cm (chair #14)');
    expect(constraintText({ name: 'walkway', pass: true, margin: null, active: false, detail: '' })).toBe('walkway: ok');
  });
});

describe('ghost points', () => {
  it("moves only the changed instance's points, by the preview's matrix", () => {
    const positions = Float32Array.from([1, 1, 0, 2, 1, 0, 5, 5, 5]);
    const ids = Int32Array.from([17, 17, 3]);
    const items = ghostItems([change({ center: [1, 1, 0.4], yaw: 0 }, { center: [0, 0, 0.4], yaw: Math.PI / 2 })]);
    const out = Array.from(ghostPositions(positions, ids, items));
    expect(out).toHaveLength(6);
    [0, 0, 0, 0, 1, 0].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 6));
    expect(ghostPositions(positions, ids, ghostItems([change({ center: [1, 1, 0], yaw: 0 }, null)])).length).toBe(0);
  });
});
