// Accepted layout edits as undoable changes. Versions are append-only (layout_versions), so undo
// cannot delete one: instead each scene has a current-version pointer (settings key
// `layout.current:<scene>`), and a commit writes the new version, moves the pointer and records one
// history entry whose patches replace ['sceneLayout', <scene>, 'current'], all in one transaction.
// Undo / redo (through SqliteQaEditor, which shares the scene's one stack) move the pointer back.
import type Database from 'better-sqlite3';
import { AppError } from '../../app/contract/errors';
import { applyCommand, replay as replayEntry, type Direction } from '../../app/history/command';
import type { HistoryEntry } from '../../app/history/types';
import type { HistoryReplayer } from '../qa-editor';
import type { LayoutCommit, LayoutEditor, LayoutVersion, LayoutVersionInfo, LayoutVersionRepository, SettingsRepository } from '../repositories';
import type { SqliteHistoryRepository } from './history';

export const LAYOUT_APPLY = 'layout.apply';
export const LAYOUT_RESTORE = 'layout.restore';
const ROOT = 'sceneLayout';

interface PointerDocument {
  [ROOT]: Record<string, { current: string | null }>;
}

/** True for history entries this module writes (and so replays). */
export const isLayoutEntry = (entry: Pick<HistoryEntry, 'kind'>) => entry.kind.startsWith('layout.');

export const layoutPointerKey = (sceneId: string) => `layout.current:${sceneId}`;

export class SqliteLayoutEditor implements LayoutEditor, HistoryReplayer {
  constructor(
    private readonly db: Database.Database,
    private readonly layouts: LayoutVersionRepository,
    private readonly settings: SettingsRepository,
    private readonly entries: SqliteHistoryRepository,
  ) {}

  currentVersion(sceneId: string): LayoutVersion | undefined {
    const id = this.pointer(sceneId);
    return id === null ? undefined : this.layouts.getVersion(id);
  }

  chain(sceneId: string): LayoutVersionInfo[] {
    const out: LayoutVersionInfo[] = [];
    const seen = new Set<string>();
    let at = this.pointer(sceneId);
    while (at !== null && !seen.has(at)) {
      seen.add(at);
      const v = this.layouts.getVersion(at);
      if (!v) break;
      const { documentJson: _, ...info } = v;
      out.push(info);
      at = v.parentId;
    }
    return out.reverse();
  }

  commit(sceneId: string, input: LayoutCommit): LayoutVersionInfo {
    const now = input.now ?? new Date();
    return this.db.transaction(() => {
      let current = this.pointer(sceneId);
      if (input.expectedCurrentId !== undefined && input.expectedCurrentId !== current) {
        throw new AppError('invalid_input', `the layout of scene ${sceneId} changed since this edit was previewed (now at ${current === null ? 'the scan layout' : `version ${this.layouts.getVersion(current)?.version ?? current}`}); preview it again`, { sceneId });
      }
      if (current === null && input.base) {
        // The scan's own layout becomes version 1, so it can be restored like any other; a load, not a change.
        current = this.layouts.saveVersion(sceneId, input.base.label, input.base.documentJson, null, now).id;
        this.settings.set(layoutPointerKey(sceneId), current, now);
      }
      const version = this.layouts.saveVersion(sceneId, input.label, input.documentJson, current, now);
      const doc: PointerDocument = { [ROOT]: { [sceneId]: { current } } };
      // The target is the new version, so two quick applies never merge into one undo step.
      const { entry } = applyCommand(doc, { label: input.label, kind: input.kind, target: version.id, recipe: (d) => void (d[ROOT][sceneId]!.current = version.id) }, now.getTime());
      this.settings.set(layoutPointerKey(sceneId), version.id, now);
      if (entry) this.entries.record(sceneId, entry);
      return version;
    }).immediate();
  }

  handles(entry: HistoryEntry): boolean {
    return isLayoutEntry(entry);
  }

  /** Moves the pointer to where the entry leads; called inside the undo/redo transaction. */
  replay(entry: HistoryEntry & { sceneId: string }, direction: Direction): void {
    for (const p of direction === 'undo' ? entry.inverse : entry.patches) {
      if (p.path[0] !== ROOT || p.path[1] !== entry.sceneId || p.path[2] !== 'current' || p.path.length !== 3) {
        throw new AppError('internal', `layout history patch has an unexpected path ${JSON.stringify(p.path)}`);
      }
    }
    const doc: PointerDocument = { [ROOT]: { [entry.sceneId]: { current: this.pointer(entry.sceneId) } } };
    const target = replayEntry(doc, entry, direction)[ROOT][entry.sceneId]?.current ?? null;
    if (target === null) this.settings.delete(layoutPointerKey(entry.sceneId));
    else this.settings.set(layoutPointerKey(entry.sceneId), target);
  }

  private pointer(sceneId: string): string | null {
    const v = this.settings.get(layoutPointerKey(sceneId));
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') throw new AppError('internal', `setting ${layoutPointerKey(sceneId)} holds ${JSON.stringify(v)}, expected a layout version id`);
    return v;
  }
}
