// A scale bar's length: the largest 1-2-5 × 10^k metres that fits in `maxPx` pixels.
export function scaleBarLength(metresPerPixel: number, maxPx: number): { metres: number; px: number } | null {
  if (!(metresPerPixel > 0) || !(maxPx > 0)) return null;
  const limit = metresPerPixel * maxPx;
  const base = 10 ** Math.floor(Math.log10(limit));
  const metres = [5, 2, 1].map((m) => m * base).find((m) => m <= limit) ?? base;
  return { metres, px: metres / metresPerPixel };
}

export function formatMetres(m: number): string {
  return m >= 1 ? `${m} m` : m >= 0.01 ? `${Math.round(m * 100)} cm` : `${Math.round(m * 1000)} mm`;
}
