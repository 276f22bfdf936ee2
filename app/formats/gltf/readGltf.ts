import { FormatError } from '../errors';
import type { ScanData, ScanReadOptions } from '../scan-data';
import { resolveBuffers } from './buffers';
import { isGlb, parseGlb } from './glb';
import { JsonFields } from './json';
import { meshNodes } from './nodes';
import { readPrimitive, type PrimitivePart } from './primitives';
import type { GltfDoc } from './types';

/**
 * Parses a glTF 2.0 file, GLB or JSON with embedded base64 buffers, into one ScanData (y-up): every
 * mesh node of the default scene with its world transform applied. Each mesh node becomes an
 * instance named after the node (or its mesh). Colours are converted from linear to sRGB bytes;
 * parts without COLOR_0 are white when others have it, without NORMAL zero.
 * Throws FormatError naming the file and the JSON path or byte offset of any problem.
 */
export function readGltf(bytes: Uint8Array, options: ScanReadOptions = {}): ScanData {
  const file = options.fileName ?? 'gltf';
  const doc = isGlb(bytes) ? parseGlb(bytes, file) : parseJsonGltf(bytes, file);
  const f = new JsonFields(file);
  const json = doc.json;
  const asset = f.object(json.asset, 'asset');
  if (typeof asset.version !== 'string' || !asset.version.startsWith('2.')) f.fail('asset.version', `to be "2.x", found ${JSON.stringify(asset.version)}`);
  refuseRequiredExtensions(json, f);
  const buffers = resolveBuffers(doc, f);

  const parts: { part: PrimitivePart; instance: number }[] = [];
  const instanceLabels = new Map<number, string>();
  meshNodes(json, f).forEach((mn, instance) => {
    const mesh = f.item(json, 'meshes', mn.mesh, `nodes[${mn.node}].mesh`);
    const name = typeof mesh.name === 'string' && mn.name === `node_${mn.node}` ? mesh.name : mn.name;
    instanceLabels.set(instance, name);
    f.array(mesh.primitives, `meshes[${mn.mesh}].primitives`).forEach((p, k) => {
      const path = `meshes[${mn.mesh}].primitives[${k}]`;
      const part = readPrimitive(json, f, buffers, f.object(p, path), path, mn.world);
      if (part) parts.push({ part, instance });
    });
  });
  return merge(parts, instanceLabels, doc.binary ? 'glb' : 'gltf');
}

/**
 * Geometry-changing extensions (Draco, meshopt, quantization, GPU instancing) would be read as wrong
 * or all-zero data, so a file that requires one is refused; appearance-only ones are harmless here.
 */
function refuseRequiredExtensions(json: Record<string, unknown>, f: JsonFields): void {
  if (json.extensionsRequired === undefined) return;
  f.array(json.extensionsRequired, 'extensionsRequired').forEach((e, i) => {
    if (typeof e !== 'string' || !/^KHR_(materials_|texture_|lights_punctual$)/.test(e)) {
      f.fail(`extensionsRequired[${i}]`, `to name only material, texture or light extensions (geometry extensions are not supported), found ${JSON.stringify(e)}`);
    }
  });
}

function parseJsonGltf(bytes: Uint8Array, file: string): GltfDoc {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch {
    throw new FormatError({ file, offset: 0, expected: 'a GLB ("glTF" magic) or glTF JSON file, found neither' });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new FormatError({ file, offset: 0, expected: 'a JSON object at the top of the glTF file' });
  return { json: json as Record<string, unknown>, binary: false };
}

function merge(parts: { part: PrimitivePart; instance: number }[], instanceLabels: Map<number, string>, format: string): ScanData {
  const n = parts.reduce((s, p) => s + p.part.positions.length / 3, 0);
  const faceCount = parts.reduce((s, p) => s + p.part.faces.length, 0);
  const positions = new Float32Array(n * 3);
  const anyColor = parts.some((p) => p.part.colors);
  const anyNormal = parts.some((p) => p.part.normals);
  const colors = anyColor ? new Uint8Array(n * 3) : undefined;
  const normals = anyNormal ? new Float32Array(n * 3) : undefined;
  const faces = new Uint32Array(faceCount);
  const instances = new Int32Array(n);
  let v = 0;
  let fi = 0;
  for (const { part, instance } of parts) {
    const m = part.positions.length / 3;
    positions.set(part.positions, v * 3);
    if (colors) {
      if (part.colors) colors.set(part.colors, v * 3);
      else colors.fill(255, v * 3, (v + m) * 3);
    }
    if (normals && part.normals) normals.set(part.normals, v * 3);
    for (let i = 0; i < part.faces.length; i++) faces[fi++] = part.faces[i]! + v;
    instances.fill(instance, v, v + m);
    v += m;
  }
  const data: ScanData = { format, positions, upAxis: 'y', instances, instanceLabels };
  if (colors) data.colors = colors;
  if (normals) data.normals = normals;
  if (faceCount) data.faces = faces;
  return data;
}
