// What a drop holds: one file, or a folder walked into its files with paths relative to the folder's
// parent (as <input webkitdirectory> gives them), so both routes upload the same layout.
import type { FolderFile } from '../bridge/transport';

export type Dropped = { kind: 'file'; file: File } | { kind: 'folder'; name: string; files: FolderFile[] } | { kind: 'none' };

/** Folder entries a scene never needs. */
const SKIP = new Set(['.DS_Store', 'Thumbs.db', '.git']);

const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

/** readEntries answers in batches (100 in Chromium) until it answers none. */
async function childrenOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const out: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return out;
    out.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, prefix: string, out: FolderFile[]): Promise<void> {
  if (SKIP.has(entry.name)) return;
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) out.push({ file: await fileOf(entry as FileSystemFileEntry), path });
  else if (entry.isDirectory) for (const child of await childrenOf(entry as FileSystemDirectoryEntry)) await walk(child, path, out);
}

/**
 * Must be called inside the drop handler: the DataTransfer's entries are only readable during the
 * event, so they are taken synchronously and walked afterwards.
 */
export function readDrop(data: DataTransfer): Promise<Dropped> {
  const entries = Array.from(data.items, (item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null));
  const first = entries[0];
  const file = data.files[0];
  if (first?.isDirectory) {
    return (async () => {
      const files: FolderFile[] = [];
      await walk(first, '', files);
      return { kind: 'folder' as const, name: first.name, files };
    })();
  }
  return Promise.resolve(file ? { kind: 'file', file } : { kind: 'none' });
}

/** The files of an <input webkitdirectory> with their relative paths; the folder's name from the first. */
export function pickedFolder(list: FileList): { name: string; files: FolderFile[] } {
  const files = Array.from(list)
    .filter((f) => !f.webkitRelativePath.split('/').some((s) => SKIP.has(s)))
    .map((f) => ({ file: f as Blob, path: f.webkitRelativePath || f.name }));
  const name = files[0]?.path.split('/')[0] ?? 'folder';
  return { name, files };
}
