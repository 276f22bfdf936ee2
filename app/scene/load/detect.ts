// Which reader a file or folder needs: magic bytes first (a misnamed file still loads), then the
// file name ending, then the folder's layout.
import { FormatError } from '../../formats/errors';
import { FORMAT_READERS } from './readers';
import type { FormatReader, SceneInput } from './types';

export function detectFormat(input: SceneInput, readers: readonly FormatReader[] = FORMAT_READERS): FormatReader {
  if (input.kind === 'folder') {
    const paths = Object.keys(input.files);
    const found = readers.find((r) => r.kind === 'folder' && r.folder?.(paths));
    if (found) return found;
    throw new FormatError({ file: input.name, expected: `one of: ${describe(readers, 'folder')}` });
  }
  const byMagic = readers.find((r) => r.kind === 'file' && r.magic?.(input.bytes));
  if (byMagic) return byMagic;
  const lower = input.name.toLowerCase();
  const byName = readers.find((r) => r.kind === 'file' && r.extensions?.some((e) => lower.endsWith(e)));
  if (byName) return byName;
  throw new FormatError({ file: input.name, offset: 0, expected: `one of: ${describe(readers, 'file')}` });
}

const describe = (readers: readonly FormatReader[], kind: 'file' | 'folder') =>
  readers
    .filter((r) => r.kind === kind)
    .map((r) => r.description)
    .join('; ');
