// The chunked readers against the whole-file readers on the same bytes: every split of the file into
// chunks gives the same scan, and a damaged file the same FormatError (message and byte offset).
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../formats/errors';
import { lasFile, type LasPoint } from '../../formats/las/testLas.fixture';
import { buildPly, type FixtureOptions } from '../../formats/ply/testPly.fixture';
import { writePly } from '../../formats/ply/writePly';
import { readScan } from './load-scene';
import { chunkParserFor } from './stream';

/** Parses `bytes` in chunks of the given sizes (cycled), the first holding `head` bytes. */
function streamed(name: string, bytes: Uint8Array, sizes: number[], head = Math.min(bytes.length, 4096)) {
  const p = chunkParserFor(bytes.subarray(0, head), name, bytes.length);
  if (!p) throw new Error(`${name}: no chunk parser`);
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const n = sizes[i % sizes.length]!;
    // A reused chunk buffer, as the import reads: the parser must not keep views of it.
    const chunk = new Uint8Array(bytes.subarray(at, at + n));
    p.push(chunk);
    chunk.fill(0xee);
    at += n;
  }
  return p.finish();
}

const whole = (name: string, bytes: Uint8Array) => readScan({ kind: 'file', name, bytes });

function errorOf(fn: () => unknown): FormatError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return e as FormatError;
  }
  throw new Error('expected a FormatError');
}

const SPLITS = [[1], [7, 3], [13], [64, 1, 200], [100_000]];

function cloud(n: number) {
  const positions = Float32Array.from({ length: n * 3 }, (_, i) => Math.sin(i) * 100 + (i % 3) * 1000);
  const colors = Uint8Array.from({ length: n * 3 }, (_, i) => (i * 37) & 0xff);
  return { positions, colors };
}

const xyz = ['x', 'y', 'z'].map((name) => ({ name, type: 'float' }));
const layouts: Record<string, FixtureOptions> = {
  'big-endian doubles, normals, int instance, an element before and after the vertices': {
    format: 'binary_big_endian',
    elements: [
      { name: 'camera', props: [{ name: 'k', type: 'double' }], rows: [[1.5], [2.5]] },
      {
        name: 'vertex',
        props: [...['x', 'y', 'z'].map((name) => ({ name, type: 'double' })), ...['nx', 'ny', 'nz'].map((name) => ({ name, type: 'float' })), { name: 'instance', type: 'int' }, { name: 'red', type: 'ushort' }, { name: 'green', type: 'ushort' }, { name: 'blue', type: 'ushort' }],
        rows: Array.from({ length: 300 }, (_, i) => [i * 0.5, -i, 500000 + i / 7, 0, 0, 1, i % 5, i * 200, 65535 - i, 7]),
      },
      { name: 'extra', props: [{ name: 'q', type: 'uchar' }], rows: [[1], [2], [3]] },
    ],
  },
  'little-endian xyz float + label ushort + float colours': {
    format: 'binary_little_endian',
    elements: [{ name: 'vertex', props: [...xyz, { name: 'label', type: 'ushort' }, { name: 'r', type: 'float' }, { name: 'g', type: 'float' }, { name: 'b', type: 'float' }], rows: Array.from({ length: 257 }, (_, i) => [i, i * 2, i * 3, i % 40, i / 256, 1, 0.5]) }],
  },
};

