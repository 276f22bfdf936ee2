// Typed questions as structured queries. A parsed query names objects by phrase (ObjectRef); a
// grounded one names them by instance id. Grounding never guesses: a reference that several
// objects fit comes back as `ambiguous`, so the UI can ask the user to click one.
import type { SpatialRelation } from '../../geometry/relations';
import type { ViewSide } from '../../geometry/view-angle';
import type { SizeDimension } from '../workbench/object-size';

export type ColorName = 'black' | 'white' | 'gray' | 'red' | 'orange' | 'yellow' | 'green' | 'blue' | 'purple' | 'pink' | 'brown';

export type Attribute =
  | { kind: 'color'; color: ColorName }
  | { kind: 'size'; size: 'small' | 'big' }
  /** "the chair by the window": the candidate nearest the anchor. */
  | { kind: 'near'; anchor: ObjectRef }
  /** "the left chair": the left-most (right-most) candidate from the current camera. */
  | { kind: 'side'; side: 'left' | 'right' };

export type ObjectRef =
  | { kind: 'category'; phrase: string; category: string; attributes: Attribute[] }
  /** "this", "that", "it", "this chair": the n-th selected object (category checked when given). */
  | { kind: 'selection'; phrase: string; index: number; category?: string };

export type View<R> = { kind: 'objects'; standBy: R; facing: R } | { kind: 'camera' };

export type Query<R> =
  | { kind: 'count'; category: string; phrase: string }
  | { kind: 'distance'; a: R; b: R }
  | { kind: 'size'; target: R; dimension: SizeDimension | 'all' }
  | { kind: 'relation'; relation: SpatialRelation; a: R; b: R; c?: R }
  /** Is the target on that side (of the reference, else of the facing direction)? */
  | { kind: 'side'; side: ViewSide; target: R; reference?: R; view?: View<R> }
  /** Which objects are on/under/left of… the reference? */
  | { kind: 'find'; relation: SpatialRelation | ViewSide; reference: R; view?: View<R> };

export type ParsedQuery = Query<ObjectRef>;
export type GroundedQuery = Query<number>;

export type ParseResult = { kind: 'parsed'; query: ParsedQuery } | { kind: 'unsupported'; text: string; reason: string };

export type AskResult =
  | { kind: 'query'; query: GroundedQuery }
  /** Several objects fit `phrase`: ask the user to click one of `candidates` (instance ids). */
  | { kind: 'ambiguous'; phrase: string; candidates: number[]; reason: string }
  | { kind: 'not_found'; phrase: string; reason: string }
  | { kind: 'unsupported'; text: string; reason: string };
