// The GLB container: a 12-byte header ("glTF", version 2, total length) then chunks of
// (length, type, data); the first is JSON, an optional second is BIN.
import { FormatError } from '../errors';
import type { GltfDoc } from './types';

const MAGIC = 0x46546c67; // "glTF"
const JSON_CHUNK = 0x4e4f534a; // "JSON"
const BIN_CHUNK = 0x004e4942; // "BIN\0"

export const isGlb = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x67 && bytes[1] === 0x6c && bytes[2] === 0x54 && bytes[3] === 0x46;

export function parseGlb(bytes: Uint8Array, file: string): GltfDoc {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || dv.getUint32(0, true) !== MAGIC) throw new FormatError({ file, offset: 0, expected: 'a 12-byte GLB header starting with "glTF"' });
  const version = dv.getUint32(4, true);
  if (version !== 2) throw new FormatError({ file, offset: 4, expected: `GLB version 2, found ${version}` });
  const length = dv.getUint32(8, true);
  if (length > bytes.length) throw new FormatError({ file, offset: bytes.length, expected: `${length} bytes as the GLB header says, file ends` });

  let at = 12;
  let json: unknown;
  let bin: Uint8Array | undefined;
  for (let chunk = 0; at < length; chunk++) {
    if (at + 8 > length) throw new FormatError({ file, offset: at, expected: 'a chunk header (length, type), the GLB ends' });
    const size = dv.getUint32(at, true);
    const type = dv.getUint32(at + 4, true);
    const start = at + 8;
    if (start + size > length) throw new FormatError({ file, offset: at, expected: `a chunk of ${size} bytes within the GLB's ${length}` });
    const data = bytes.subarray(start, start + size);
    if (chunk === 0) {
      if (type !== JSON_CHUNK) throw new FormatError({ file, offset: at + 4, expected: 'the JSON chunk first' });
      try {
        json = JSON.parse(new TextDecoder('utf-8').decode(data));
      } catch {
        throw new FormatError({ file, offset: start, expected: 'a JSON chunk holding valid JSON' });
      }
    } else if (chunk === 1 && type === BIN_CHUNK) {
      bin = data;
    } // later chunks, and unknown types, are skipped as the spec asks
    at = start + size; // chunk lengths include their padding to 4 bytes
  }
  if (json === undefined) throw new FormatError({ file, offset: 12, expected: 'a JSON chunk' });
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new FormatError({ file, offset: 20, expected: 'a JSON object at the top of the JSON chunk' });
  const doc: GltfDoc = { json: json as Record<string, unknown>, binary: true };
  if (bin) doc.bin = bin;
  return doc;
}
