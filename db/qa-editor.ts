// Changes a person makes to saved QA items, as undoable commands. Each change, and each undo or
// redo, is one immediate transaction holding both the new item revisions and the history entry, so
// the store and its undo history can never disagree, even after a crash.
import type Database from 'better-sqlite3';
import { AppError } from '../app/contract/errors';
import type { HistoryState, QaItem, QaItemChanges, QaItemInput, UndoResult } from '../app/contract/schemas';
import { applyCommand, replay, type Direction } from '../app/history/command';
import { changeItemCommand, createItemCommand, touchedItems, type QaDocument } from '../app/history/qa-document';
import { changeItemsCommand } from '../app/history/qa-batch';
import type { Command, HistoryEntry } from '../app/history/types';
import type { EditMeta, QaEditor, QaSaveMeta } from './repositories';
import { entryInfo, type SqliteHistoryRepository, type StoredHistoryEntry } from './sqlite/history';
import { newItem, type SqliteQaItemRepository } from './sqlite/qa-items';

/** Undo/redo of history entries that are not about QA items (e.g. accepted instances), by kind. */
export interface HistoryReplayer {
  handles(entry: HistoryEntry): boolean;
  /** Writes the state the entry leads to in `direction`; runs inside the undo/redo transaction. */
  replay(entry: StoredHistoryEntry, direction: Direction): void;
}

export class SqliteQaEditor implements QaEditor {
  constructor(
    private readonly db: Database.Database,
    private readonly items: SqliteQaItemRepository,
    private readonly entries: SqliteHistoryRepository,
    /** Other kinds of change that share the scene's one history (one undo stack per scene). */
    private readonly replayers: readonly HistoryReplayer[] = [],
  ) {}

  save(input: QaItemInput, meta: QaSaveMeta): QaItem {
    const item = newItem(input, meta);
    const now = new Date(item.createdAt);
    return this.db.transaction(() => {
      this.execute(item.sceneId, createItemCommand(item), [item.id], now);
      return this.mustGet(item.id);
    }).immediate();
  }

  update(id: string, changes: QaItemChanges, meta: EditMeta = {}): QaItem {
    const now = meta.now ?? new Date();
    return this.db.transaction(() => {
      const current = this.items.get(id);
      if (!current) throw new AppError('not_found', `no QA item with id ${id}`, { id });
      this.execute(current.sceneId, changeItemCommand(id, changes), [id], now);
      return this.mustGet(id);
    }).immediate();
  }

  updateMany(ids: readonly string[], changes: QaItemChanges, meta: EditMeta = {}): QaItem[] {
    const now = meta.now ?? new Date();
    const unique = [...new Set(ids)];
    return this.db.transaction(() => {
      const scenes = new Set<string>();
      for (const id of unique) {
        const current = this.items.get(id);
        if (!current) throw new AppError('not_found', `no QA item with id ${id}`, { id });
        scenes.add(current.sceneId);
      }
      // Undo history is per scene, so one undo step cannot span two scenes.
      if (scenes.size > 1) throw new AppError('invalid_input', `a batch change must stay within one scene; these items belong to ${[...scenes].join(', ')}`);
      const [sceneId] = scenes;
      if (sceneId !== undefined) this.execute(sceneId, changeItemsCommand(unique, changes), unique, now);
      return unique.map((id) => this.mustGet(id));
    }).immediate();
  }

  undo(sceneId: string, meta: EditMeta = {}): UndoResult {
    return this.step(sceneId, 'undo', meta.now ?? new Date());
  }

  redo(sceneId: string, meta: EditMeta = {}): UndoResult {
    return this.step(sceneId, 'redo', meta.now ?? new Date());
  }

  history(sceneId: string, limit: number): HistoryState {
    return this.db.transaction(() => ({
      sceneId,
      entries: this.entries.list(sceneId, limit).map(entryInfo),
      ...this.can(sceneId),
    }))();
  }

  private step(sceneId: string, direction: Direction, now: Date): UndoResult {
    return this.db.transaction(() => {
      const entry = direction === 'undo' ? this.entries.top(sceneId) : this.entries.nextRedo(sceneId);
      if (!entry) return { applied: null, ...this.can(sceneId) };
      const replayer = this.replayers.find((r) => r.handles(entry));
      if (replayer) replayer.replay(entry, direction);
      else {
        const patches = direction === 'undo' ? entry.inverse : entry.patches;
        const before: QaDocument = { items: this.items.slice(touchedItems(patches)) };
        this.write(before, replay(before, entry, direction), now);
      }
      this.entries.setUndone(entry.id, direction === 'undo');
      const applied: StoredHistoryEntry = { ...entry, undone: direction === 'undo' };
      return { applied: entryInfo(applied), ...this.can(sceneId) };
    }).immediate();
  }

  private execute(sceneId: string, command: Command<QaDocument>, ids: string[], now: Date): void {
    const before: QaDocument = { items: this.items.slice(ids) };
    const { doc: after, entry } = applyCommand(before, command, now.getTime());
    if (!entry) return;
    this.write(before, after, now);
    this.entries.record(sceneId, entry);
  }

  /** Every item that differs between the two slices gets a new revision; a removed one a deleted revision. */
  private write(before: QaDocument, after: QaDocument, now: Date): void {
    const ids = new Set([...Object.keys(before.items), ...Object.keys(after.items)]);
    for (const id of ids) {
      const was = before.items[id];
      const is = after.items[id];
      if (was === is) continue; // immer shares what a change left alone
      if (is) this.items.put(is, false, now);
      else if (was) this.items.put(was, true, now);
    }
  }

  private can(sceneId: string) {
    return { canUndo: this.entries.top(sceneId) !== undefined, canRedo: this.entries.nextRedo(sceneId) !== undefined };
  }

  private mustGet(id: string): QaItem {
    const item = this.items.get(id);
    if (!item) throw new AppError('internal', `QA item ${id} was not found right after it was saved`);
    return item;
  }
}
