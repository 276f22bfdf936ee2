// Contract handlers for layout editing (app/contract/layout-schemas.ts). A preview runs the
// instruction on the scene's current layout and is kept in memory under an id; applying it stores the
// edited document as a new layout version (one undo step, db/sqlite/layout-history.ts) and lays the
// loaded scene out in it (layout-scene.ts: points moved, removed objects dropped, copies added); undo / redo of that step take it back.
import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppError, LAYOUT_EXPORT_EXTENSION, type Handlers, type LayoutChange, type LayoutPreview, type LayoutVersionEntry, type LayoutVersionList, type UndoResult } from '../../app/contract';
import { writePly } from '../../app/formats/ply/writePly';
import { layoutPlan, movedPoints } from '../../app/layout/moved-points';
import { layoutChangeCount, poseDeltaMatrix } from '../../app/layout/pose-delta';
import { toSpatialLm } from '../../app/layout/spatiallm';
import type { EditRequest } from '../../app/layout/request';
import type { LayoutDocument, LayoutObject, PoseChange } from '../../app/layout/types';
import { isLayoutEntry } from '../../db/sqlite/layout-history';
import type { LayoutEditor, LayoutVersionInfo, LayoutVersionRepository, QaEditor, SceneRepository } from '../../db/repositories';
import { answerLayoutInstruction } from '../layout/layout-model-store';
import { currentLayout, parseVersion, scanLayout, scannedScene, showLayout } from './layout-scene';
import type { LoadedScene, SceneRegistry } from './scene-registry';

/** A user's layout model goes in <data dir>/models/ under this name (main/layout/layout-model-store.ts). */
export { LAYOUT_MODEL_FILE } from '../layout/layout-model-store';
/** Previews kept for apply (newest win); an older id must be previewed again. */
const MAX_PREVIEWS = 16;

export interface LayoutHandlerDeps {
  dataDir: string;
  registry: SceneRegistry;
  scenes: SceneRepository;
  layouts: LayoutVersionRepository;
  layoutEditor: LayoutEditor;
  editor: QaEditor;
  requireWritable(): void;
}

type LayoutHandlers = Pick<Handlers, 'previewLayoutEdit' | 'applyLayoutEdit' | 'listLayoutVersions' | 'restoreLayoutVersion' | 'exportLayout'>;

interface Preview {
  sceneId: string;
  /** The current version the edit was made on (null: the scan's own layout). */
  versionId: string | null;
  op: EditRequest['op'];
  describe: string;
  doc: LayoutDocument;
}

export interface LayoutEditing {
  handlers: LayoutHandlers;
  /** After undo / redo: a layout entry moves the loaded scene's points to the now current version. */
  afterHistoryStep(sceneId: string, result: UndoResult): Promise<void>;
}


/**
 * The diff of a preview, each change with the instance whose shown points draw its ghost and the
 * motion that takes them there: a moved object's own points; a copy's, the points of the object it
 * copies as shown now; a removed object's, none (its box only). `shownInstance` maps an object of the
 * current layout to the instance id its points carry in the shown scene (copies have their own).
 */
export function changesOf(doc: LayoutDocument, edited: LayoutDocument, changes: readonly PoseChange[], shownInstance: (o: LayoutObject) => number | null): LayoutChange[] {
  return changes.map((c) => {
    const was = doc.objects.find((o) => o.id === c.id);
    const is = edited.objects.find((o) => o.id === c.id);
    const o = is ?? was!;
    const source = c.copyOf !== undefined ? doc.objects.find((x) => x.id === c.copyOf) : undefined;
    const instanceId = source ? shownInstance(source) : was ? shownInstance(was) : null;
    const from = c.before ?? source?.pose ?? null;
    const matrix = c.after && from ? poseDeltaMatrix(from, c.after) : null;
    return { id: c.id, category: c.category, instanceId, before: c.before, after: c.after, carried: !!c.carried, matrix, size: [...o.size] };
  });
}

