// Int32 arrays as BLOB columns, little-endian whatever the host's byte order, so a database file
// moves between machines unchanged. On little-endian hosts (all that Node ships for) no loop runs.
import { AppError } from '../app/contract/errors';

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function int32ToBlob(ids: Int32Array): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength);
  const out = Buffer.alloc(ids.byteLength);
  for (let i = 0; i < ids.length; i++) out.writeInt32LE(ids[i]!, i * 4);
  return out;
}

/** `what` names the row for the error when the blob is not a whole number of int32s. */
export function blobToInt32(blob: Uint8Array, what: string): Int32Array {
  if (blob.byteLength % 4 !== 0) {
    throw new AppError('internal', `${what}: stored id blob has ${blob.byteLength} bytes, expected a multiple of 4`);
  }
  // A copy: the result is aligned and owns its memory, whatever buffer SQLite's blob sits in.
  const out = new Int32Array(blob.byteLength / 4);
  if (LITTLE_ENDIAN) new Uint8Array(out.buffer).set(blob);
  else {
    const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
    for (let i = 0; i < out.length; i++) out[i] = view.getInt32(i * 4, true);
  }
  return out;
}
