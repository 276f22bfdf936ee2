// A Pointcept-preprocessed scene folder: one .npy per attribute, row i of each describing point i.
import { FormatError } from '../errors';
import type { ScanData } from '../scan-data';
import { pyShape, readNpy } from './readNpy';
import type { NpyArray, PointceptReadOptions } from './types';

const SEGMENTS = ['segment20', 'segment200', 'segment'] as const;

/**
 * Builds ScanData from a folder's files, keyed by name or path (only the last path part is
 * matched): coord.npy (N×3, required), color.npy (N×3, 0..255), normal.npy (N×3),
 * segment20/segment200/segment.npy (N or N×1) as labels, instance.npy (N or N×1, -1 none).
 * Files of other names are ignored. Every array must have N rows, or FormatError names the file.
 */
export function readPointceptFolder(files: Record<string, Uint8Array>, options: PointceptReadOptions = {}): ScanData {
  const byName = new Map<string, { path: string; bytes: Uint8Array }>();
  for (const [path, bytes] of Object.entries(files)) byName.set(path.split(/[\\/]/).pop()!, { path, bytes });
  const load = (name: string): { path: string; array: NpyArray } | undefined => {
    const f = byName.get(`${name}.npy`);
    return f && { path: f.path, array: readNpy(f.bytes, { fileName: f.path }) };
  };

  const coord = load('coord');
  if (!coord) throw new FormatError({ file: 'coord.npy', expected: 'coord.npy among the folder files (point positions, N×3)' });
  const n = rowsOf(coord.path, coord.array, 3, undefined);
  const src = coord.array.data;
  const positions = src instanceof Float32Array || src instanceof Float64Array ? src : Float64Array.from(src);
  const scan: ScanData = { format: 'pointcept', positions, upAxis: 'z' };

  const color = load('color');
  if (color) {
    rowsOf(color.path, color.array, 3, n);
    const c = color.array.data;
    // Pointcept keeps colours in 0..255 whatever the dtype; round and clamp the float ones.
    scan.colors = c instanceof Uint8Array ? c : Uint8Array.from(c, (v) => Math.min(255, Math.max(0, Math.round(v))));
  }
  const normal = load('normal');
  if (normal) {
    rowsOf(normal.path, normal.array, 3, n);
    const d = normal.array.data;
    scan.normals = d instanceof Float32Array ? d : Float32Array.from(d);
  }
  const names = options.segment ? [options.segment] : SEGMENTS;
  const segment = names.map((s) => load(s)).find((s) => s !== undefined);
  if (segment) {
    rowsOf(segment.path, segment.array, 1, n);
    scan.labels = toInt32(segment.array.data);
  }
  const instance = load('instance');
  if (instance) {
    rowsOf(instance.path, instance.array, 1, n);
    scan.instances = toInt32(instance.array.data);
  }
  return scan;
}

/** Checks an array is N×width (width 1 also accepts shape (N,)) and returns N. */
function rowsOf(file: string, a: NpyArray, width: number, n: number | undefined): number {
  const s = a.shape;
  const ok = s.length === 2 ? s[1] === width : s.length === 1 && width === 1;
  const want = `${n ?? 'N'}×${width}`;
  if (!ok) throw new FormatError({ file, expected: `shape ${want}${width === 1 ? ` or (${n ?? 'N'},)` : ''}, found ${pyShape(s)}` });
  if (n !== undefined && s[0] !== n) throw new FormatError({ file, expected: `${n} rows like coord.npy, found ${s[0]}` });
  return s[0]!;
}

function toInt32(d: NpyArray['data']): Int32Array {
  return d instanceof Int32Array ? d : Int32Array.from(d);
}
