// The workbench is z-up (ScanNet, S3DIS, LAS); glTF and OBJ are y-up. A +90° turn about x maps
// y-up to z-up and keeps the frame right-handed: (x, y, z) → (x, -z, y).

/** Rotates y-up xyz triples to z-up, into a new array of the same type (or in place when asked). */
export function yUpToZUp<T extends Float32Array | Float64Array>(xyz: T, inPlace = false): T {
  const out = inPlace ? xyz : (xyz.slice() as T);
  for (let i = 0; i + 2 < xyz.length; i += 3) {
    const y = xyz[i + 1]!;
    out[i + 1] = -xyz[i + 2]!;
    out[i + 2] = y;
  }
  return out;
}
