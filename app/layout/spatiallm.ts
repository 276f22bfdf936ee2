// SpatialLM layout text (spec/spatial-qa.md): one entity per line, metres, angle_z in radians about
// +z, scales are full extents. Our yaw is the angle of the box's local x, which is SpatialLM's
// angle_z with scale_x along it. Reading it back gives walls, openings and boxes (no points).
import { FormatError } from '../formats/errors';
import type { LayoutDocument } from './types';

export interface SpatialLmEntity {
  id: string;
  kind: 'Wall' | 'Door' | 'Window' | 'Bbox';
  /** Arguments as written: numbers, or the wall id / class name. */
  args: Array<number | string>;
}

/** Enough digits for 0.1 mm; trailing zeros dropped so files stay readable. */
const num = (v: number): string => {
  const s = (Math.abs(v) < 5e-5 ? 0 : v).toFixed(4);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
};
/** Class names are one token in SpatialLM: "coffee table" → coffee_table. */
export const classToken = (category: string): string => category.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'object';

export function toSpatialLm(doc: LayoutDocument): string {
  const { room } = doc;
  const lines: string[] = [];
  for (const w of room.walls) lines.push(`${w.id}=Wall(${[w.a[0], w.a[1], room.floorZ, w.b[0], w.b[1], room.floorZ, w.height, w.thickness].map(num).join(',')})`);
  for (const o of room.openings) {
    const kind = o.kind === 'door' ? 'Door' : 'Window';
    lines.push(`${o.id}=${kind}(${o.wallId},${[o.center[0], o.center[1], o.center[2], o.width, o.height].map(num).join(',')})`);
  }
  let k = 0;
  for (const o of doc.objects) {
    if (o.kind === 'opening') continue;
    lines.push(`bbox_${k++}=Bbox(${classToken(o.category)},${[o.pose.center[0], o.pose.center[1], o.pose.center[2], o.pose.yaw, o.size[0], o.size[1], o.size[2]].map(num).join(',')})`);
  }
  return `${lines.join('\n')}\n`;
}

const ARITY: Record<SpatialLmEntity['kind'], number> = { Wall: 8, Door: 6, Window: 6, Bbox: 8 };
const LINE = /^([A-Za-z_][A-Za-z0-9_]*)=(Wall|Door|Window|Bbox)\((.*)\)$/;

/** Parses SpatialLM text; a bad line is a FormatError naming the source and line. */
export function parseSpatialLm(text: string, source = 'layout.txt'): SpatialLmEntity[] {
  const out: SpatialLmEntity[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const m = LINE.exec(line);
    if (!m) throw new FormatError({ file: source, line: i + 1, expected: `name=Wall|Door|Window|Bbox(…), got ${JSON.stringify(line.slice(0, 60))}` });
    const kind = m[2] as SpatialLmEntity['kind'];
    const parts = m[3]!.split(',').map((p) => p.trim());
    if (parts.length !== ARITY[kind]) throw new FormatError({ file: source, line: i + 1, expected: `${ARITY[kind]} values in ${kind}(…), got ${parts.length}` });
    const args = parts.map((p, j) => {
      const isName = (kind === 'Bbox' || kind === 'Door' || kind === 'Window') && j === 0;
      if (isName) return p;
      const v = Number(p);
      if (p === '' || !Number.isFinite(v)) throw new FormatError({ file: source, line: i + 1, expected: `a number as value ${j + 1} of ${kind}, got ${JSON.stringify(p)}` });
      return v;
    });
    out.push({ id: m[1]!, kind, args });
  });
  return out;
}
