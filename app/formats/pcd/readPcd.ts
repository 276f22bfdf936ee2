import type { ScanData, ScanReadOptions } from '../scan-data';
import { readAsciiData } from './asciiData';
import { readBinaryData, readCompressedData } from './binaryData';
import { parsePcdHeader } from './header';
import { dropNonFinite } from './outputs';
import { planTargets } from './targets';

/**
 * Parses a PCD file (DATA ascii, binary or binary_compressed) into ScanData, z-up.
 * Points with a non-finite x, y or z (invalid pixels of organised clouds) are dropped.
 * Throws FormatError naming the file and the byte or line of any problem.
 */
export function readPcd(bytes: Uint8Array, options: ScanReadOptions = {}): ScanData {
  const file = options.fileName ?? 'pcd';
  const header = parsePcdHeader(bytes, file);
  const targets = planTargets(header, file);
  const body =
    header.data === 'ascii' ? readAsciiData(bytes, header, targets, file)
    : header.data === 'binary' ? readBinaryData(bytes, header, targets, file)
    : readCompressedData(bytes, header, targets, file);
  const o = dropNonFinite(body);
  const data: ScanData = { format: 'pcd', positions: o.positions, upAxis: 'z' };
  if (o.colors) data.colors = o.colors;
  if (o.normals) data.normals = o.normals;
  if (o.labels) data.labels = o.labels;
  if (o.instances) data.instances = o.instances;
  return data;
}
