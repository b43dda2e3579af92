import type { MultiPolygon, Polygon, Position, MultiLineString } from 'geojson';
import { roundTo } from './precision.ts';

type Ring = Position[];

function roundRing(ring: Ring, decimals: number): Ring {
  const out: Ring = [];
  for (const p of ring) {
    const q = [roundTo(p[0], decimals), roundTo(p[1], decimals)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

/**
 * Rounds every ring, drops the repeated points rounding creates, and drops rings
 * that collapse (fewer than four positions, RFC 7946 §3.1.6). A polygon whose
 * exterior collapses goes with all its holes; null when nothing is left.
 */
export function roundPolygonal(
  geometry: Polygon | MultiPolygon,
  decimals: number,
): Polygon | MultiPolygon | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const kept: Ring[][] = [];
  for (const rings of polygons) {
    const rounded = rings.map((r) => roundRing(r, decimals));
    if (rounded[0].length < 4) continue;
    kept.push([rounded[0], ...rounded.slice(1).filter((r) => r.length >= 4)]);
  }
  if (kept.length === 0) return null;
  return kept.length === 1
    ? { type: 'Polygon', coordinates: kept[0] }
    : { type: 'MultiPolygon', coordinates: kept };
}

/** Rounds lines, dropping repeated points and lines shorter than two positions. */
export function roundLines(geometry: MultiLineString, decimals: number): MultiLineString {
  return {
    type: 'MultiLineString',
    coordinates: geometry.coordinates
      .map((line) => roundRing(line, decimals))
      .filter((line) => line.length >= 2),
  };
}
