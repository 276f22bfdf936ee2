// "Open room" of the Audit tab: open a disagreement's room as the box-only scene
// `<meta path>#<scene_name>` (the scene already listed from that source, else imported through the
// normal import path) and, once that room is the open scene, draw the audit's evidence moved into
// its frame. The drawing goes through the Ask panel's channel (useAsk `show`), which keeps it past
// the scene switch and clears it on Escape like an answer's.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditDisagreement, SceneSummary } from '../../app/contract';
import { auditEvidenceInRoom } from '../../app/qa/vsibench/audit-room';
import { VSI_META_FORMAT } from '../../app/scene/boxes/vsi-meta-scan';
import { evidenceView } from './ask-evidence';
import { auditCaption, disagreementKey } from './audit-view';
import type { AskActions } from './use-ask';
import type { WorkbenchState } from './workbench-state';

export interface AuditRoomOptions {
  scene: WorkbenchState['scene'];
  boxScene: WorkbenchState['boxScene'];
  scenes: readonly SceneSummary[];
  openScene(sceneId: string): Promise<void>;
  importPath(path: string): Promise<void>;
  show: AskActions['show'];
  onError(err: unknown): void;
}

/** The scene `<meta path>#<scene_name>` imports as; the host resolves paths, so sources compare as written. */
export const roomSource = (metaPath: string, d: Pick<AuditDisagreement, 'scene_name'>) => `${metaPath}#${d.scene_name}`;

const isRoomOf = (scene: WorkbenchState['scene'], boxScene: WorkbenchState['boxScene'], d: AuditDisagreement) =>
  !!scene && !!boxScene && scene.format === VSI_META_FORMAT && scene.name === d.scene_name;

export function useAuditRoom(o: AuditRoomOptions): (d: AuditDisagreement, metaPath: string) => void {
  /** The disagreement to draw, and the scene that was open when it was asked for. */
  const [pending, setPending] = useState<{ d: AuditDisagreement; from: WorkbenchState['scene'] } | null>(null);
  const live = useRef(o);
  live.current = o;

  useEffect(() => {
    if (!pending) return;
    const { scene, boxScene, show, onError } = live.current;
    if (!isRoomOf(scene, boxScene, pending.d)) {
      // Another scene opened instead (the user's choice, or the import failed and they moved on).
      if (scene !== pending.from) setPending(null);
      return;
    }
    setPending(null);
    try {
      const evidence = auditEvidenceInRoom(pending.d, { name: scene!.name, origin: scene!.origin, boxes: boxScene!.boxes });
      const labels = new Map(boxScene!.boxes.map((b) => [b.instanceId, b.label]));
      show(scene!.id, { kind: 'shown', key: disagreementKey(pending.d), caption: auditCaption(pending.d), view: evidenceView(evidence, (id) => labels.get(id) ?? `#${id}`) });
    } catch (err) {
      onError(err);
    }
  }, [pending, o.scene, o.boxScene]);

  return useCallback((d: AuditDisagreement, metaPath: string) => {
    const { scene, boxScene, scenes, openScene, importPath } = live.current;
    setPending({ d, from: scene });
    if (isRoomOf(scene, boxScene, d)) return;
    const source = roomSource(metaPath, d);
    const known = scenes.find((s) => s.source === source);
    void (known ? openScene(known.id) : importPath(source));
  }, []);
}
