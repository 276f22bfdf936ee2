import { describe, expect, it } from 'vitest';
import { FormatError } from '../errors';
import { lzfWhole as lzfDecompress } from './lzfWhole.fixture';

const dec = (s: string) => new TextDecoder().decode(Uint8Array.from(s, (c) => c.charCodeAt(0)));
const run = (stream: number[], outSize: number) => lzfDecompress(Uint8Array.from(stream), 0, stream.length, outSize, 'c.pcd');

function failure(stream: number[], outSize: number, pad = 0): FormatError {
  const bytes = Uint8Array.from([...new Array<number>(pad).fill(0xaa), ...stream]);
  try {
    lzfDecompress(bytes, pad, bytes.length, outSize, 'c.pcd');
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    expect((e as FormatError).file).toBe('c.pcd');
    return e as FormatError;
  }
  throw new Error('expected a FormatError');
}

describe('lzfDecompress', () => {
  it('literal run then an overlapping long back-reference', () => {
    // "abc" literally, then 9 bytes from distance 3: len 7 + extra 0 → 9 bytes, distance (0<<8 | 2) + 1 = 3.
    const out = run([2, 0x61, 0x62, 0x63, 0xe0, 0x00, 0x02], 12);
    expect(dec(String.fromCharCode(...out))).toBe('abcabcabcabc');
  });

  it('short back-reference of distance 1 repeats one byte', () => {
    // 'x' then ctrl 0x20: length 1 → 3 bytes, distance 0 + 1.
    expect([...run([0, 0x78, 0x20, 0x00], 4)]).toEqual([0x78, 0x78, 0x78, 0x78]);
  });

  it('errors carry the byte offset of the bad control byte in the file', () => {
    const before = failure([0, 0x78, 0x20, 0x05], 4, 10);
    expect(before.offset).toBe(12);
    expect(before.expected).toContain('back-reference');
    const literal = failure([5, 1, 2], 6, 3);
    expect(literal.offset).toBe(3);
    expect(literal.expected).toContain('literal run of 6 bytes');
    const overflow = failure([3, 1, 2, 3, 4], 2);
    expect(overflow.offset).toBe(0);
    expect(overflow.expected).toContain('at most 2');
    const short = failure([1, 1, 2], 3, 4);
    expect(short.offset).toBe(7);
    expect(short.expected).toContain('3 decompressed bytes, the stream yields 2');
    const cut = failure([0, 0x78, 0xe0], 10);
    expect(cut.offset).toBe(2);
  });
});
