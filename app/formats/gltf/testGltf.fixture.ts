// Test helper: assembles GLB containers and data-URI glTF byte by byte, independently of the reader.

export function glbFile(json: object, bin?: Uint8Array, version = 2): Uint8Array {
  let text = JSON.stringify(json);
  while (text.length % 4) text += ' ';
  const jsonBytes = new TextEncoder().encode(text);
  const binPadded = bin ? new Uint8Array(Math.ceil(bin.length / 4) * 4) : undefined;
  if (bin && binPadded) binPadded.set(bin);
  const total = 12 + 8 + jsonBytes.length + (binPadded ? 8 + binPadded.length : 0);
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  out.set([0x67, 0x6c, 0x54, 0x46]);
  dv.setUint32(4, version, true);
  dv.setUint32(8, total, true);
  dv.setUint32(12, jsonBytes.length, true);
  out.set([0x4a, 0x53, 0x4f, 0x4e], 16);
  out.set(jsonBytes, 20);
  if (binPadded) {
    const at = 20 + jsonBytes.length;
    dv.setUint32(at, binPadded.length, true);
    out.set([0x42, 0x49, 0x4e, 0x00], at + 4);
    out.set(binPadded, at + 8);
  }
  return out;
}

/** Little-endian bytes from [type, values] runs, e.g. ['f32', [1, 2, 3]], ['u16', [0, 1, 2]]. */
export function binary(...runs: ['f32' | 'u16' | 'u8' | 'u32', number[]][]): Uint8Array {
  const size = { f32: 4, u32: 4, u16: 2, u8: 1 };
  const out = new Uint8Array(runs.reduce((s, [t, v]) => s + size[t] * v.length, 0));
  const dv = new DataView(out.buffer);
  let at = 0;
  for (const [t, values] of runs) {
    for (const v of values) {
      if (t === 'f32') dv.setFloat32(at, v, true);
      else if (t === 'u32') dv.setUint32(at, v, true);
      else if (t === 'u16') dv.setUint16(at, v, true);
      else dv.setUint8(at, v);
      at += size[t];
    }
  }
  return out;
}

/** One triangle: positions (36 bytes), normals (36), colours as normalized ubyte vec4 (12), u16 indices (6). */
export const TRIANGLE_BIN = binary(
  ['f32', [0, 0, 0, 1, 0, 0, 0, 1, 0]],
  ['f32', [0, 0, 1, 0, 0, 1, 0, 0, 1]],
  ['u8', [255, 0, 0, 255, 0, 255, 0, 255, 188, 188, 188, 255]],
  ['u16', [0, 1, 2]],
);

/** The glTF JSON describing TRIANGLE_BIN as one mesh; `extra` adds nodes, scenes or extensions. */
export const triangleGltf = (extra: object = {}, bufferUri?: string) => ({
  asset: { version: '2.0' },
  buffers: [{ byteLength: TRIANGLE_BIN.length, ...(bufferUri ? { uri: bufferUri } : {}) }],
  bufferViews: [
    { buffer: 0, byteOffset: 0, byteLength: 72 },
    { buffer: 0, byteOffset: 72, byteLength: 12 },
    { buffer: 0, byteOffset: 84, byteLength: 6 },
  ],
  accessors: [
    { bufferView: 0, componentType: 5126, count: 3, type: 'VEC3' },
    { bufferView: 0, byteOffset: 36, componentType: 5126, count: 3, type: 'VEC3' },
    { bufferView: 1, componentType: 5121, normalized: true, count: 3, type: 'VEC4' },
    { bufferView: 2, componentType: 5123, count: 3, type: 'SCALAR' },
  ],
  meshes: [{ name: 'tri', primitives: [{ attributes: { POSITION: 0, NORMAL: 1, COLOR_0: 2 }, indices: 3 }] }],
  ...extra,
});
