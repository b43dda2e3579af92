import {
  area,
  bboxClip,
  booleanPointInPolygon,
  centerOfMass,
  pointOnFeature,
  polygon,
} from '@turf/turf';
import type { Feature, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { BBox } from '../../src/geo/region.ts';

/**
 * Where a country's name goes: the centre of mass of its largest part inside
 * `frame` (the part a reader sees; Russia's label belongs west of the Urals on a
 * map of Central Asia, not in Siberia). When the centre of mass falls outside
 * the shape (a crescent, say) turf's pointOnFeature gives a point that is
 * inside. Null when nothing of the country lies in the frame.
 */
export function labelPoint(geometry: Polygon | MultiPolygon, frame: BBox): Position | null {
  const clipped = bboxClip(geometry, frame).geometry as Polygon | MultiPolygon;
  const parts = clipped.type === 'Polygon' ? [clipped.coordinates] : clipped.coordinates;
  let best: Feature<Polygon> | null = null;
  let bestArea = 0;
  for (const rings of parts) {
    if (!rings[0] || rings[0].length < 4) continue;
    const p = polygon(rings);
    const a = area(p);
    if (a > bestArea) {
      best = p;
      bestArea = a;
    }
  }
  if (!best) return null;
  const c: Feature<Point> = centerOfMass(best);
  if (booleanPointInPolygon(c, best)) return c.geometry.coordinates;
  return pointOnFeature(best).geometry.coordinates;
}

/** Square kilometres, geodesic (turf works in m² on the WGS84 sphere). */
export function areaKm2(geometry: Polygon | MultiPolygon): number {
  return area(geometry) / 1e6;
}
