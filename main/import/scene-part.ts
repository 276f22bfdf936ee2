// `file#part` names one scene inside a multi-scene file (a VSI-Bench meta file holds 50 rooms).
// The `#` must come after the last path separator, so folders with `#` in their names still work,
// and a file whose own name contains `#` is read whole when it exists (read-input.ts checks).
import { basename, sep } from 'node:path';

export interface ScenePath {
  file: string;
  part?: string;
}

export function splitScenePart(path: string): ScenePath {
  const at = path.lastIndexOf('#');
  const lastSep = Math.max(path.lastIndexOf('/'), sep === '\\' ? path.lastIndexOf('\\') : -1);
  if (at <= lastSep + 1 || at === path.length - 1) return { file: path };
  return { file: path.slice(0, at), part: path.slice(at + 1) };
}

/** The display name of `file#part`: the part (the scene's own name), else the file's base name. */
export const partName = (path: string): string | undefined => {
  const { part } = splitScenePart(path);
  return part === undefined ? undefined : basename(part);
};
