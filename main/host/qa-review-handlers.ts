// Contract handlers of the review queue: generate draft questions for a scene, page the queue with
// filters, accept or reject a batch as one undo step, and the statistics of what is stored.
import { AppError, type GenerateQuestionsResult, type Handlers } from '../../app/contract';
import { generatedItemInput } from '../../app/qa/review/items';
import { qaStats } from '../../app/qa/review/stats';
import { curateQuestions } from '../../app/qa/vsibench/curate';
import { generateQuestions } from '../../app/qa/vsibench/generate';
import { QUESTION_TYPES } from '../../app/qa/vsibench/questions';
import { STRUCTURE_LABELS } from '../../app/qa/vsibench/point-scene';
import type { BoxScene } from '../../app/qa/vsibench/meta';
import { boxSceneOfScene } from '../../app/qa/vsibench/scene-boxes';
import type { PointScene } from '../../app/scene/types';
import { ENGINE_VERSION } from '../../app/version';
import type { QaEditor, QaItemRepository, QaReviewQueries } from '../../db/repositories';
import type { SceneRegistry } from './scene-registry';

export interface QaReviewDeps {
  registry: SceneRegistry;
  qaItems: QaItemRepository;
  editor: QaEditor;
  qaReview: QaReviewQueries;
  requireWritable(): void;
}

type ReviewHandlers = Pick<Handlers, 'generateQuestions' | 'reviewQaItems' | 'qaStats'>;

/** Box scenes by scene object: tight boxes and the floor's alpha shape are computed once per loaded scene. */
const boxScenes = new WeakMap<PointScene, { instanceIds: Int32Array; box: BoxScene }>();
function cachedBoxScene(scene: PointScene): BoxScene {
  const hit = boxScenes.get(scene);
  // Segmentation gives a scene new instance ids: its boxes are rebuilt then.
  if (hit && hit.instanceIds === scene.instanceIds) return hit.box;
  const box = boxSceneOfScene(scene);
  boxScenes.set(scene, { instanceIds: scene.instanceIds, box });
  return box;
}

export function createQaReviewHandlers(deps: QaReviewDeps): ReviewHandlers {
  return {
    async generateQuestions({ sceneId, types, seed, perType }) {
      deps.requireWritable();
      const loaded = await deps.registry.get(sceneId);
      const box = cachedBoxScene(loaded.scene);
      const chosen = types ?? [...QUESTION_TYPES];
      // Questions stored before (any status) are not asked again: a second run adds only new ones.
      const existing = deps.qaReview.generatedQuestionIds(sceneId);
      const set = curateQuestions(generateQuestions(box, { types: chosen, seed }), { perType, seed, existing });
      const provenance = { engineVersion: ENGINE_VERSION, seed, perType, types: chosen };
      // Machine output, like a load: stored in one transaction, outside undo history.
      deps.qaItems.saveMany(
        set.questions.map((q) => generatedItemInput(q, box, sceneId, provenance)),
        { engineVersion: ENGINE_VERSION },
      );
      const perTypeCounts: Record<string, number> = {};
      for (const q of set.questions) perTypeCounts[q.question_type] = (perTypeCounts[q.question_type] ?? 0) + 1;
      const dropped = new Map<string, GenerateQuestionsResult['dropped'][number]>();
      for (const d of set.dropped) {
        const key = `${d.question_type}\u0000${d.rule}`;
        const hit = dropped.get(key);
        if (hit) hit.count++;
        else dropped.set(key, { type: d.question_type, rule: d.rule, count: 1, example: d.reason });
      }
      return {
        sceneId,
        created: set.questions.length,
        perType: perTypeCounts,
        dropped: [...dropped.values()],
        droppedTotal: set.dropped.length,
        objects: box.categories.reduce((n, c) => n + box.instances[c]!.length, 0),
        engineVersion: ENGINE_VERSION,
      };
    },

    reviewQaItems({ ids, action }) {
      deps.requireWritable();
      return { items: deps.editor.updateMany(ids, { status: action === 'accept' ? 'verified' : 'rejected' }) };
    },

    async qaStats({ sceneId }) {
      let objectsPresent: number | null = null;
      if (sceneId !== undefined) {
        try {
          const { scene, instances } = await deps.registry.get(sceneId);
          // The objects questions may name, as the generator sees them: no structure, none without points.
          const isObject = (label: string) => !STRUCTURE_LABELS.includes(label.toLowerCase());
          objectsPresent = scene.boxScene ? scene.boxScene.boxes.filter((b) => isObject(b.label)).length : instances.filter((i) => i.pointCount > 0 && isObject(i.label)).length;
        } catch (err) {
          // Items outlive their scene (a deleted cache): statistics still count them, without coverage denominators.
          if (!(err instanceof AppError)) throw err;
        }
      }
      return qaStats(deps.qaReview.statRows(sceneId), { objectsPresent });
    },
  };
}

/** listQaItems with review filters: one page in the asked order. */
export function listFiltered(
  deps: Pick<QaReviewDeps, 'qaItems' | 'qaReview'>,
  query: { sceneId?: string; status?: 'draft' | 'verified' | 'rejected'; kinds?: string[]; origin?: 'generated' | 'workbench'; order: 'newest' | 'oldest'; limit: number; offset: number },
) {
  const { ids, total } = deps.qaReview.page(query);
  return { items: ids.map((id) => deps.qaItems.get(id)).filter((i) => i !== undefined), total };
}
