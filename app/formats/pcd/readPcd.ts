import type { ScanData, ScanReadOptions } from '../scan-data';
import { PcdChunkParser } from './chunkParser';
import { parsePcdHeader } from './header';

/**
 * Parses a PCD file (DATA ascii, binary or binary_compressed) into ScanData, z-up.
 * Points with a non-finite x, y or z (invalid pixels of organised clouds) are dropped.
 * Throws FormatError naming the file and the byte or line of any problem. The whole file is one
 * chunk of the streaming parser (chunkParser.ts), so the import worker's chunked reads agree with it.
 */
export function readPcd(bytes: Uint8Array, options: ScanReadOptions = {}): ScanData {
  const file = options.fileName ?? 'pcd';
  const parser = new PcdChunkParser(parsePcdHeader(bytes, file), file, bytes.length);
  parser.push(bytes);
  return parser.finish();
}
