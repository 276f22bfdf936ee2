// The workbench is z-up (ScanNet, S3DIS, LAS); glTF and OBJ are y-up. A +90° turn about x maps
// y-up to z-up and keeps the frame right-handed: (x, y, z) → (x, -z, y).

/** Rotates y-up xyz triples to z-up, into a new array of the same type. */
export function yUpToZUp<T extends Float32Array | Float64Array>(xyz: T): T {
  const out = xyz.slice() as T;
  for (let i = 0; i + 2 < xyz.length; i += 3) {
    out[i + 1] = -xyz[i + 2]!;
    out[i + 2] = xyz[i + 1]!;
  }
  return out;
}
