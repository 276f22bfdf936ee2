import { describe, expect, it } from 'vitest';
import { deriveSeed, Random } from './random';

describe('Random', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const sa = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 100 }, () => c.next())).not.toEqual(sa);
  });

  it('draws uniform values in [0,1) and integers within their inclusive range', () => {
    const r = new Random(1);
    let sum = 0;
    const seen = new Set<number>();
    for (let i = 0; i < 20000; i++) {
      const u = r.next();
      if (!(u >= 0 && u < 1)) throw new Error(`draw ${i}: ${u} outside [0,1)`);
      sum += u;
      seen.add(r.int(3, 6));
    }
    expect(sum / 20000).toBeCloseTo(0.5, 1);
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('draws normals with mean 0 and unit variance, and truncates at the limit', () => {
    const r = new Random(9);
    const n = 40000;
    let s = 0;
    let s2 = 0;
    let maxAbs = 0;
    for (let i = 0; i < n; i++) {
      const v = r.normal();
      s += v;
      s2 += v * v;
      maxAbs = Math.max(maxAbs, Math.abs(r.truncatedNormal(2)));
    }
    expect(Math.abs(s / n)).toBeLessThan(0.03);
    expect(s2 / n).toBeGreaterThan(0.95);
    expect(s2 / n).toBeLessThan(1.05);
    expect(maxAbs).toBe(2);
  });

  it('derives distinct stream seeds from one seed', () => {
    expect(deriveSeed(5, 'layout')).toBe(deriveSeed(5, 'layout'));
    expect(deriveSeed(5, 'layout')).not.toBe(deriveSeed(5, 'sample'));
    expect(deriveSeed(5, 'layout')).not.toBe(deriveSeed(6, 'layout'));
  });
});
