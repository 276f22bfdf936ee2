// The page's half of folder uploads: a fresh folder id per upload, and which host path to import
// once the files are there (the picked folder itself, not the upload folder that holds it).

/** 16 random bytes as hex: the upload folder's name on the host (FOLDER_ID_PATTERN there). */
export function newUploadFolderId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Browsers give paths relative to the picked folder's parent (`scene/x.ply`): when every file shares
 * that first segment, the scene folder is `<upload folder>/<segment>`; otherwise the upload folder.
 */
export function folderImportPath(uploadFolder: string, paths: readonly string[]): string {
  const first = paths.map((p) => (p.includes('/') ? p.slice(0, p.indexOf('/')) : null));
  const root = first[0];
  const sep = uploadFolder.includes('\\') && !uploadFolder.includes('/') ? '\\' : '/';
  return root && first.every((r) => r === root) ? `${uploadFolder}${sep}${root}` : uploadFolder;
}
