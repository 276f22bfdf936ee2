// One face corner of an OBJ "f" line: v, v/vt, v//vn or v/vt/vn, 1-based or negative (relative).

export interface CornerRef {
  v: number;
  /** 0-based normal index, or -1 when the corner has none. */
  vn: number;
}

/**
 * Resolves a corner token against the counts read so far; returns undefined (with a reason) when the
 * token is malformed or points outside the vertices/normals defined before this line.
 */
export function parseCorner(tok: string, vCount: number, vtCount: number, vnCount: number): CornerRef | string {
  const parts = tok.split('/');
  if (parts.length > 3) return `a face corner v, v/vt, v//vn or v/vt/vn, found "${tok}"`;
  const resolve = (s: string | undefined, count: number, what: string): number | string => {
    if (s === undefined || s === '') return -1;
    if (!/^-?\d{1,10}$/.test(s)) return `an integer ${what} index, found "${s}" in "${tok}"`;
    const i = Number(s);
    const idx = i < 0 ? count + i : i - 1;
    if (i === 0 || idx < 0 || idx >= count) return `a ${what} index within the ${count} defined so far, found ${i}`;
    return idx;
  };
  const v = resolve(parts[0], vCount, 'vertex');
  if (typeof v === 'string') return v;
  if (v < 0) return `a vertex index in "${tok}"`;
  const vt = resolve(parts[1], vtCount, 'texture');
  if (typeof vt === 'string') return vt;
  const vn = resolve(parts[2], vnCount, 'normal');
  if (typeof vn === 'string') return vn;
  return { v, vn };
}
