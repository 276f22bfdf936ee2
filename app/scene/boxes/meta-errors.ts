// The meta parser (app/qa/vsibench/meta.ts) reports a bad field as an AppError with its JSON path;
// a scene reader must throw FormatError naming the file and a byte offset, so the path is located in
// the text: each key of the path is searched after the previous one (indices are skipped), which
// lands on the innermost named key: close enough for a user to find the field.
import { AppError } from '../../contract/errors';
import { FormatError } from '../../formats/errors';

/** Byte offset of the innermost string key of `path` in `text`, or undefined when a key is not found. */
export function jsonPathOffset(text: string, path: readonly unknown[]): number | undefined {
  let at = 0;
  let found: number | undefined;
  for (const key of path) {
    if (typeof key !== 'string') continue;
    const i = text.indexOf(JSON.stringify(key), at);
    if (i < 0) return found;
    found = at = i;
  }
  // A character offset; the meta is almost always ASCII, and for the rest the byte offset is larger.
  return found === undefined ? undefined : new TextEncoder().encode(text.slice(0, found)).length;
}

/** Runs `parse`, turning the meta parser's bad_file AppError into a FormatError with the field's offset. */
export function withMetaOffsets<T>(text: string, file: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (!(err instanceof AppError) || err instanceof FormatError || err.code !== 'bad_file') throw err;
    const details = err.details as { path?: unknown[] } | undefined;
    const path = Array.isArray(details?.path) ? details.path : [];
    const offset = jsonPathOffset(text, path);
    const what = err.message.startsWith(`${file}: `) ? err.message.slice(file.length + 2) : err.message;
    throw new FormatError({ file, ...(offset !== undefined ? { offset } : {}), expected: `a valid VSI-Bench meta field (${what})` });
  }
}
