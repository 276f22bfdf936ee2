import { describe, expect, it } from 'vitest';
import { availableColorModes, computeDisplayColors, heightColor, instanceColor, labelColor, SELECTION_TINTS } from './colors';

const base = new Uint8Array([100, 100, 100, 100, 100, 100, 100, 100, 100]);
const ids = new Int32Array([1, 2, -1]);
const src = { base, instanceIds: ids };

describe('display colours', () => {
  it('passes RGB through when nothing is selected', () => {
    expect([...computeDisplayColors(src, 'rgb', [])]).toEqual([...base]);
  });

  it('tints the selected instance and dims the others', () => {
    const out = computeDisplayColors(src, 'rgb', [1]);
    const tint = SELECTION_TINTS[0]!;
    expect(out[0]).toBe(Math.trunc(100 * 0.3 + tint[0] * 0.7));
    expect(out[3]!).toBeLessThan(100);
    expect(out[6]!).toBeLessThan(100);
  });

  it('gives instances stable, distinct colours', () => {
    expect(instanceColor(3)).toEqual(instanceColor(3));
    expect(instanceColor(3)).not.toEqual(instanceColor(4));
    const out = computeDisplayColors(src, 'instance', []);
    expect([...out.slice(0, 3)]).toEqual(instanceColor(1));
  });

  it('colours by semantic label: instances with one label share its colour', () => {
    const labels = new Map([
      [1, 'chair'],
      [2, 'chair'],
    ]);
    const out = computeDisplayColors({ ...src, labels }, 'label', []);
    expect([...out.slice(0, 3)]).toEqual(labelColor('chair'));
    expect([...out.slice(3, 6)]).toEqual(labelColor('chair'));
    expect(labelColor('chair')).not.toEqual(labelColor('table'));
  });

  it('ramps height from the low end to the high end of the range', () => {
    const positions = new Float32Array([0, 0, 0, 0, 0, 1, 0, 0, 2]);
    const out = computeDisplayColors({ ...src, positions, upIndex: 2, heightRange: [0, 2] }, 'height', []);
    expect([...out.slice(0, 3)]).toEqual(heightColor(0));
    expect([...out.slice(6, 9)]).toEqual(heightColor(1));
    expect(heightColor(0)).not.toEqual(heightColor(1));
  });

  it('offers superpoint and confidence modes only when the data has them', () => {
    const none = availableColorModes({ hasLabels: true, hasSuperpoints: false, hasConfidence: false });
    expect(none).toEqual(['rgb', 'instance', 'label', 'height']);
    expect(availableColorModes({ hasLabels: true, hasSuperpoints: true, hasConfidence: true })).toContain('confidence');
  });
});
