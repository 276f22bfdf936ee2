// Test helper: builds small PCD files byte by byte from rows, independently of the reader.
// binary_compressed data is LZF-encoded as literal runs only (valid LZF, just not smaller).

export interface FixtureField {
  name: string;
  type: 'F' | 'I' | 'U';
  size: number;
  count?: number;
}

export interface PcdFixture {
  fields: FixtureField[];
  /** One entry per value (count values for a field with COUNT > 1). */
  rows: number[][];
  data: 'ascii' | 'binary' | 'binary_compressed';
  /** Header POINTS / WIDTH / HEIGHT; default rows.length × 1 (set to lie). */
  points?: number;
  width?: number;
  height?: number;
  /** Extra header lines inserted before DATA. */
  extra?: string[];
}

export function pcdHeader(o: PcdFixture): string {
  const width = o.width ?? o.rows.length;
  const lines = [
    '# .PCD v0.7 - Point Cloud Data file format',
    'VERSION 0.7',
    `FIELDS ${o.fields.map((f) => f.name).join(' ')}`,
    `SIZE ${o.fields.map((f) => f.size).join(' ')}`,
    `TYPE ${o.fields.map((f) => f.type).join(' ')}`,
    `COUNT ${o.fields.map((f) => f.count ?? 1).join(' ')}`,
    `WIDTH ${width}`,
    `HEIGHT ${o.height ?? 1}`,
    'VIEWPOINT 0 0 0 1 0 0 0',
    `POINTS ${o.points ?? width * (o.height ?? 1)}`,
    ...(o.extra ?? []),
    `DATA ${o.data}`,
  ];
  return lines.join('\n') + '\n';
}

function put(dv: DataView, at: number, f: FixtureField, v: number): void {
  const k = `${f.type}${f.size}`;
  if (k === 'F4') dv.setFloat32(at, v, true);
  else if (k === 'F8') dv.setFloat64(at, v, true);
  else if (k === 'U1') dv.setUint8(at, v);
  else if (k === 'I1') dv.setInt8(at, v);
  else if (k === 'U2') dv.setUint16(at, v, true);
  else if (k === 'I2') dv.setInt16(at, v, true);
  else if (k === 'U4') dv.setUint32(at, v, true);
  else if (k === 'I4') dv.setInt32(at, v, true);
  else if (k === 'U8') dv.setBigUint64(at, BigInt(v), true);
  else if (k === 'I8') dv.setBigInt64(at, BigInt(v), true);
  else throw new Error(`fixture cannot encode ${k}`);
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
};

/** Literal-only LZF: runs of at most 32 bytes, each prefixed by length-1. */
export function lzfLiterals(raw: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < raw.length; i += 32) {
    const run = raw.subarray(i, i + 32);
    out.push(run.length - 1, ...run);
  }
  return Uint8Array.from(out);
}

export function buildPcd(o: PcdFixture): Uint8Array {
  const head = new TextEncoder().encode(pcdHeader(o));
  if (o.data === 'ascii') return concat(head, new TextEncoder().encode(o.rows.map((r) => r.join(' ')).join('\n') + '\n'));
  const sizes = o.fields.map((f) => f.size * (f.count ?? 1));
  const rowSize = sizes.reduce((a, b) => a + b, 0);
  const n = o.rows.length;
  const body = new Uint8Array(n * rowSize);
  const dv = new DataView(body.buffer);
  const soa = o.data === 'binary_compressed';
  o.rows.forEach((row, i) => {
    let v = 0;
    let before = 0;
    o.fields.forEach((f, fi) => {
      for (let c = 0; c < (f.count ?? 1); c++) {
        const at = soa ? n * before + i * sizes[fi]! + c * f.size : i * rowSize + before + c * f.size;
        put(dv, at, f, row[v++]!);
      }
      before += sizes[fi]!;
    });
  });
  if (!soa) return concat(head, body);
  const packed = lzfLiterals(body);
  const sizesLe = new Uint8Array(8);
  new DataView(sizesLe.buffer).setUint32(0, packed.length, true);
  new DataView(sizesLe.buffer).setUint32(4, body.length, true);
  return concat(head, sizesLe, packed);
}

/** The float whose bits are 0x00RRGGBB, as PCL stores rgb. */
export function packRgbFloat(r: number, g: number, b: number): number {
  const u = new Uint32Array([(r << 16) | (g << 8) | b]);
  return new Float32Array(u.buffer)[0]!;
}
