// The bench's peer for PCD and LAS: a naive baseline, the loop one writes first — header lines
// split as text, then one DataView call per field per point (and, for compressed PCD, LZF decoded
// byte by byte). Same bytes and same outputs (positions, colours) as our readers.

export interface NaiveCloud {
  positions: Float32Array | Float64Array;
  colors: Uint8Array;
  labels?: Int32Array;
}

interface NaivePcdHeader {
  points: number;
  data: string;
  dataOffset: number;
  /** Field name → byte offset in a row (binary) or its field index (compressed blocks). */
  fields: string[];
  sizes: number[];
}

function naivePcdHeader(bytes: Uint8Array): NaivePcdHeader {
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const lines = text.split('\n');
  const h: NaivePcdHeader = { points: 0, data: '', dataOffset: 0, fields: [], sizes: [] };
  let offset = 0;
  for (const line of lines) {
    offset += line.length + 1;
    const [key, ...rest] = line.trim().split(/\s+/);
    if (key === 'FIELDS') h.fields = rest;
    else if (key === 'SIZE') h.sizes = rest.map(Number);
    else if (key === 'POINTS') h.points = Number(rest[0]);
    else if (key === 'DATA') {
      h.data = rest[0]!;
      h.dataOffset = offset;
      break;
    }
  }
  return h;
}

function naiveLzf(src: Uint8Array, start: number, end: number, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let ip = start;
  let op = 0;
  while (ip < end) {
    const ctrl = src[ip++]!;
    if (ctrl < 32) {
      for (let k = 0; k <= ctrl; k++) out[op++] = src[ip++]!;
    } else {
      let len = ctrl >> 5;
      if (len === 7) len += src[ip++]!;
      let ref = op - ((ctrl & 0x1f) << 8) - src[ip++]! - 1;
      for (let k = 0; k < len + 2; k++) out[op++] = out[ref++]!;
    }
  }
  return out;
}

/** x y z float32 and a packed rgb float, DATA binary or binary_compressed. */
export function naiveReadPcd(bytes: Uint8Array): NaiveCloud {
  const h = naivePcdHeader(bytes);
  const n = h.points;
  const idx = ['x', 'y', 'z', 'rgb'].map((f) => h.fields.indexOf(f));
  const rowSize = h.sizes.reduce((a, b) => a + b, 0);
  let dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at: (field: number, i: number) => number;
  if (h.data === 'binary_compressed') {
    const head = new DataView(bytes.buffer, bytes.byteOffset + h.dataOffset, 8);
    const raw = naiveLzf(bytes, h.dataOffset + 8, h.dataOffset + 8 + head.getUint32(0, true), head.getUint32(4, true));
    dv = new DataView(raw.buffer);
    const blockStart = h.sizes.map((_, f) => n * h.sizes.slice(0, f).reduce((a, b) => a + b, 0));
    at = (f, i) => blockStart[f]! + i * h.sizes[f]!;
  } else {
    const fieldStart = h.sizes.map((_, f) => h.sizes.slice(0, f).reduce((a, b) => a + b, 0));
    at = (f, i) => h.dataOffset + i * rowSize + fieldStart[f]!;
  }
  const positions = new Float32Array(n * 3);
  const colors = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    positions[i * 3] = dv.getFloat32(at(idx[0]!, i), true);
    positions[i * 3 + 1] = dv.getFloat32(at(idx[1]!, i), true);
    positions[i * 3 + 2] = dv.getFloat32(at(idx[2]!, i), true);
    const rgb = dv.getUint32(at(idx[3]!, i), true);
    colors[i * 3] = (rgb >> 16) & 0xff;
    colors[i * 3 + 1] = (rgb >> 8) & 0xff;
    colors[i * 3 + 2] = rgb & 0xff;
  }
  return { positions, colors };
}

/** LAS point format 2: scaled int32 xyz to float64, 16-bit rgb to 8-bit, classification. */
export function naiveReadLas(bytes: Uint8Array): NaiveCloud {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pointOffset = dv.getUint32(96, true);
  const recordLength = dv.getUint16(105, true);
  const n = dv.getUint32(107, true);
  const scale = [dv.getFloat64(131, true), dv.getFloat64(139, true), dv.getFloat64(147, true)];
  const offset = [dv.getFloat64(155, true), dv.getFloat64(163, true), dv.getFloat64(171, true)];
  const positions = new Float64Array(n * 3);
  const colors = new Uint8Array(n * 3);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const o = pointOffset + i * recordLength;
    labels[i] = dv.getUint8(o + 15) & 0x1f;
    for (let c = 0; c < 3; c++) {
      positions[i * 3 + c] = dv.getInt32(o + 4 * c, true) * scale[c]! + offset[c]!;
      colors[i * 3 + c] = dv.getUint16(o + 20 + 2 * c, true) >> 8;
    }
  }
  return { positions, colors, labels };
}
