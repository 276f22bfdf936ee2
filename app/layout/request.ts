// A grounded edit: what the parser (or the future language model) produces once phrases are
// resolved to object ids. Amounts are metres, angles degrees counter-clockwise.
import type { Vec3 } from '../scene/types';

export const LAYOUT_RELATIONS = [
  'left_of',
  'right_of',
  'in_front_of',
  'behind',
  'next_to',
  'against_wall',
  'in_corner',
  'on_top_of',
  'under',
  'between',
  'facing',
  'facing_away',
  'centred_on',
  'aligned_with',
  'toward',
  'away_from',
] as const;
export type LayoutRelation = (typeof LAYOUT_RELATIONS)[number];

export type MoveDirection = 'left' | 'right' | 'forward' | 'backward';

/** Where "left" and "in front" are measured from: the reference object's own front, or the person looking. */
export type Frame = 'object' | 'viewer';

export interface Viewer {
  position: Vec3;
  /** Looking direction; only its horizontal part is used. */
  forward: Vec3;
}

/** A reference: an object id, the room itself ("centre it in the room"), or a wall by id. */
export type Reference = { kind: 'object'; id: number } | { kind: 'room' } | { kind: 'wall'; id: string };

export interface PlaceRequest {
  op: 'place';
  target: number;
  relation: LayoutRelation;
  reference?: Reference;
  /** The second object of "between". */
  reference2?: number;
  /** Gap (metres) for side relations, distance for toward/away; absent: the relation's default. */
  amount?: number;
  frame: Frame;
}

export type EditRequest =
  | PlaceRequest
  | { op: 'move'; target: number; direction: MoveDirection; amount?: number; frame: Frame }
  | { op: 'rotate'; target: number; degrees: number }
  | { op: 'swap'; target: number; other: number }
  | { op: 'remove'; target: number }
  | { op: 'duplicate'; target: number; place?: Omit<PlaceRequest, 'op' | 'target'> };
