import { describe, expect, it } from 'vitest';
import { formatMetres, scaleBarLength } from './scale-bar';

describe('scale bar', () => {
  it('picks the largest 1-2-5 length that fits', () => {
    expect(scaleBarLength(0.01, 120)).toEqual({ metres: 1, px: 100 });
    expect(scaleBarLength(0.004, 120)!.metres).toBe(0.2);
    expect(scaleBarLength(0, 120)).toBeNull();
    expect(formatMetres(0.2)).toBe('20 cm');
    expect(formatMetres(5)).toBe('5 m');
  });
});
