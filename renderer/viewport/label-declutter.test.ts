import { describe, expect, it } from 'vitest';
import { LabelDeclutter, type LabelRect } from './label-declutter';

const rect = (x: number, y: number, w = 40, h = 14): LabelRect => ({ x, y, w, h });
const intersects = (a: LabelRect, b: LabelRect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('LabelDeclutter', () => {
  it('keeps a free label where it is', () => {
    const d = new LabelDeclutter();
    expect(d.claim(rect(0, 0))).toEqual({ dx: 0, dy: 0 });
    expect(d.claim(rect(100, 0))).toEqual({ dx: 0, dy: 0 });
  });

  it('nudges a label off one it would cover, then hides what has no room left', () => {
    const d = new LabelDeclutter();
    const placed: LabelRect[] = [];
    let hidden = 0;
    // Twenty labels stacked on the same spot: some are nudged, the rest hidden, none overlap.
    for (let i = 0; i < 20; i++) {
      const r = rect(200, 200);
      const at = d.claim(r);
      if (!at) {
        hidden++;
        continue;
      }
      const moved = { ...r, x: r.x + at.dx, y: r.y + at.dy };
      for (const p of placed) expect(intersects(p, moved)).toBe(false);
      placed.push(moved);
    }
    expect(placed.length).toBe(6);
    expect(hidden).toBe(14);
  });

  it('always shows a pinned label, and begin() frees last frame', () => {
    const d = new LabelDeclutter();
    for (let i = 0; i < 6; i++) d.claim(rect(0, 0));
    expect(d.claim(rect(0, 0))).toBeNull();
    expect(d.claim(rect(0, 0), true)).toEqual({ dx: 0, dy: 0 });
    d.begin();
    expect(d.count).toBe(0);
    expect(d.claim(rect(0, 0))).toEqual({ dx: 0, dy: 0 });
  });
});
