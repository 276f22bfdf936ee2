// Crash safety for segmentation drafts: after every change the host writes the draft's instances
// (ids, labels, sources, confidences, superpoint membership), its model version and a hash of the
// superpoints they refer to into the settings table under `segmentation.draft.<sceneId>`. After a
// restart the host recomputes the scene's superpoints (deterministic) and restores the draft only
// when their hash matches; accept and discard delete the record. The superpoints and features
// themselves (main/segment/draft-basis.ts) are stored once per draft start under
// `segmentation.draft-basis.<sceneId>`, so the restore needs no segmentation run; a record without a
// basis (older, or too large to store) is restored by re-running segmentation. Deleting a scene deletes
// both keys in the same transaction (trigger in db/migrations/0004_scene_drafts.sql).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { SettingsRepository } from '../../db/repositories';
import type { DraftSnapshot } from '../../app/segment/segmentation-draft';
import { StoredBasis } from './draft-basis';

export const DRAFT_SETTING_PREFIX = 'segmentation.draft.';
export const BASIS_SETTING_PREFIX = 'segmentation.draft-basis.';

const Count = z.number().int().nonnegative();

/** The stored record (format 1). Parsed on every read: a damaged record is discarded, never trusted. */
export const StoredDraft = z.object({
  format: z.literal(1),
  /** The scene's id (absent in records of older versions): lets the scene-delete trigger find hashed keys. */
  sceneId: z.string().optional(),
  origin: z.enum(['model', 'geometric', 'empty']),
  modelVersion: z.string(),
  /** Points of the scene and superpoints of the segmentation the draft was made on. */
  pointCount: Count,
  superpointCount: Count,
  /** superpointHash() of the per-point superpoint ids. */
  superpointHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  nextId: Count,
  instances: z.array(
    z.object({
      id: Count,
      label: z.string(),
      confidence: z.number().min(0).max(1).nullable(),
      source: z.enum(['model', 'human']),
      superpoints: z.array(Count).min(1),
    }),
  ),
  savedAt: z.string(),
});
export type StoredDraft = z.infer<typeof StoredDraft>;

/** SHA-256 of the per-point superpoint ids (their little-endian bytes): equal hashes, equal superpoints. */
export function superpointHash(ids: Int32Array): string {
  const bytes = new Uint8Array(ids.buffer, ids.byteOffset, ids.byteLength);
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export function snapshotOf(record: StoredDraft): DraftSnapshot {
  return { nextId: record.nextId, instances: record.instances.map((i) => ({ ...i, superpoints: [...i.superpoints] })) };
}

export type DraftLoad = { ok: true; record: StoredDraft } | { ok: false; reason: string };
export type BasisLoad = { ok: true; record: StoredBasis } | { ok: false; reason: string };

export class DraftStore {
  constructor(
    private readonly settings: SettingsRepository,
    /** False in a read-only Scenewright: drafts then live in memory only. */
    private readonly writable: () => boolean,
  ) {}

  /** Per scene: the superpoint array whose basis this store wrote last, so an edit does not rewrite it. */
  private readonly basisOf = new Map<string, Int32Array>();

  /**
   * `basis.encode` runs only when the stored basis is not yet the one of `basis.of` (a session's
   * superpoint array: one per segmentation run); it answers the encoded basis, or null (too large:
   * the record is then restored by re-running segmentation). Written before the record.
   */
  save(sceneId: string, record: Omit<StoredDraft, 'format' | 'savedAt' | 'sceneId'>, basis?: { of: Int32Array; encode(): StoredBasis | null }, now = new Date()): void {
    if (!this.writable()) return;
    if (basis && this.basisOf.get(sceneId) !== basis.of) {
      this.basisOf.delete(sceneId);
      const b = basis.encode();
      if (b) this.settings.set(key(sceneId, BASIS_SETTING_PREFIX), b, now);
      else this.settings.delete(key(sceneId, BASIS_SETTING_PREFIX));
      this.basisOf.set(sceneId, basis.of);
    }
    this.settings.set(key(sceneId), { format: 1, sceneId, ...record, savedAt: now.toISOString() } satisfies StoredDraft, now);
  }

  /** The stored basis is the one of `of` (a draft restored from it): the next save does not rewrite it. */
  basisStored(sceneId: string, of: Int32Array): void {
    this.basisOf.set(sceneId, of);
  }

  /** undefined when none is stored; ok: false when the stored value is not a basis record. */
  loadBasis(sceneId: string): BasisLoad | undefined {
    let raw: unknown;
    try {
      raw = this.settings.get(key(sceneId, BASIS_SETTING_PREFIX));
    } catch (err) {
      return { ok: false, reason: err instanceof Error ? err.message : String(err) };
    }
    if (raw === undefined) return undefined;
    const parsed = StoredBasis.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { ok: false, reason: `its stored superpoints are damaged: ${issue.path.join('.') || 'record'}: ${issue.message}` };
    }
    return { ok: true, record: parsed.data };
  }

  /** undefined when the scene has no stored draft; ok: false when the stored value is not a draft record. */
  load(sceneId: string): DraftLoad | undefined {
    let raw: unknown;
    try {
      raw = this.settings.get(key(sceneId));
    } catch (err) {
      return { ok: false, reason: err instanceof Error ? err.message : String(err) };
    }
    if (raw === undefined) return undefined;
    const parsed = StoredDraft.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { ok: false, reason: `the stored draft is damaged: ${issue.path.join('.') || 'record'}: ${issue.message}` };
    }
    return { ok: true, record: parsed.data };
  }

  /** False when there was none (or the store is read-only). */
  clear(sceneId: string): boolean {
    if (!this.writable()) return false;
    this.basisOf.delete(sceneId);
    const hadBasis = this.settings.delete(key(sceneId, BASIS_SETTING_PREFIX));
    return this.settings.delete(key(sceneId)) || hadBasis;
  }
}

/** Setting keys hold 200 characters: a longer scene id is stored under its hash. */
export const draftKey = (sceneId: string, prefix = DRAFT_SETTING_PREFIX) => `${prefix}${sceneId.length <= 160 ? sceneId : `sha256:${createHash('sha256').update(sceneId).digest('hex')}`}`;
const key = draftKey;
