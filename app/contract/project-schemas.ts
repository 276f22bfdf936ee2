// exportProject: the host's saved work (database + scene caches) as one `.swproj` file on its disk.
// Importing one replaces the open database, so it is a CLI step run while no Scenewright has the
// data folder open (`scenewright project import`), not a call into a running host.
import { z } from 'zod';

export const ExportProjectInput = z
  .object({
    /** A path on the host's disk; it must end in .swproj, and an existing file is replaced. */
    path: z
      .string()
      .min(1)
      .max(4096)
      .refine((p) => p.toLowerCase().endsWith('.swproj'), { message: 'expected a file name ending in .swproj' }),
    /** Caller-chosen id for `progress` events and cancelJob. */
    jobId: z.string().min(1).max(200).optional(),
  })
  .strict();

export const ExportProjectResult = z.object({
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  /** SHA-256 over every entry, as stored in the file's manifest. */
  sha256: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  scenes: z.number().int().nonnegative(),
  entries: z.array(z.object({ path: z.string(), size: z.number().int().nonnegative() })),
});
export type ExportProjectResult = z.infer<typeof ExportProjectResult>;
