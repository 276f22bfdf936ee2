// What the Layout tab lists for a preview: per changed object its move in centimetres and its turn in
// degrees, and per rule its margin; plus the ghost items the viewport draws. Pure, so it is tested
// without a browser.
import type { LayoutChange, LayoutConstraint, LayoutPreview } from '../../app/contract';
import type { GhostItem } from '../viewport/ghost-overlay';

export interface DiffRow {
  id: number;
  object: string;
  /** "moved 50 cm (x −48, y +14)", "removed", "added (copy)". */
  move: string;
  /** "turned +90°" or "" when the yaw is unchanged (under 0.5°). */
  turn: string;
  carried: boolean;
  /** Centimetres moved (horizontal and vertical together); null for removed / added. */
  cm: number | null;
  degrees: number | null;
}

const signed = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v)}`;

/** Smallest signed angle a − b in degrees, in (−180, 180]. */
export function turnDegrees(after: number, before: number): number {
  let d = ((after - before) * 180) / Math.PI;
  d = ((((d + 180) % 360) + 360) % 360) - 180;
  return d === -180 ? 180 : d;
}

export function diffRow(c: LayoutChange): DiffRow {
  const object = `${c.category} #${c.id}`;
  if (!c.after) return { id: c.id, object, move: 'removed', turn: '', carried: c.carried, cm: null, degrees: null };
  if (!c.before) return { id: c.id, object, move: 'added (copy)', turn: '', carried: c.carried, cm: null, degrees: null };
  const d = [0, 1, 2].map((k) => Math.round((c.after!.center[k]! - c.before!.center[k]!) * 100));
  const cm = Math.round(Math.hypot(...d));
  const parts = [`x ${signed(d[0]!)}`, `y ${signed(d[1]!)}`, ...(d[2] !== 0 ? [`z ${signed(d[2]!)}`] : [])];
  const degrees = Math.round(turnDegrees(c.after.yaw, c.before.yaw));
  return { id: c.id, object, move: cm === 0 ? 'stays' : `moved ${cm} cm (${parts.join(', ')})`, turn: degrees === 0 ? '' : `turned ${signed(degrees)}°`, carried: c.carried, cm, degrees };
}

/** "inside room: 32 cm", "no overlap: 4 cm (chair #14)", "walkway: ok". */
export function constraintText(c: LayoutConstraint): string {
  const name = c.name.replace(/_/g, ' ');
  const margin = c.margin === null ? (c.pass ? 'ok' : 'broken') : `${Math.round(c.margin * 100)} cm`;
  const by = c.blocker ? ` (${c.blocker.category} #${c.blocker.id})` : '';
  return `${name}: ${margin}${by}`;
}

export const parserName = (p: LayoutPreview['parser']) => (p === 'model' ? 'language model' : 'grammar parser');

/** The viewport's ghost for a preview: moved points and boxes of every change that has somewhere to go. */
export function ghostItems(changes: readonly LayoutChange[]): GhostItem[] {
  const box = (pose: LayoutChange['before'], size: LayoutChange['size']) => (pose ? { center: pose.center, size, yaw: pose.yaw } : null);
  return changes.map((c) => ({ instanceId: c.instanceId, matrix: c.matrix, after: box(c.after, c.size), before: box(c.before, c.size) }));
}
