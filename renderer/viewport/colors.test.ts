import { describe, expect, it } from 'vitest';
import { computeDisplayColors, instanceColor, SELECTION_TINTS } from './colors';

const base = new Uint8Array([100, 100, 100, 100, 100, 100, 100, 100, 100]);
const ids = new Int32Array([1, 2, -1]);

describe('display colours', () => {
  it('passes RGB through when nothing is selected', () => {
    expect([...computeDisplayColors(base, ids, 'rgb', [])]).toEqual([...base]);
  });

  it('tints the selected instance and dims the others', () => {
    const out = computeDisplayColors(base, ids, 'rgb', [1]);
    const tint = SELECTION_TINTS[0]!;
    expect(out[0]).toBe(Math.trunc(100 * 0.3 + tint[0] * 0.7));
    expect(out[3]!).toBeLessThan(100);
    expect(out[6]!).toBeLessThan(100);
  });

  it('gives instances stable, distinct colours', () => {
    expect(instanceColor(3)).toEqual(instanceColor(3));
    expect(instanceColor(3)).not.toEqual(instanceColor(4));
    const out = computeDisplayColors(base, ids, 'instance', []);
    expect([...out.slice(0, 3)]).toEqual(instanceColor(1));
  });
});
