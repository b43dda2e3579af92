import { area, length } from '@turf/turf';
import type { LineString, MultiLineString } from 'geojson';
import { membersAt } from './standing.ts';
import type { StoryFeature, StoryLayer } from './types.ts';

/*
 * Figures shown to readers are computed here from the geometry, never typed
 * into the data: move a vertex and the length follows.
 */

const isLine = (f: StoryFeature): f is StoryFeature<LineString | MultiLineString> =>
  f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString';

/** Great-circle length along the line, in km (turf, WGS84 mean radius). */
export function lengthKm(f: StoryFeature): number | null {
  return isLine(f) ? length(f, { units: 'kilometers' }) : null;
}

/** Area in km² of a polygonal feature (turf, on the sphere). */
export function areaKm2(f: StoryFeature): number | null {
  const t = f.geometry?.type;
  return t === 'Polygon' || t === 'MultiPolygon' ? area(f) / 1e6 : null;
}

/** Total length of the segments of one route (e.g. "uap-2023"). */
export function routeLengthKm(features: StoryFeature[], route: string): number {
  return features
    .filter((f) => f.properties.kind === 'route-segment' && f.properties.route === route)
    .reduce((sum, f) => sum + (lengthKm(f) ?? 0), 0);
}

/** The ids of all routes in a layer, in the order they first appear. */
export function routeIds(layer: StoryLayer): string[] {
  return [
    ...new Set(
      layer.features
        .filter((f) => f.properties.kind === 'route-segment')
        .map((f) => f.properties.route!),
    ),
  ];
}

/**
 * Members of a bloc at a date (default: as the data's `status` records them for April 2024):
 * countries in it then, never a former member, an observer or one whose participation is frozen.
 */
export function currentMembers(layer: StoryLayer, date?: string): StoryFeature[] {
  if (date !== undefined) return membersAt(layer, date);
  return layer.features.filter(
    (f) => f.properties.kind === 'country' && f.properties.status === 'member',
  );
}

export interface BlocFigures {
  members: number;
  areaKm2: number;
}

export function blocFigures(layer: StoryLayer, date?: string): BlocFigures {
  const members = currentMembers(layer, date);
  return {
    members: members.length,
    areaKm2: members.reduce((sum, f) => sum + (areaKm2(f) ?? 0), 0),
  };
}

const km = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** "about 640 km": the data is 1:50m and hand-drawn, so no false precision. */
export function formatKm(value: number): string {
  const rounded = value >= 100 ? Math.round(value / 10) * 10 : Math.round(value);
  return `about ${km.format(rounded)} km`;
}

export function formatKm2(value: number): string {
  const sig = 10 ** Math.max(0, Math.floor(Math.log10(value)) - 2);
  return `about ${km.format(Math.round(value / sig) * sig)} km²`;
}
