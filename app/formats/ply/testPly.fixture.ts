// Test helper: builds small PLY files byte by byte from rows, independently of writePly,
// so reader tests do not depend on our own writer. Type names are written exactly as given.

export interface FixtureProp {
  name: string;
  /** Header type keyword as written (uchar, int8, float16, …). */
  type: string;
  /** Header count type keyword for a list property. */
  list?: string;
}

export interface FixtureElement {
  name: string;
  /** Header count; defaults to rows.length (set it to lie). */
  count?: number;
  props: FixtureProp[];
  /** One entry per property: a number, or an array for a list. */
  rows: (number | number[])[][];
}

export interface FixtureOptions {
  format: 'ascii' | 'binary_little_endian' | 'binary_big_endian';
  elements: FixtureElement[];
  comments?: string[];
  /** Header line ending; "mixed" alternates \r\n and \n. */
  eol?: '\n' | '\r\n' | 'mixed';
}

const SIZE: Record<string, number> = {
  char: 1, int8: 1, uchar: 1, uint8: 1, short: 2, int16: 2, ushort: 2, uint16: 2,
  int: 4, int32: 4, uint: 4, uint32: 4, float: 4, float32: 4, double: 8, float64: 8,
};

function put(dv: DataView, at: number, type: string, v: number, le: boolean): number {
  switch (type) {
    case 'char': case 'int8': dv.setInt8(at, v); break;
    case 'uchar': case 'uint8': dv.setUint8(at, v); break;
    case 'short': case 'int16': dv.setInt16(at, v, le); break;
    case 'ushort': case 'uint16': dv.setUint16(at, v, le); break;
    case 'int': case 'int32': dv.setInt32(at, v, le); break;
    case 'uint': case 'uint32': dv.setUint32(at, v, le); break;
    case 'float': case 'float32': dv.setFloat32(at, v, le); break;
    case 'double': case 'float64': dv.setFloat64(at, v, le); break;
    default: throw new Error(`fixture cannot encode type ${type}`);
  }
  return SIZE[type]!;
}

export function plyHeader(o: FixtureOptions): string {
  const lines = ['ply', `format ${o.format} 1.0`, ...(o.comments ?? []).map((c) => `comment ${c}`)];
  for (const e of o.elements) {
    lines.push(`element ${e.name} ${e.count ?? e.rows.length}`);
    for (const p of e.props) lines.push(p.list ? `property list ${p.list} ${p.type} ${p.name}` : `property ${p.type} ${p.name}`);
  }
  lines.push('end_header');
  const eol = o.eol ?? '\n';
  if (eol !== 'mixed') return lines.map((l) => l + eol).join('');
  return lines.map((l, i) => l + (i % 2 ? '\r\n' : '\n')).join('');
}

export function buildPly(o: FixtureOptions): Uint8Array {
  const head = new TextEncoder().encode(plyHeader(o));
  if (o.format === 'ascii') {
    const body = o.elements.flatMap((e) => e.rows.map((r) => r.map((v) => (Array.isArray(v) ? [v.length, ...v].join(' ') : String(v))).join(' '))).join('\n');
    const b = new TextEncoder().encode(body ? `${body}\n` : '');
    const out = new Uint8Array(head.length + b.length);
    out.set(head);
    out.set(b, head.length);
    return out;
  }
  const le = o.format === 'binary_little_endian';
  let size = 0;
  for (const e of o.elements) {
    for (const r of e.rows) {
      e.props.forEach((p, i) => {
        const v = r[i]!;
        size += Array.isArray(v) ? SIZE[p.list!]! + v.length * SIZE[p.type]! : SIZE[p.type]!;
      });
    }
  }
  const out = new Uint8Array(head.length + size);
  out.set(head);
  const dv = new DataView(out.buffer);
  let at = head.length;
  for (const e of o.elements) {
    for (const r of e.rows) {
      e.props.forEach((p, i) => {
        const v = r[i]!;
        if (Array.isArray(v)) {
          at += put(dv, at, p.list!, v.length, le);
          for (const x of v) at += put(dv, at, p.type, x, le);
        } else at += put(dv, at, p.type, v, le);
      });
    }
  }
  return out;
}

/** x y z float + r g b uchar vertices and a triangle list: the shape most tests start from. */
export function smallMesh(format: FixtureOptions['format'], extra: Partial<FixtureOptions> = {}): Uint8Array {
  return buildPly({
    format,
    elements: [
      {
        name: 'vertex',
        props: ['x', 'y', 'z'].map((name) => ({ name, type: 'float' })).concat(['red', 'green', 'blue'].map((name) => ({ name, type: 'uchar' }))),
        rows: [
          [0, 0, 0, 255, 0, 0],
          [1, 0, 0, 0, 255, 0],
          [1, 1, 0, 0, 0, 255],
          [0, 1, 0.5, 10, 20, 30],
        ],
      },
      { name: 'face', props: [{ name: 'vertex_indices', type: 'int', list: 'uchar' }], rows: [[[0, 1, 2]], [[0, 2, 3]]] },
    ],
    ...extra,
  });
}
