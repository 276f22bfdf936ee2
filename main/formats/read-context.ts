// The decoders the host injects into app/'s readers, loaded only for inputs that need them (the LAZ
// decoder instantiates a WASM module, which a PLY import should not pay for).
import type { ReadContext, SceneInput } from '../../app/scene/load/types';
import { lazPerfDecoder } from './laz-perf-decoder';

/** True for LAS bytes whose format id carries the LAZ compression bit. */
export const isLaz = (bytes: Uint8Array) => bytes.length > 104 && bytes[0] === 0x4c && bytes[1] === 0x41 && bytes[2] === 0x53 && bytes[3] === 0x46 && (bytes[104]! & 0x80) !== 0;

export async function readContextFor(input: SceneInput): Promise<ReadContext> {
  const files = input.kind === 'file' ? [input.bytes] : Object.values(input.files);
  return files.some(isLaz) ? { laz: await lazPerfDecoder() } : {};
}
