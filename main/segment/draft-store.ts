// Crash safety for segmentation drafts: after every change the host writes the draft's instances
// (ids, labels, sources, confidences, superpoint membership), its model version and a hash of the
// superpoints they refer to into the settings table under `segmentation.draft.<sceneId>`. After a
// restart the host recomputes the scene's superpoints (deterministic) and restores the draft only
// when their hash matches; accept and discard delete the record.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { SettingsRepository } from '../../db/repositories';
import type { DraftSnapshot } from '../../app/segment/segmentation-draft';

export const DRAFT_SETTING_PREFIX = 'segmentation.draft.';

const Count = z.number().int().nonnegative();

/** The stored record (format 1). Parsed on every read: a damaged record is discarded, never trusted. */
export const StoredDraft = z.object({
  format: z.literal(1),
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

export class DraftStore {
  constructor(
    private readonly settings: SettingsRepository,
    /** False in a read-only Scenewright: drafts then live in memory only. */
    private readonly writable: () => boolean,
  ) {}

  save(sceneId: string, record: Omit<StoredDraft, 'format' | 'savedAt'>, now = new Date()): void {
    if (!this.writable()) return;
    this.settings.set(key(sceneId), { format: 1, ...record, savedAt: now.toISOString() } satisfies StoredDraft, now);
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
    return this.settings.delete(key(sceneId));
  }
}

/** Setting keys hold 200 characters: a longer scene id is stored under its hash. */
const key = (sceneId: string) => `${DRAFT_SETTING_PREFIX}${sceneId.length <= 160 ? sceneId : `sha256:${createHash('sha256').update(sceneId).digest('hex')}`}`;
