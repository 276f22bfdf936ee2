// The walkway grid answers a candidate the same whether it floods afresh or reuses what it knows
// (the reachable area before the move, results by covered cells, no flood when only unreachable
// cells are covered): a sweep of the chair across the hand-laid room, a shared grid against a fresh one.
import { describe, expect, it } from 'vitest';
import { objectById } from './edits';
import { syntheticRoom } from './testing/synthetic-room';
import { WalkwayGrid } from './walkway';

const doc = syntheticRoom();
const CHAIR = 6;

describe('walkway grid reuse', () => {
  it('gives the fresh answer for every pose of a 2 cm sweep, including ones that cut the room', () => {
    const chair = objectById(doc, CHAIR);
    const shared = new WalkwayGrid(doc, new Set([CHAIR]));
    let failing = 0;
    let poses = 0;
    for (let x = 0.3; x <= 4.7; x += 0.2)
      for (let y = 0.3; y <= 3.7; y += 0.2)
        for (const dx of [0, 0.02]) {
          // The big shelf-sized box is what can close a passage; the chair alone rarely does.
          const o = { ...chair, size: [1.6, 0.6, 0.9] as [number, number, number] };
          const movers = [{ o, pose: { center: [x + dx, y, 0.45] as [number, number, number], yaw: 0 } }];
          const fresh = new WalkwayGrid(doc, new Set([CHAIR])).check(movers);
          expect(shared.check(movers)).toEqual(fresh);
          if (!fresh.pass) failing++;
          poses++;
        }
    expect(poses).toBeGreaterThan(700);
    // The sweep crosses passages: some poses fail, most pass.
    expect(failing).toBeGreaterThan(0);
    expect(failing).toBeLessThan(poses);
  });
});
