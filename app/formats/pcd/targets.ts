// Which PCD fields feed which ScanData arrays, and where each sits in a row.
import { FormatError } from '../errors';
import type { PcdField, PcdHeader } from './types';

export interface FieldSlot {
  field: PcdField;
  /** Byte offset of the field within a row (binary) or within a point's block sequence (compressed). */
  byteOffset: number;
  /** Index of the field's first value among a row's tokens (ascii). */
  token: number;
}

export interface PcdTargets {
  xyz: [FieldSlot, FieldSlot, FieldSlot];
  /** rgb / rgba packed into one 4-byte value as 0x00RRGGBB (alpha in the top byte is dropped). */
  packedRgb?: FieldSlot;
  /** Separate r g b uint8 fields, as some non-PCL writers emit. */
  channels?: [FieldSlot, FieldSlot, FieldSlot];
  normal?: [FieldSlot, FieldSlot, FieldSlot];
  label?: FieldSlot;
  instance?: FieldSlot;
  /** Bytes per point over all fields. */
  rowSize: number;
  /** Values per point over all fields (ascii tokens per line). */
  rowTokens: number;
}

const LABEL_NAMES = ['label', 'semantic', 'semantic_label', 'class'];
const INSTANCE_NAMES = ['instance', 'instance_id', 'instance_label', 'object', 'object_id'];

export function planTargets(header: PcdHeader, file: string): PcdTargets {
  const slots = new Map<string, FieldSlot>();
  let byteOffset = 0;
  let token = 0;
  for (const field of header.fields) {
    const key = field.name.toLowerCase();
    if (!slots.has(key)) slots.set(key, { field, byteOffset, token });
    byteOffset += field.size * field.count;
    token += field.count;
  }
  const fail = (expected: string): never => {
    throw new FormatError({ file, offset: header.dataOffset, line: header.lineCount, expected });
  };
  const trio = (a: string, b: string, c: string): [FieldSlot, FieldSlot, FieldSlot] | undefined => {
    const s = [slots.get(a), slots.get(b), slots.get(c)];
    return s[0] && s[1] && s[2] ? [s[0], s[1], s[2]] : undefined;
  };
  const first = (names: string[]) => names.map((n) => slots.get(n)).find((s) => s !== undefined);

  const xyz = trio('x', 'y', 'z');
  if (!xyz) return fail('FIELDS to include x, y and z');
  const t: PcdTargets = { xyz, rowSize: byteOffset, rowTokens: token };
  const packed = first(['rgb', 'rgba']);
  if (packed) {
    if (packed.field.size !== 4) fail(`field ${packed.field.name} to be 4 bytes (packed 0x00RRGGBB), found SIZE ${packed.field.size}`);
    t.packedRgb = packed;
  } else {
    const ch = trio('r', 'g', 'b') ?? trio('red', 'green', 'blue');
    // Only byte channels: wider or float channels have no agreed range to map to 0..255.
    if (ch && ch.every((s) => s.field.type === 'U' && s.field.size === 1)) t.channels = ch;
  }
  const normal = trio('normal_x', 'normal_y', 'normal_z');
  if (normal) t.normal = normal;
  const label = first(LABEL_NAMES);
  if (label) t.label = label;
  const instance = first(INSTANCE_NAMES);
  if (instance) t.instance = instance;
  return t;
}
