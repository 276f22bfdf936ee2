import { readAsciiBody } from './asciiBody';
import { readBinaryBody } from './binaryBody';
import { parsePlyHeader } from './header';
import type { PlyData, PlyReadOptions } from './types';

/**
 * Parses a whole PLY file (ascii or binary, either byte order) into flat typed arrays.
 * Throws FormatError (code bad_file) naming the file and the byte or line of any problem.
 */
export function readPly(bytes: Uint8Array, options: PlyReadOptions = {}): PlyData {
  const file = options.fileName ?? 'ply';
  const header = parsePlyHeader(bytes, file);
  const body = header.format === 'ascii' ? readAsciiBody(bytes, header, file) : readBinaryBody(bytes, header, file);
  const { vertices } = body;
  const data: PlyData = {
    format: header.format,
    elements: header.elements,
    comments: header.comments,
    vertexCount: body.vertexCount,
    positions: vertices.positions,
    vertexScalars: vertices.scalars,
    faceCount: body.faceCount,
  };
  if (vertices.colors) data.colors = vertices.colors;
  if (vertices.normals) data.normals = vertices.normals;
  if (body.faces) data.faces = body.faces;
  return data;
}
