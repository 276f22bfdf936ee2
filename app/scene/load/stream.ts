// Chunked reading for the import worker: binary PLY point clouds, LAS, PCD (ascii, binary, and
// binary_compressed, whose compressed body alone is kept) and .npy are parsed as the file is read,
// into arrays sized from the header, so the file's bytes are never held whole. LAZ streams too when
// the host passes its decoder in the context (chunk table first, then chunk by chunk). Every other
// input goes through readScan.
import { LasChunkParser } from '../../formats/las/chunkParser';
import { LazChunkParser } from '../../formats/las/lazChunkParser';
import { NpyChunkParser } from '../../formats/npy/chunkParser';
import { PcdChunkParser } from '../../formats/pcd/chunkParser';
import { PlyChunkParser } from '../../formats/ply/chunkParser';
import { detectFormat } from './detect';
import { npyToScan } from './from-npy';
import { plyToScan } from './from-ply';
import type { LoadedScan, ReadContext } from './types';

export interface ScanChunkParser {
  /** Reader id, as detectFormat picks it ('ply', 'las'). */
  readonly format: string;
  /**
   * A byte range of the file needed before the next push (LAZ: the chunk table at the end), or
   * undefined; the caller reads it and hands it to supply(), then asks again.
   */
  needs?(): { from: number; to: number } | undefined;
  supply?(bytes: Uint8Array): void;
  /** Feeds the file's next bytes, in order, from its first byte; the chunk may be reused afterwards. */
  push(chunk: Uint8Array): void;
  /** Ends the input: the scan readScan gives for the whole file, or the same FormatError. */
  finish(): LoadedScan;
}

/**
 * A chunk parser for the file whose first bytes are `head` (at least the header; the import reads
 * 8 MB), or undefined when this file must be read whole. Throws the readers' FormatError for a bad
 * header, or for counts that do not fit `fileLength`.
 */
export function chunkParserFor(head: Uint8Array, name: string, fileLength: number, context: ReadContext = {}): ScanChunkParser | undefined {
  // Magic bytes sit in the first 256 bytes, so the head detects as the whole file would.
  let reader;
  try {
    reader = detectFormat({ kind: 'file', name, bytes: head });
  } catch {
    return undefined; // the whole-file path reports it
  }
  if (reader.id === 'ply') {
    const p = PlyChunkParser.forHead(head, fileLength, name);
    return p && { format: 'ply', push: (c) => p.push(c), finish: () => plyToScan(p.finish()) };
  }
  if (reader.id === 'npy') {
    const p = NpyChunkParser.forHead(head, fileLength, name);
    return p && { format: 'npy', push: (c) => p.push(c), finish: () => npyToScan(p.finish(), name) };
  }
  if (reader.id === 'pcd') {
    const p = PcdChunkParser.forHead(head, fileLength, name);
    return p && { format: 'pcd', push: (c) => p.push(c), finish: () => p.finish() };
  }
  if (reader.id === 'las') {
    if (context.laz && head.length > 104 && head[104]! & 0x80) {
      const z = LazChunkParser.forHead(head, fileLength, name, context.laz);
      return z && { format: 'las', needs: () => z.needs(), supply: (b) => z.supply(b), push: (c) => z.push(c), finish: () => z.finish() };
    }
    const p = LasChunkParser.forHead(head, fileLength, name);
    return p && { format: 'las', push: (c) => p.push(c), finish: () => p.finish() };
  }
  return undefined;
}
