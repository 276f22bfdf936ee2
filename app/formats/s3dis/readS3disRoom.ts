// An S3DIS room folder: <room>.txt holds every point; Annotations/<class>_<n>.txt holds each object's.
// The scene is built from the annotation files' points (each is one instance), because matching room
// points back to annotations would need coordinate lookup; the room file only confirms the count.
import { FormatError } from '../errors';
import type { ScanData } from '../scan-data';
import { s3disClassId } from './classes';
import { countPointLines, readPointLines, type PointLines } from './pointLines';

export interface S3disReadOptions {
  /** Compare the room file's point count with the annotations' total (default true). */
  checkRoomCount?: boolean;
}

const ANNOTATION = /(?:^|[\\/])Annotations[\\/]([^\\/]+)_(\d+)\.txt$/;

/**
 * Reads a room from its files keyed by path relative to the room folder (or deeper: only the tail
 * matters): `Annotations/<class>_<n>.txt` files, and optionally `<room>.txt`. Instance ids are
 * 0, 1, … in sorted path order of the annotation files; labels are S3DIS class ids (unknown class
 * names count as clutter; instanceLabels keep the name as written). z-up.
 */
export function readS3disRoom(files: Record<string, Uint8Array>, options: S3disReadOptions = {}): ScanData {
  const annotations: { path: string; label: string }[] = [];
  let room: string | undefined;
  for (const path of Object.keys(files)) {
    const m = ANNOTATION.exec(path);
    if (m) annotations.push({ path, label: m[1]! });
    else if (path.endsWith('.txt') && !/(?:^|[\\/])Annotations[\\/]/.test(path)) {
      if (room !== undefined) throw new FormatError({ file: path, expected: `one room .txt file outside Annotations/, found ${room} too` });
      room = path;
    }
  }
  if (annotations.length === 0) throw new FormatError({ file: 'Annotations/', expected: 'at least one Annotations/<class>_<n>.txt file' });
  annotations.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const parts: PointLines[] = annotations.map((a) => readPointLines(files[a.path]!, a.path));
  const total = parts.reduce((s, p) => s + p.count, 0);
  if (room !== undefined && options.checkRoomCount !== false) {
    const inRoom = countPointLines(files[room]!);
    if (inRoom !== total) {
      throw new FormatError({ file: room, expected: `${total} points, the annotation files' total, found ${inRoom} lines` });
    }
  }

  const positions = new Float32Array(total * 3);
  const colors = new Uint8Array(total * 3);
  const labels = new Int32Array(total);
  const instances = new Int32Array(total);
  const instanceLabels = new Map<number, string>();
  let at = 0;
  parts.forEach((p, id) => {
    const label = annotations[id]!.label;
    positions.set(p.positions, at * 3);
    colors.set(p.colors, at * 3);
    labels.fill(s3disClassId(label), at, at + p.count);
    instances.fill(id, at, at + p.count);
    instanceLabels.set(id, label);
    at += p.count;
  });
  return { format: 's3dis', positions, colors, labels, instances, instanceLabels, upAxis: 'z' };
}
