import { FormatError } from '../errors';

/** Checks a row-major 4×4 affine matrix (16 finite numbers, last row 0 0 0 1). */
export function checkAxisAlignment(m: readonly number[], file = 'axisAlignment'): void {
  if (m.length !== 16 || !m.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new FormatError({ file, expected: `16 finite numbers (row-major 4×4), found ${m.length} values` });
  }
  if (m[12] !== 0 || m[13] !== 0 || m[14] !== 0 || m[15] !== 1) {
    throw new FormatError({ file, expected: `an affine matrix with last row 0 0 0 1, found ${m.slice(12).join(' ')}` });
  }
}

/** p' = M·[p,1] in float64, stored back as float32; normals get the rotation part. In place. */
export function applyAxisAlignment(m: readonly number[], positions: Float32Array, normals?: Float32Array): void {
  const [a, b, c, tx, d, e, f, ty, g, h, i, tz] = m as [number, number, number, number, number, number, number, number, number, number, number, number];
  for (let k = 0; k < positions.length; k += 3) {
    const x = positions[k]!, y = positions[k + 1]!, z = positions[k + 2]!;
    positions[k] = a * x + b * y + c * z + tx;
    positions[k + 1] = d * x + e * y + f * z + ty;
    positions[k + 2] = g * x + h * y + i * z + tz;
  }
  if (!normals) return;
  for (let k = 0; k < normals.length; k += 3) {
    const x = normals[k]!, y = normals[k + 1]!, z = normals[k + 2]!;
    normals[k] = a * x + b * y + c * z;
    normals[k + 1] = d * x + e * y + f * z;
    normals[k + 2] = g * x + h * y + i * z;
  }
}

/** Reads `axisAlignment = 16 numbers` from a ScanNet `<scene>.txt`; undefined when the line is absent. */
export function parseSceneTxtAxisAlignment(text: string, file: string): number[] | undefined {
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*axisAlignment\s*=\s*(.*)$/.exec(lines[i]!);
    if (!m) continue;
    const values = m[1]!.trim().split(/\s+/).map(Number);
    if (values.length !== 16 || values.some((v) => !Number.isFinite(v))) {
      throw new FormatError({ file, line: i + 1, expected: `axisAlignment with 16 numbers, found "${m[1]!.trim()}"` });
    }
    return values;
  }
  return undefined;
}
