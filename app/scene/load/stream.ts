// Chunked reading for the import worker: formats whose body is fixed-size rows (binary PLY point
// clouds, uncompressed LAS) are parsed as the file is read, into arrays sized from the header, so
// the file's bytes are never held whole. Every other input goes through readScan on the whole file.
import { LasChunkParser } from '../../formats/las/chunkParser';
import { PlyChunkParser } from '../../formats/ply/chunkParser';
import { detectFormat } from './detect';
import { plyToScan } from './from-ply';
import type { LoadedScan } from './types';

export interface ScanChunkParser {
  /** Reader id, as detectFormat picks it ('ply', 'las'). */
  readonly format: string;
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
export function chunkParserFor(head: Uint8Array, name: string, fileLength: number): ScanChunkParser | undefined {
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
  if (reader.id === 'las') {
    const p = LasChunkParser.forHead(head, fileLength, name);
    return p && { format: 'las', push: (c) => p.push(c), finish: () => p.finish() };
  }
  return undefined;
}
