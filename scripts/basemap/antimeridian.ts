import { bboxClip, polygon as turfPolygon } from '@turf/turf';
import type { MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

/*
 * Cutting at ±180° (RFC 7946 §3.1.9), written here because the one npm package
 * for it (geojson-antimeridian-cut 0.1) throws on Natural Earth's rings, which
 * already run along the meridian; turf has no such function.
 */

const jumps = (a: Position, b: Position) => Math.abs(b[0] - a[0]) > 180;

/** Longitudes made continuous: after a jump across ±180° the rest of the ring is shifted by 360°. */
function unwrap(ring: Position[]): Position[] {
  let shift = 0;
  return ring.map((p, i) => {
    if (i > 0 && jumps(ring[i - 1], p)) shift += ring[i - 1][0] > p[0] ? 360 : -360;
    return [p[0] + shift, p[1]];
  });
}

function crosses(rings: Position[][]): boolean {
  return rings.some((r) => r.some((p, i) => i > 0 && jumps(r[i - 1], p)));
}

/** Splits polygons that cross ±180° into parts on either side; others pass through unchanged. */
export function cutPolygonal(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!polys.some(crosses)) return geometry;
  const out: Position[][][] = [];
  for (const rings of polys) {
    const unwrappedRings = rings.map(unwrap);
    // A ring round a pole (Antarctica) does not close once unwrapped; it has no
    // single crossing to cut at, so it is left for the renderer.
    const closes = unwrappedRings.every((r) => r[0][0] === r[r.length - 1][0]);
    if (!crosses(rings) || !closes) {
      out.push(rings);
      continue;
    }
    const unwrapped = turfPolygon(unwrappedRings);
    for (const offset of [-360, 0, 360]) {
      const frame: [number, number, number, number] = [-180 + offset, -90, 180 + offset, 90];
      const part = bboxClip(unwrapped, frame).geometry as Polygon;
      const kept = part.coordinates
        .filter((r) => r.length >= 4)
        .map((r) => r.map(([x, y]) => [x - offset, y]));
      if (kept.length && part.coordinates[0].length >= 4) out.push(kept);
    }
  }
  return out.length === 1
    ? { type: 'Polygon', coordinates: out[0] }
    : { type: 'MultiPolygon', coordinates: out };
}

/** Splits lines where they cross ±180°, adding the crossing point to both sides. */
export function cutLines(geometry: MultiLineString): MultiLineString {
  const out: Position[][] = [];
  for (const line of geometry.coordinates) {
    let current: Position[] = [line[0]];
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1];
      const b = line[i];
      if (jumps(a, b)) {
        const edge = a[0] > 0 ? 180 : -180;
        const bx = b[0] + (a[0] > 0 ? 360 : -360);
        const t = (edge - a[0]) / (bx - a[0]);
        const y = a[1] + t * (b[1] - a[1]);
        if (a[0] !== edge) current.push([edge, y]);
        if (current.length >= 2) out.push(current);
        current = b[0] === -edge ? [] : [[-edge, y]];
      }
      current.push(b);
    }
    if (current.length >= 2) out.push(current);
  }
  return { type: 'MultiLineString', coordinates: out };
}
