import { describe, expect, it } from 'vitest';
import { decodeIndexPixel, decodePickPixel, encodePickColors } from './id-encoding';

describe('pick id encoding', () => {
  it('round-trips ids, including unassigned points and large ids', () => {
    const ids = new Int32Array([-1, 0, 7, 255, 256, 65_535, 1 << 20]);
    const rgb = encodePickColors(ids);
    const back = [...ids].map((_, i) => decodePickPixel(rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!));
    expect(back).toEqual([...ids]);
  });

  it('reads an empty (cleared) pixel as background', () => {
    expect(decodePickPixel(0, 0, 0)).toBeNull();
    expect(decodeIndexPixel(0, 0, 0, 0)).toBeNull();
  });

  it('decodes point indices written as index + 1 in four bytes, past 2^24', () => {
    for (const index of [0, 254, 255, 65_536, 20_000_000, 2 ** 31]) {
      const v = index + 1;
      const bytes = [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, Math.floor(v / 2 ** 24) & 255] as const;
      expect(decodeIndexPixel(...bytes)).toBe(index);
    }
  });
});
