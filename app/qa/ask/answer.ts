// Answers a grounded query with the workbench question engine, so a typed question gets the same
// evidence and margins as one built by clicks.
import type { Vec3 } from '../../scene/types';
import { SIZE_DIMENSIONS, sizeQuestion, type SizeQuestion } from '../workbench/object-size';
import type { QaScene } from '../workbench/objects';
import { distanceQuestion, relationQuestion, sideQuestion, type DistanceQuestion, type RelationQuestion, type ViewSpec } from '../workbench/questions';
import { matchCategory } from './ground';
import type { GroundedQuery, View } from './types';

export type QueryAnswer =
  | { kind: 'count'; category: string; count: number; objects: number[] }
  | DistanceQuestion
  | { kind: 'size'; answers: SizeQuestion[] }
  | RelationQuestion
  /** Every other object for which the relation holds, each with its evidence; `others` are those that failed. */
  | { kind: 'find'; matches: RelationQuestion[]; others: number }
  | { kind: 'no_direction'; reason: string };

function viewSpec(view: View<number>, scene: QaScene, camera?: { position: Vec3; forward: Vec3 }): ViewSpec {
  if (view.kind === 'camera') return { kind: 'camera', position: camera!.position, forward: camera!.forward };
  const by = (id: number) => scene.objects.find((o) => o.id === id)!;
  return { kind: 'objects', standBy: by(view.standBy), facing: by(view.facing) };
}

export function answerQuery(query: GroundedQuery, scene: QaScene, camera?: { position: Vec3; forward: Vec3 }): QueryAnswer {
  const by = (id: number) => {
    const o = scene.objects.find((x) => x.id === id);
    if (!o) throw new RangeError(`instance ${id} is not in scene ${scene.id}`);
    return o;
  };
  switch (query.kind) {
    case 'count': {
      const list = matchCategory(scene.objects, query.category);
      return { kind: 'count', category: query.category, count: list.length, objects: list.map((o) => o.id) };
    }
    case 'distance':
      return distanceQuestion(scene, by(query.a), by(query.b));
    case 'size':
      return { kind: 'size', answers: (query.dimension === 'all' ? SIZE_DIMENSIONS : [query.dimension]).map((d) => sizeQuestion(by(query.target), d)) };
    case 'relation':
      return relationQuestion(scene, query.relation, by(query.a), by(query.b), query.c === undefined ? undefined : by(query.c));
    case 'side': {
      const q = sideQuestion(query.side, by(query.target), viewSpec(query.view!, scene, camera), query.reference === undefined ? undefined : by(query.reference));
      return q ?? { kind: 'no_direction', reason: 'the target or the reference is straight above or below the observer' };
    }
    case 'find': {
      const reference = by(query.reference);
      const results: RelationQuestion[] = [];
      for (const o of scene.objects) {
        if (o.id === reference.id) continue;
        if (query.relation === 'left' || query.relation === 'right' || query.relation === 'front' || query.relation === 'behind') {
          const view = viewSpec(query.view!, scene, camera);
          if (view.kind === 'objects' && (view.standBy.id === o.id || view.facing.id === o.id)) continue;
          const q = sideQuestion(query.relation, o, view, reference);
          if (q) results.push(q);
        } else if (query.relation !== 'between') results.push(relationQuestion(scene, query.relation, o, reference));
      }
      const matches = results.filter((r) => r.answer === 'yes');
      return { kind: 'find', matches, others: results.length - matches.length };
    }
  }
}