/** The instance id an object's points carry in the scene as shown in `doc` (copies have their own; box-only layouts none). */
function shownInstanceOf(loaded: LoadedScene, doc: LayoutDocument): (o: LayoutObject) => number | null {
  let copies: Map<number, number> | null = null;
  return (o) => {
    if (o.instanceId === undefined) return null;
    if (o.instanceId === o.id) return o.id;
    copies ??= new Map(layoutPlan(scannedScene(loaded), scanLayout(loaded), doc).copies.map((c) => [c.o.id, c.instance]));
    return copies.get(o.id) ?? null;
  };
}

export function createLayoutEditing(deps: LayoutHandlerDeps): LayoutEditing {
  const previews = new Map<string, Preview>();
  const movedCounts = new Map<string, number>();

  const dropPreviews = (sceneId: string) => {
    for (const [id, p] of previews) if (p.sceneId === sceneId) previews.delete(id);
  };

  const entryOf = (loaded: LoadedScene, v: LayoutVersionInfo): LayoutVersionEntry => {
    let moved = movedCounts.get(v.id);
    if (moved === undefined) {
      const full = deps.layouts.getVersion(v.id);
      moved = full ? layoutChangeCount(scanLayout(loaded), parseVersion(full)) : 0;
      movedCounts.set(v.id, moved);
    }
    return { id: v.id, version: v.version, parentId: v.parentId, label: v.label, createdAt: v.createdAt, moved };
  };

  const list = (loaded: LoadedScene): LayoutVersionList => {
    const sceneId = loaded.scene.id;
    const { doc, version } = currentLayout(loaded, deps.layoutEditor);
    const { canUndo, canRedo } = deps.editor.history(sceneId, 1);
    return { sceneId, versions: deps.layoutEditor.chain(sceneId).map((v) => entryOf(loaded, v)), currentId: version?.id ?? null, objects: doc.objects.length, history: { canUndo, canRedo } };
  };

  const stored = async (sceneId: string) => {
    const loaded = await deps.registry.get(sceneId);
    if (!deps.scenes.get(sceneId)) throw new AppError('not_found', `scene ${sceneId} is not in the database, so its layout cannot be saved`, { sceneId });
    return loaded;
  };

  const handlers: LayoutHandlers = {
    async previewLayoutEdit({ sceneId, instruction, selection, viewer }) {
      const loaded = await deps.registry.get(sceneId);
      const t0 = performance.now();
      const { doc, version } = currentLayout(loaded, deps.layoutEditor);
      // The language model when one loads (data dir, else bundled), the grammar parser otherwise or when the model is unsure.
      const answered = await answerLayoutInstruction(deps.dataDir, doc, instruction, { selection: selection ?? [], ...(viewer ? { viewer } : {}) });
      const { edit } = answered;
      const parser = edit.parser;
      const parserReason = answered.reason;
      const base: LayoutPreview = {
        sceneId,
        instruction,
        parser,
        parserReason,
        status: edit.status,
        previewId: null,
        ms: 0,
        grounding: null,
        describe: null,
        reason: null,
        candidates: [],
        changes: [],
        moves: [],
        constraintsAtIdeal: [],
      };
      const done = (p: LayoutPreview): LayoutPreview => ({ ...p, ms: performance.now() - t0 });
      if (!('grounding' in edit)) {
        const candidates = (edit.candidates ?? []).map((id) => ({ id, category: doc.objects.find((o) => o.id === id)?.category ?? '?' }));
        return done({ ...base, reason: edit.reason, candidates });
      }
      const grounding = { ...edit.grounding, target: { ...edit.grounding.target }, amount: edit.grounding.amount ? { ...edit.grounding.amount } : null };
      const r = edit.result;
      if (!r.ok) return done({ ...base, grounding, describe: r.describe, reason: r.reason, constraintsAtIdeal: r.constraints });
      const previewId = randomUUID();
      previews.set(previewId, { sceneId, versionId: version?.id ?? null, op: r.op, describe: r.describe, doc: r.outcome.document });
      while (previews.size > MAX_PREVIEWS) previews.delete(previews.keys().next().value!);
      return done({
        ...base,
        previewId,
        grounding,
        describe: r.describe,
        changes: changesOf(doc, r.outcome.document, r.outcome.changes, shownInstanceOf(loaded, doc)),
        moves: r.moves.map((m) => ({ id: m.id, category: m.category, relation: { relation: m.relation.relation, holds: m.relation.holds, measured: m.relation.measured }, constraints: m.constraints })),
      });
    },

    async applyLayoutEdit({ sceneId, previewId }) {
      deps.requireWritable();
      const p = previews.get(previewId);
      if (!p || p.sceneId !== sceneId) throw new AppError('not_found', `no layout preview ${previewId} for scene ${sceneId} (previews end when the layout changes); preview the instruction again`, { sceneId, previewId });
      const loaded = await stored(sceneId);
      const base = p.versionId === null ? { label: 'Scan layout', documentJson: JSON.stringify(scanLayout(loaded)) } : undefined;
      const v = deps.layoutEditor.commit(sceneId, { label: `Layout: ${p.describe}`.slice(0, 200), documentJson: JSON.stringify(p.doc), kind: 'layout.apply', expectedCurrentId: p.versionId, ...(base ? { base } : {}) });
      dropPreviews(sceneId);
      showLayout(loaded, p.doc);
      return { version: entryOf(loaded, v), list: list(loaded) };
    },

    async listLayoutVersions({ sceneId }) {
      return list(await deps.registry.get(sceneId));
    },

    async restoreLayoutVersion({ sceneId, versionId }) {
      deps.requireWritable();
      const loaded = await stored(sceneId);
      const v = deps.layouts.getVersion(versionId);
      if (!v || v.sceneId !== sceneId) throw new AppError('not_found', `no layout version ${versionId} in scene ${sceneId}`, { sceneId, versionId });
      if (deps.layoutEditor.currentVersion(sceneId)?.id === v.id) throw new AppError('invalid_input', `version ${v.version} is already the current layout of scene ${sceneId}`, { sceneId, versionId });
      const doc = parseVersion(v);
      const out = deps.layoutEditor.commit(sceneId, { label: `Restore layout version ${v.version}`, documentJson: v.documentJson, kind: 'layout.restore' });
      dropPreviews(sceneId);
      showLayout(loaded, doc);
      return { version: entryOf(loaded, out), list: list(loaded) };
    },

    async exportLayout({ sceneId, format, path }) {
      const loaded = await deps.registry.get(sceneId);
      const { doc, version } = currentLayout(loaded, deps.layoutEditor);
      const ext = LAYOUT_EXPORT_EXTENSION[format];
      const file = resolve(path ?? join(deps.dataDir, 'exports', `${sceneId.replace(/[^A-Za-z0-9._-]+/g, '_')}-layout-${version ? `v${version.version}` : 'scan'}${ext}`));
      let body: Uint8Array | string;
      let count: number;
      if (format === 'ply') {
        const moved = movedPoints(scannedScene(loaded), scanLayout(loaded), doc);
        body = writePly({ positions: moved.positions, colors: moved.colors, scalars: { instance: moved.instanceIds } });
        count = moved.instanceIds.length;
      } else {
        body = format === 'spatiallm' ? toSpatialLm(doc) : `${JSON.stringify(doc, null, 1)}\n`;
        count = doc.objects.length;
      }
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      try {
        mkdirSync(dirname(file), { recursive: true });
        // Whole or absent: a reader never sees half a file.
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, bytes);
        renameSync(tmp, file);
      } catch (err) {
        throw new AppError('invalid_input', `cannot write ${file}: ${err instanceof Error ? err.message : String(err)}`, { path: file });
      }
      return { file, format, bytes: bytes.byteLength, versionId: version?.id ?? null, count };
    },
  };

  return {
    handlers,
    async afterHistoryStep(sceneId, result) {
      if (!result.applied || !isLayoutEntry(result.applied)) return;
      dropPreviews(sceneId);
      const loaded = await deps.registry.get(sceneId);
      const now = deps.layoutEditor.currentVersion(sceneId);
      showLayout(loaded, now ? parseVersion(now) : null);
    },
  };
}
