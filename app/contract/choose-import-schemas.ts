// chooseImportPath: the host's native open dialog (Electron). A browser page cannot be handed a host
// path, so the web bridge answers `supported: false` and the page uploads what its own picker gives.
import { z } from 'zod';

/** What the dialog may pick: a scan file, a scene folder, or either (both only where the OS allows one dialog for both). */
export const ChooseImportInput = z.object({ kind: z.enum(['file', 'folder', 'any']).default('any') }).strict();
export type ChooseImportInput = z.infer<typeof ChooseImportInput>;

export const ChooseImportResult = z.object({
  /** False where this transport has no host dialog (the web bridge, the CLI); `reason` says so. */
  supported: z.boolean(),
  /** The chosen file or folder; null when the dialog was cancelled or is unsupported. */
  path: z.string().nullable(),
  reason: z.string().optional(),
});
export type ChooseImportResult = z.infer<typeof ChooseImportResult>;
