// Layout editing by instruction in the workbench: preview an edit (which parser read it, what it was
// grounded to, every pose change with the motion that draws its ghost, every rule with its margin, or
// the refusal), apply it as a new layout version with one undo step, list and restore versions, and
// export the edited scene. The ghost's points never cross the bridge: each change carries a 4×4
// matrix and the renderer moves the instance's own points with it.
import { z } from 'zod';
import { Id, Vec3 } from './schemas';

export const LayoutPose = z.object({ center: Vec3, yaw: z.number() }).strict();
export type LayoutPose = z.infer<typeof LayoutPose>;

export const LayoutViewer = z.object({ position: Vec3, forward: Vec3 }).strict();

export const PreviewLayoutEditInput = z
  .object({
    sceneId: Id,
    instruction: z.string().trim().min(1).max(500),
    /** Selected instance ids in click order ("it", "this", "that"). */
    selection: z.array(z.number().int()).max(16).optional(),
    /** Where the person looks from, for "to my left" / "from here". */
    viewer: LayoutViewer.optional(),
  })
  .strict();
export type PreviewLayoutEditInput = z.infer<typeof PreviewLayoutEditInput>;

const Phrase = z.object({ phrase: z.string(), id: z.union([z.number(), z.string()]), category: z.string() }).strict();

export const LayoutGrounding = z
  .object({
    intent: z.string(),
    target: Phrase,
    relation: z.string(),
    reference: Phrase.nullable(),
    reference2: Phrase.nullable(),
    amount: z.object({ metres: z.number(), text: z.string(), vague: z.boolean() }).strict().nullable(),
    direction: z.string().nullable(),
    degrees: z.number().nullable(),
    frame: z.enum(['object', 'viewer']),
  })
  .strict();
export type LayoutGrounding = z.infer<typeof LayoutGrounding>;

export const LayoutConstraint = z
  .object({
    name: z.enum(['inside_room', 'no_overlap', 'support', 'door_swing', 'walkway']),
    pass: z.boolean(),
    /** Metres of slack before the rule breaks (negative: broken by that much); null: no length. */
    margin: z.number().nullable(),
    /** The rule limited the placement. */
    active: z.boolean(),
    detail: z.string(),
    blocker: z.object({ id: z.union([z.number(), z.string()]), category: z.string() }).strict().optional(),
  })
  .strict();
export type LayoutConstraint = z.infer<typeof LayoutConstraint>;

export const LayoutChange = z
  .object({
    /** Layout object id (= instance id for scans; copies get fresh ids). */
    id: z.number().int(),
    category: z.string(),
    /** The instance whose points show this object; null for box-only layouts. */
    instanceId: z.number().int().nullable(),
    before: LayoutPose.nullable(),
    after: LayoutPose.nullable(),
    /** Moved because it rests on a moved object. */
    carried: z.boolean(),
    /** Column-major 4×4 taking the instance's points as shown now to where the edit puts them; null when removed. */
    matrix: z.array(z.number()).length(16).nullable(),
    /** The object's box after the edit (full extents), for the ghost's outline. */
    size: Vec3,
  })
  .strict();
export type LayoutChange = z.infer<typeof LayoutChange>;

export const LayoutMove = z
  .object({
    id: z.number().int(),
    category: z.string(),
    relation: z.object({ relation: z.string(), holds: z.boolean(), measured: z.string() }).strict(),
    constraints: z.array(LayoutConstraint),
  })
  .strict();

export const LayoutPreview = z
  .object({
    sceneId: Id,
    instruction: z.string(),
    /** Which reader understood the instruction: the grammar parser, or a language model when one is installed. */
    parser: z.enum(['grammar', 'model']),
    /** Why that reader answered (e.g. no layout model installed, so the grammar parser). */
    parserReason: z.string(),
    status: z.enum(['edited', 'refused', 'not_understood', 'ambiguous', 'not_found']),
    /** Set only for an edit that can be applied. */
    previewId: z.string().nullable(),
    /** Milliseconds from instruction to preview on the host (parse, ground, solve). */
    ms: z.number().nonnegative(),
    grounding: LayoutGrounding.nullable(),
    /** "move the armchair 50 cm left of the bed". */
    describe: z.string().nullable(),
    /** Why it was refused or not understood. */
    reason: z.string().nullable(),
    /** The objects a phrase could mean (ambiguous). */
    candidates: z.array(z.object({ id: z.number().int(), category: z.string() }).strict()),
    changes: z.array(LayoutChange),
    moves: z.array(LayoutMove),
    /** For a refusal: every rule measured at the ideal pose. */
    constraintsAtIdeal: z.array(LayoutConstraint),
  })
  .strict();
export type LayoutPreview = z.infer<typeof LayoutPreview>;

export const LayoutVersionEntry = z
  .object({
    id: z.string(),
    version: z.number().int().min(1),
    parentId: z.string().nullable(),
    label: z.string(),
    createdAt: z.string(),
    /** Objects moved away from the scan's own layout in this version. */
    moved: z.number().int().nonnegative(),
  })
  .strict();
export type LayoutVersionEntry = z.infer<typeof LayoutVersionEntry>;

export const LayoutVersionList = z
  .object({
    sceneId: Id,
    /** The versions leading to the current layout, oldest first (undone ones are not listed). */
    versions: z.array(LayoutVersionEntry),
    /** The version the scene shows; null while no edit was ever applied (the scan's own layout). */
    currentId: z.string().nullable(),
    /** Objects in the layout (furniture and openings). */
    objects: z.number().int().nonnegative(),
    history: z.object({ canUndo: z.boolean(), canRedo: z.boolean() }).strict(),
  })
  .strict();
export type LayoutVersionList = z.infer<typeof LayoutVersionList>;

export const ApplyLayoutEditInput = z.object({ sceneId: Id, previewId: z.string().min(1).max(100) }).strict();
export const RestoreLayoutVersionInput = z.object({ sceneId: Id, versionId: z.string().min(1).max(100) }).strict();
export const ListLayoutVersionsInput = z.object({ sceneId: Id }).strict();

export const LayoutExportFormat = z.enum(['spatiallm', 'json', 'ply']);
export type LayoutExportFormat = z.infer<typeof LayoutExportFormat>;
/** The file name ending each format must have. */
export const LAYOUT_EXPORT_EXTENSION: Record<LayoutExportFormat, string> = { spatiallm: '.txt', json: '.json', ply: '.ply' };

export const ExportLayoutInput = z
  .object({
    sceneId: Id,
    format: LayoutExportFormat,
    /** A path on the host's disk ending in .txt (spatiallm), .json or .ply; an existing file is replaced. Absent: `<data dir>/exports/<scene>-layout-v<n>.<ext>`. */
    path: z.string().min(1).max(4096).optional(),
  })
  .strict()
  .refine((v) => v.path === undefined || v.path.toLowerCase().endsWith(LAYOUT_EXPORT_EXTENSION[v.format]), {
    message: 'expected a file name ending in .txt for spatiallm, .json for json, .ply for ply',
    path: ['path'],
  });

export const ExportLayoutResult = z
  .object({
    file: z.string(),
    format: LayoutExportFormat,
    bytes: z.number().int().nonnegative(),
    /** The layout version exported; null: the scan's own layout. */
    versionId: z.string().nullable(),
    /** Points written (ply), else objects written. */
    count: z.number().int().nonnegative(),
  })
  .strict();
export type ExportLayoutResult = z.infer<typeof ExportLayoutResult>;

export const ApplyLayoutEditResult = z
  .object({
    version: LayoutVersionEntry,
    list: LayoutVersionList,
  })
  .strict();
