import { describe, expect, it } from 'vitest';
import { decodePickPixel, encodePickColors } from './id-encoding';

describe('pick id encoding', () => {
  it('round-trips ids, including unassigned points and large ids', () => {
    const ids = new Int32Array([-1, 0, 7, 255, 256, 65_535, 1 << 20]);
    const rgb = encodePickColors(ids);
    const back = [...ids].map((_, i) => decodePickPixel(rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!));
    expect(back).toEqual([...ids]);
  });

  it('reads an empty (cleared) pixel as background', () => {
    expect(decodePickPixel(0, 0, 0)).toBeNull();
  });
});
