// Every format the loader knows, one row each. Detection walks this table in order, so a new format
// is one more row (and its reader in app/formats).
import { readGltf } from '../../formats/gltf/readGltf';
import { readLas } from '../../formats/las/readLas';
import { readPointceptFolder } from '../../formats/npy/readPointceptFolder';
import { readObj } from '../../formats/obj/readObj';
import { readPcd } from '../../formats/pcd/readPcd';
import { readS3disRoom } from '../../formats/s3dis/readS3disRoom';
import { isVsiMeta, readVsiMetaScene, VSI_META_FORMAT } from '../boxes/vsi-meta-scan';
import { readNpyScan } from './from-npy';
import { readPlyScan } from './from-ply';
import { isScanNetFolder, readScanNetScan } from './from-scannet';
import type { FormatReader, LoadedScan, SceneInput } from './types';

const startsWith = (bytes: Uint8Array, prefix: string) => {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix.charCodeAt(i)) return false;
  return true;
};

/** The first non-blank, non-comment-free text of a file, for text formats without magic bytes. */
const head = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes.subarray(0, 256)).trimStart();

const fileOf = (input: SceneInput) => {
  if (input.kind !== 'file') throw new Error(`a file reader was given folder ${input.name}`);
  return input;
};
const filesOf = (input: SceneInput) => {
  if (input.kind !== 'folder') throw new Error(`a folder reader was given file ${input.name}`);
  return input.files;
};
const asLoaded = (read: (bytes: Uint8Array, o: { fileName: string }) => LoadedScan) => (input: SceneInput) => {
  const f = fileOf(input);
  return read(f.bytes, { fileName: f.name });
};

export const FORMAT_READERS: readonly FormatReader[] = [
  {
    id: 'ply',
    description: 'PLY (ascii or binary)',
    kind: 'file',
    extensions: ['.ply'],
    magic: (b) => startsWith(b, 'ply\n') || startsWith(b, 'ply\r\n'),
    read: (input) => readPlyScan(fileOf(input).bytes, input.name),
  },
  {
    id: 'pcd',
    description: 'PCD (Point Cloud Library)',
    kind: 'file',
    extensions: ['.pcd'],
    magic: (b) => /^(# \.PCD|VERSION\s)/.test(head(b)),
    read: asLoaded(readPcd),
  },
  {
    id: 'npy',
    description: 'NumPy .npy (N×3 or N×6 xyz rgb)',
    kind: 'file',
    extensions: ['.npy'],
    magic: (b) => b[0] === 0x93 && startsWith(b.subarray(1), 'NUMPY'),
    read: (input) => readNpyScan(fileOf(input).bytes, input.name),
  },
  {
    id: 'las',
    description: 'LAS 1.0–1.4 or LAZ',
    kind: 'file',
    extensions: ['.las', '.laz'],
    // LAZ shares the signature; readLas sees the compression bit of the format id and decodes it.
    magic: (b) => startsWith(b, 'LASF'),
    read: (input, context) => readLas(fileOf(input).bytes, { fileName: input.name, ...(context?.laz ? { laz: context.laz } : {}) }),
  },
  {
    id: 'glb',
    description: 'glTF binary (.glb)',
    kind: 'file',
    extensions: ['.glb'],
    magic: (b) => startsWith(b, 'glTF'),
    read: asLoaded(readGltf),
  },
  {
    id: 'gltf',
    description: 'glTF 2.0 JSON with embedded buffers',
    kind: 'file',
    extensions: ['.gltf'],
    magic: (b) => head(b).startsWith('{') && head(b).includes('"asset"'),
    read: asLoaded(readGltf),
  },
  {
    id: VSI_META_FORMAT,
    description: 'VSI-Bench meta JSON (meta.json#<scene>: a box-only scene)',
    kind: 'file',
    magic: isVsiMeta,
    read: (input) => readVsiMetaScene(fileOf(input).bytes, input.name, fileOf(input).part),
  },
  // OBJ has no magic bytes; only its name selects it.
  { id: 'obj', description: 'Wavefront OBJ', kind: 'file', extensions: ['.obj'], read: asLoaded(readObj) },
  {
    id: 'scannet',
    description: 'ScanNet scene folder (<scene>_vh_clean_2.ply, segs, aggregation)',
    kind: 'folder',
    folder: isScanNetFolder,
    read: (input) => readScanNetScan(filesOf(input)),
  },
  {
    id: 'pointcept',
    description: 'Pointcept scene folder (coord.npy, color.npy, …)',
    kind: 'folder',
    folder: (paths) => paths.some((p) => p === 'coord.npy' || p.endsWith('/coord.npy')),
    read: (input) => readPointceptFolder(filesOf(input)),
  },
  {
    id: 's3dis',
    description: 'S3DIS room folder (Annotations/<class>_<n>.txt)',
    kind: 'folder',
    folder: (paths) => paths.some((p) => /(?:^|\/)Annotations\/[^/]+_\d+\.txt$/.test(p)),
    read: (input) => readS3disRoom(filesOf(input)),
  },
];
