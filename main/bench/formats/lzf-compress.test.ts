import { describe, expect, it } from 'vitest';
import { lzfWhole } from '../../../app/formats/pcd/lzfWhole.fixture';
import { lzfCompress } from './lzf-compress';

describe('lzfCompress', () => {
  it('round-trips through the reader\'s decompressor and shrinks repetitive data', () => {
    let s = 7;
    const random = Uint8Array.from({ length: 5000 }, () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) >>> 24));
    const runs = Uint8Array.from({ length: 20000 }, (_, i) => (i % 300 < 280 ? 9 : i % 7));
    for (const src of [random, runs, new Uint8Array(0), Uint8Array.from([1, 2]), new Uint8Array(1000)]) {
      const packed = lzfCompress(src);
      expect(lzfWhole(packed, 0, packed.length, src.length, 'x')).toEqual(src);
    }
    expect(lzfCompress(runs).length).toBeLessThan(runs.length / 10);
  });
});