describe('chunked PLY', () => {
  it('writePly xyz + rgb (15-byte rows) and aligned rows with scalars: any split gives readScan\'s scan', () => {
    const { positions, colors } = cloud(2001);
    const files = {
      'xyzrgb.ply': writePly({ positions, colors }),
      'scalars.ply': writePly({ positions, colors, normals: positions.map((v) => v / 1000), scalars: { instance: Int32Array.from({ length: 2001 }, (_, i) => (i % 9) - 1), label: Uint16Array.from({ length: 2001 }, (_, i) => i) } }),
    };
    for (const [name, bytes] of Object.entries(files)) {
      const want = whole(name, bytes);
      expect(want.positions.length).toBe(2001 * 3);
      for (const sizes of SPLITS) expect(streamed(name, bytes, sizes)).toEqual(want);
    }
  });

  for (const [what, layout] of Object.entries(layouts)) {
    it(what, () => {
      const bytes = buildPly(layout);
      const want = whole('f.ply', bytes);
      for (const sizes of SPLITS) expect(streamed('f.ply', bytes, sizes)).toEqual(want);
    });
  }

  it('meshes (list properties) and ASCII bodies are left to the whole-file reader', () => {
    const mesh = writePly({ positions: cloud(4).positions, faces: Uint32Array.from([0, 1, 2, 1, 2, 3]) });
    expect(chunkParserFor(mesh, 'm.ply', mesh.length)).toBeUndefined();
    const ascii = writePly({ positions: cloud(4).positions }, { format: 'ascii' });
    expect(chunkParserFor(ascii, 'a.ply', ascii.length)).toBeUndefined();
    const { positions } = cloud(10);
    const bin = writePly({ positions });
    expect(chunkParserFor(bin.subarray(0, 20), 'h.ply', bin.length)).toBeUndefined(); // header not in the head
  });

  it('truncated, non-finite and overlong files fail with readScan\'s error and offset', () => {
    const { positions, colors } = cloud(3000);
    const good = writePly({ positions, colors });
    const cut = good.subarray(0, good.length - 20);
    const a = errorOf(() => whole('c.ply', cut));
    const b = errorOf(() => streamed('c.ply', cut, [1000]));
    expect([b.message, b.offset]).toEqual([a.message, a.offset]);

    const nan = good.slice();
    const body = good.length - 3000 * 15;
    new DataView(nan.buffer).setFloat32(body + 2500 * 15 + 4, NaN, true);
    const c = errorOf(() => whole('n.ply', nan));
    expect(c.expected).toBe('finite x y z for vertex 2500 (found NaN or infinity)');
    for (const sizes of SPLITS) {
      const d = errorOf(() => streamed('n.ply', nan, sizes));
      expect([d.message, d.offset]).toEqual([c.message, c.offset]);
    }

    const long = new Uint8Array(good.length + 5);
    long.set(good);
    const e = errorOf(() => whole('l.ply', long));
    const f = errorOf(() => streamed('l.ply', long, [999]));
    expect([f.message, f.offset]).toEqual([e.message, e.offset]);
  });
});

describe('chunked LAS', () => {
  const points: LasPoint[] = Array.from({ length: 500 }, (_, i) => ({ xyz: [i * 1000, -i * 7, i % 13], classification: i % 20, rgb: [i * 100, i * 50, 65535 - i] }));
  for (const [minor, format] of [[2, 0], [2, 3], [4, 7], [4, 8]] as const) {
    it(`LAS 1.${minor} format ${format}: any split gives readScan's scan`, () => {
      const bytes = lasFile({ minor, format, points, scale: [0.001, 0.001, 0.01], offset: [500000, 4100000, 10], extra: 2 });
      const want = whole('s.las', bytes);
      for (const sizes of SPLITS) expect(streamed('s.las', bytes, sizes, 400)).toEqual(want);
    });
  }

  it('8-bit colours in 16-bit fields stay 8-bit, even when a wide value only comes in a later chunk', () => {
    const small: LasPoint[] = points.map((p, i) => ({ ...p, rgb: [i % 256, 3, 200] }));
    const bytes = lasFile({ minor: 2, format: 2, points: small });
    expect(streamed('8.las', bytes, [26 * 3])).toEqual(whole('8.las', bytes));
    const late = small.map((p, i) => (i === 450 ? { ...p, rgb: [300, 3, 200] as [number, number, number] } : p));
    const lateBytes = lasFile({ minor: 2, format: 2, points: late });
    const want = whole('w.las', lateBytes);
    expect(want.colors![0]).toBe(0);
    expect(streamed('w.las', lateBytes, [26 * 3 + 5])).toEqual(want);
  });

  it('LAZ and a truncated LAS are not streamed / fail as readScan does', () => {
    const bytes = lasFile({ minor: 2, format: 3, points });
    const laz = bytes.slice();
    laz[104] = 0x83;
    expect(chunkParserFor(laz.subarray(0, 400), 'z.laz', laz.length)).toBeUndefined();
    const cut = bytes.subarray(0, bytes.length - 10);
    const a = errorOf(() => whole('t.las', cut));
    const b = errorOf(() => chunkParserFor(cut.subarray(0, 400), 't.las', cut.length));
    expect([b.message, b.offset]).toEqual([a.message, a.offset]);
  });
});
