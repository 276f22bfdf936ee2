// Per-point data the viewer colours by besides RGB and instances: superpoint ids and model
// confidence. Kept per loaded scene in host memory: superpoints are computed on first request
// (app/segment: the k-NN variant for point clouds) or taken from a segmentation run, which also
// gives each point the confidence of the instance it was assigned to.
import { pointSuperpoints } from '../../app/segment/point-superpoints';
import type { LoadedScene } from './scene-registry';

export interface PointOverlays {
  superpointIds?: Int32Array<ArrayBuffer>;
  /** Superpoints found, and how: a segmentation run's, or computed for the viewer. */
  superpointCount?: number;
  superpointMethod?: 'segmentation' | 'points';
  /** 0..1 per point: the confidence of the point's instance (0 where none). */
  confidence?: Float32Array<ArrayBuffer>;
}

export interface SegmentationOutput {
  superpoints: Int32Array;
  superpointCount: number;
  instances: ReadonlyArray<{ id: number; confidence: number }>;
  instanceIds: Int32Array;
}

/** Confidence per point from per-instance confidences; unassigned points get 0. */
export function pointConfidence(instanceIds: Int32Array, instances: ReadonlyArray<{ id: number; confidence: number }>): Float32Array<ArrayBuffer> {
  const byId = new Map(instances.map((i) => [i.id, Math.min(1, Math.max(0, i.confidence))]));
  const out = new Float32Array(instanceIds.length);
  for (let k = 0; k < instanceIds.length; k++) out[k] = byId.get(instanceIds[k]!) ?? 0;
  return out;
}

export class PointOverlayStore {
  private readonly byScene = new Map<string, PointOverlays>();

  /** What openScene adds to the buffers (nothing until computed or segmented). */
  buffersFor(sceneId: string): Pick<PointOverlays, 'superpointIds' | 'confidence'> {
    const o = this.byScene.get(sceneId);
    return { ...(o?.superpointIds ? { superpointIds: o.superpointIds } : {}), ...(o?.confidence ? { confidence: o.confidence } : {}) };
  }

  /** The scene's superpoints, computed once on first request when no segmentation gave them. */
  superpoints(loaded: LoadedScene): { ids: Int32Array<ArrayBuffer>; count: number; method: 'segmentation' | 'points' } {
    const o = this.entry(loaded.scene.id);
    if (!o.superpointIds) {
      const sp = pointSuperpoints(loaded.scene.positions, loaded.scene.colors);
      o.superpointIds = sp.ids as Int32Array<ArrayBuffer>;
      o.superpointCount = sp.count;
      o.superpointMethod = 'points';
    }
    return { ids: o.superpointIds, count: o.superpointCount ?? 0, method: o.superpointMethod ?? 'points' };
  }

  /** A segmentation run's superpoints and per-point confidences replace what was there. */
  recordSegmentation(sceneId: string, r: SegmentationOutput): void {
    const o = this.entry(sceneId);
    o.superpointIds = r.superpoints as Int32Array<ArrayBuffer>;
    o.superpointCount = r.superpointCount;
    o.superpointMethod = 'segmentation';
    o.confidence = pointConfidence(r.instanceIds, r.instances);
  }

  private entry(sceneId: string): PointOverlays {
    let o = this.byScene.get(sceneId);
    if (!o) this.byScene.set(sceneId, (o = {}));
    return o;
  }
}
