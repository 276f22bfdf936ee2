// Reading an ONNX model file for any of our models, with the errors every loader gives: not_found
// when the file is missing, bad_file when it cannot be read or is empty; each message names the file.
import { readFile } from 'node:fs/promises';
import { AppError } from '../../app/contract/errors';

/** The bytes of the model at `path`; `what` ("layout model", "segmentation model") starts the messages. */
export async function readModelFile(path: string, what: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AppError('not_found', `${what} not found: ${path}`, { path });
    throw new AppError('bad_file', `${what} ${path} could not be read: ${(err as Error).message}`, { path });
  }
  if (bytes.length === 0) throw new AppError('bad_file', `${what} ${path} is empty`, { path });
  return bytes;
}
