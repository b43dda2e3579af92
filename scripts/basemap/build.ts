import { kinks, rewind } from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
} from 'geojson';
import { feature, mesh } from 'topojson-client';
import { planarTriangleArea, presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import {
  bboxContains,
  bboxIntersects,
  DETAIL_BOUNDS,
  MAX_BOUNDS,
  MAX_ZOOM,
  type BBox,
} from '../../src/geo/region.ts';
import { cutLines, cutPolygonal } from './antimeridian.ts';
import { alpha3FromNumeric } from './iso.ts';
import { areaKm2, labelPoint } from './label-point.ts';
import { displayName } from './names.ts';
import { decimalsForStep, decimalsForZoom, roundTo } from './precision.ts';
import { roundLines, roundPolygonal } from './round-geometry.ts';

export interface CountryProps {
  iso_a3: string | null;
  iso_n3: string | null;
  name: string;
}

export interface BoundaryProps {
  /** A land border between two countries, or a coast (a country's edge with the sea). */
  kind: 'border' | 'coast';
}

export interface LabelProps {
  iso_a3: string;
  name: string;
  /** 1 for the largest country; the map draws lower ranks first when labels collide. */
  rank: number;
}

/**
 * Units smaller than this get no label. Siachen Glacier, the Cyprus buffer
 * zone, Baikonur-sized leases and the like are slivers at this map's scale;
 * every sovereign state of the story is far larger.
 */
export const MIN_LABEL_AREA_KM2 = 2_000;

/**
 * Outside DETAIL_BOUNDS a vertex survives only if removing it would change the
 * outline by at least this area (deg²). Simplifying the shared topology, not
 * each country on its own, keeps neighbours' borders identical: no gaps.
 */
export const OUTER_MIN_WEIGHT = 0.1;

export interface BasemapFiles {
  countries: FeatureCollection<Polygon | MultiPolygon, CountryProps>;
  boundaries: FeatureCollection<MultiLineString, BoundaryProps>;
  labels: FeatureCollection<Point, LabelProps>;
}

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/**
 * Whether any part of the country reaches into `frame`. Tested part by part:
 * the bbox of a whole country that crosses the antimeridian (the USA, Fiji)
 * spans the globe and would match everything.
 */
function touches(g: Polygon | MultiPolygon, frame: BBox): boolean {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.some((rings) => {
    const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of rings[0]) {
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    }
    return bboxIntersects(b, frame);
  });
}

/**
 * Builds the three basemap layers from world-atlas's 1:50m topology. Pure: no I/O.
 *
 * Visvalingam simplification can make a ring cross itself, which MapLibre fills
 * as garbage. So each pass looks for crossings (turf kinks) and keeps full detail
 * around them in the next; a few passes leave only crossings that are already in
 * the source data.
 */
export function buildBasemap(source: CountriesTopology): BasemapFiles {
  const protect: BBox[] = [];
  for (let pass = 0; ; pass++) {
    const result = buildOnce(source, protect);
    const fresh = result.countries.features
      .flatMap((f) => kinks(f).features.map((k) => k.geometry.coordinates))
      .filter((p) => !protect.some((b) => bboxContains(b, p)));
    if (fresh.length === 0 || pass === 4) return result;
    for (const [x, y] of fresh) protect.push([x - 0.5, y - 0.5, x + 0.5, y + 0.5]);
  }
}

function buildOnce(source: CountriesTopology, protect: BBox[]): BasemapFiles {
  const step = source.transform ? Math.min(...source.transform.scale) : 0;
  const decimals = Math.min(decimalsForZoom(MAX_ZOOM), step ? decimalsForStep(step) : Infinity);
  const keep = (p: [number, number]) =>
    bboxContains(DETAIL_BOUNDS, p) || protect.some((b) => bboxContains(b, p));
  // presimplify mutates and decodes the topology; work on a copy so callers can reuse theirs.
  const topo = presimplify(structuredClone(source), (triangle) =>
    keep(triangle[1]) ? Infinity : planarTriangleArea(triangle),
  );
  const simple = simplify(topo, OUTER_MIN_WEIGHT) as CountriesTopology;

  const all = simple.objects.countries.geometries;
  const full = feature(simple, simple.objects.countries);
  const keptIdx: number[] = [];
  const countries: Feature<Polygon | MultiPolygon, CountryProps>[] = [];
  full.features.forEach((f, i) => {
    // world-atlas stitches Natural Earth's parts back together across ±180° (right
    // for a spherical renderer); MapLibre is planar and would draw a band round the
    // world, so they are cut again (RFC 7946 §3.1.9).
    if (!f.geometry || !touches(f.geometry as Polygon | MultiPolygon, MAX_BOUNDS)) return;
    const g = cutPolygonal(f.geometry as Polygon | MultiPolygon);
    const rounded = roundPolygonal(g, decimals);
    if (!rounded) return;
    const id = all[i].id;
    keptIdx.push(i);
    countries.push({
      type: 'Feature',
      properties: {
        iso_a3: alpha3FromNumeric(id),
        iso_n3: id === undefined ? null : String(id),
        name: (all[i].properties as { name?: string } | undefined)?.name ?? '',
      },
      // RFC 7946 §3.1.6: exterior rings counterclockwise, holes clockwise.
      geometry: rewind(rounded, { reverse: false }) as Polygon | MultiPolygon,
    });
  });
  // Ordered by Natural Earth's name, then renamed where that name is out of date: a corrected
  // name changes its line only, not the order of the file.
  countries.sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'en'));
  for (const c of countries)
    c.properties.name = displayName(c.properties.iso_a3, c.properties.name);

  const kept: GeometryCollection = {
    type: 'GeometryCollection',
    geometries: keptIdx.map((i) => all[i]),
  };
  // Borders and coasts come from the shared arcs, each drawn once. Stroking the
  // country polygons instead would draw every border twice and, in MapLibre,
  // show seams where the polygons are cut into tiles.
  const line = (kind: BoundaryProps['kind'], filter: (a: unknown, b: unknown) => boolean) => ({
    type: 'Feature' as const,
    properties: { kind },
    geometry: roundLines(cutLines(mesh(simple, kept, filter)), decimals),
  });
  const boundaries: BasemapFiles['boundaries'] = {
    type: 'FeatureCollection',
    features: [line('border', (a, b) => a !== b), line('coast', (a, b) => a === b)],
  };

  const labelled = countries
    .map((c) => ({ c, area: areaKm2(c.geometry) }))
    .filter(({ c, area }) => c.properties.iso_a3 !== null && area >= MIN_LABEL_AREA_KM2)
    .sort((a, b) => b.area - a.area);
  const labels: BasemapFiles['labels'] = {
    type: 'FeatureCollection',
    features: [],
  };
  labelled.forEach(({ c }, i) => {
    const at = labelPoint(c.geometry, DETAIL_BOUNDS) ?? labelPoint(c.geometry, MAX_BOUNDS);
    if (!at) return;
    labels.features.push({
      type: 'Feature',
      properties: { iso_a3: c.properties.iso_a3 as string, name: c.properties.name, rank: i + 1 },
      geometry: {
        type: 'Point',
        coordinates: [roundTo(at[0], decimals), roundTo(at[1], decimals)],
      },
    });
  });

  return { countries: { type: 'FeatureCollection', features: countries }, boundaries, labels };
}

/**
 * One feature per line: small diffs when the data changes, and still a plain
 * FeatureCollection any GIS tool opens.
 */
export function serialize(fc: FeatureCollection): string {
  const lines = fc.features.map((f) => JSON.stringify(f));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}
