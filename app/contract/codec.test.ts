import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame } from './codec';
import { AppError } from './errors';

describe('binary frame codec', () => {
  it('round-trips nested values with typed arrays as raw bodies', () => {
    const positions = new Float32Array([0.5, -1.25, 3e6, Number.MIN_VALUE]);
    const value = {
      ok: true,
      value: { scene: { id: 'sample', origin: [1e6, 2, 3] }, buffers: { positions, colors: new Uint8Array([1, 2, 3]), ids: new Int32Array([-1, 7]) } },
      list: [new Uint16Array([9]), 'x', null],
    };
    const frame = encodeFrame(value);
    const back = decodeFrame(frame) as typeof value;
    expect(back.value.scene).toEqual(value.value.scene);
    expect(back.value.buffers.positions).toBeInstanceOf(Float32Array);
    expect(Array.from(back.value.buffers.positions)).toEqual(Array.from(positions));
    expect(back.value.buffers.ids).toBeInstanceOf(Int32Array);
    expect(Array.from(back.value.buffers.ids)).toEqual([-1, 7]);
    expect(back.list[0]).toBeInstanceOf(Uint16Array);
    expect(back.list.slice(1)).toEqual(['x', null]);
  });

  it('stores bodies as bytes, not JSON numbers, on 8-byte boundaries', () => {
    const big = new Float32Array(10_000).map((_, i) => i * 0.1);
    const frame = encodeFrame({ big });
    // 40,000 body bytes plus a small header: JSON text for these numbers would be several times larger.
    expect(frame.byteLength).toBeLessThan(40_000 + 200);
    const view = new DataView(frame.buffer);
    const headerLength = view.getUint32(4, true);
    const header = JSON.parse(new TextDecoder().decode(frame.subarray(8, 8 + headerLength)));
    expect(header.b[0][1] % 8).toBe(0);
  });

  it('decodes a frame that sits at an unaligned offset inside a larger buffer', () => {
    const frame = encodeFrame({ a: new Float64Array([Math.PI]) });
    const host = new Uint8Array(frame.byteLength + 3);
    host.set(frame, 3);
    const back = decodeFrame(host.subarray(3)) as { a: Float64Array };
    expect(back.a[0]).toBe(Math.PI);
  });

  it.each([
    ['too short', new Uint8Array([1, 2, 3]), 0],
    ['wrong magic', new Uint8Array(16), 0],
  ])('rejects %s with a typed error naming the byte offset', (_name, bytes, offset) => {
    try {
      decodeFrame(bytes);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('invalid_input');
      expect((e as AppError).message).toContain(`byte ${offset}`);
    }
  });

  it('rejects every truncation of a valid frame without any other kind of exception', () => {
    const frame = encodeFrame({ p: new Float32Array([1, 2, 3]), s: 'hello' });
    for (let n = 0; n < frame.byteLength; n++) {
      expect(() => decodeFrame(frame.subarray(0, n))).toThrow(AppError);
    }
  });

  it('rejects a body table pointing outside the frame', () => {
    const frame = encodeFrame({ p: new Float32Array([1]) });
    const view = new DataView(frame.buffer);
    const headerLength = view.getUint32(4, true);
    const header = new TextDecoder().decode(frame.subarray(8, 8 + headerLength)).replace(/"Float32Array",(\d+),4/, '"Float32Array",$1,4000');
    const bytes = new TextEncoder().encode(header);
    const forged = new Uint8Array(frame.byteLength + bytes.length);
    new DataView(forged.buffer).setUint32(0, view.getUint32(0, true), true);
    new DataView(forged.buffer).setUint32(4, bytes.length, true);
    forged.set(bytes, 8);
    expect(() => decodeFrame(forged)).toThrow(/out of bounds/);
  });
});
