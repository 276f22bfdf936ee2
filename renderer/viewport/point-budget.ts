// The default number of points drawn per frame, from what the GPU says it is. Software renderers
// (SwiftShader, llvmpipe) and small GPUs get less so interaction stays usable.
export const POINT_BUDGETS = [250_000, 500_000, 1_000_000, 2_000_000, 3_000_000, 5_000_000, 10_000_000] as const;

export function defaultPointBudget(gpu: { renderer: string; maxTextureSize: number }): number {
  if (/swiftshader|llvmpipe|software|softpipe|microsoft basic/i.test(gpu.renderer)) return 1_000_000;
  if (gpu.maxTextureSize < 8192 || /mali|adreno|powervr|intel\(r\) (hd|uhd)/i.test(gpu.renderer)) return 2_000_000;
  return 3_000_000;
}
