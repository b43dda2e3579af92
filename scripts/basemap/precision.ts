/**
 * Coordinate precision for a maximum zoom: the fewest decimals whose rounding
 * error (half a unit in the last place) stays within half a screen pixel at
 * that zoom, at the equator where a degree is widest. MapLibre draws 512 px
 * tiles, so one world width is 512·2^z px.
 */
export function decimalsForZoom(maxZoom: number, tileSize = 512): number {
  const halfPixelDeg = 360 / (tileSize * 2 ** maxZoom) / 2;
  let d = 0;
  while (0.5 * 10 ** -d > halfPixelDeg) d++;
  return d;
}

/**
 * Decimals that still tell apart two neighbouring values of data quantised at
 * `step` degrees. More would only write noise: world-atlas's 1:50m topology is
 * quantised to about 0.0036° × 0.0017°.
 */
export function decimalsForStep(step: number): number {
  let d = 0;
  while (10 ** -d > step) d++;
  return d;
}

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  // Adding 0 turns -0 into 0, so output does not depend on the sign of a rounded zero.
  return Math.round(value * f) / f + 0;
}
