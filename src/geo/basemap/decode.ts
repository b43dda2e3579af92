/**
 * One layer of the shipped basemap topology (./encode.ts) back as the GeoJSON of geo/basemap/,
 * coordinate for coordinate and ring for ring. Runs in MapLibre's worker
 * (src/map/basemap-worker.ts), so the main thread never parses the basemap, and on the main
 * thread only for the few country outlines the story layers share with it (src/app/load.ts).
 * Pure: no Svelte, no MapLibre.
 */
import type {
  Feature,
  FeatureCollection,
  GeoJsonProperties,
  Geometry,
  Polygon,
  Position,
} from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';

/**
 * Foreign member of a polygonal geometry object: for each ring in order (a MultiPolygon's
 * flattened), the vertex the file's ring starts at. A ring built from arcs starts where its
 * first arc does; the file's may start elsewhere.
 */
export interface RingStarts {
  starts?: number[];
}

export function decodeBasemap(topo: Topology, name: string): FeatureCollection {
  const object = topo.objects[name];
  if (!object) throw new Error(`the basemap has no layer "${name}"`);
  const parts = object.type === 'GeometryCollection' ? object.geometries : [object];
  return { type: 'FeatureCollection', features: parts.map((g) => decodeOne(topo, g)) };
}

/** One geometry object as the file's feature: rounded back to the file's decimals, rings turned. */
export function decodeOne(
  topo: Topology,
  g: GeometryObject<GeoJsonProperties> & RingStarts,
): Feature {
  const f = feature(topo, g) as Feature;
  // i · step + origin is a float a hair off the file's decimal: rounded back to it.
  const k = topo.transform ? Math.round(1 / topo.transform.scale[0]) : 0;
  if (f.geometry && k) roundGeometry(f.geometry, k);
  if (f.geometry && g.starts) turnRings(f.geometry, g.starts);
  return f;
}

/** Each ring of a Polygon or MultiPolygon, in order. */
export function ringsOf(g: Geometry): Position[][] {
  if (g.type === 'Polygon') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat();
  return [];
}

/** Rotates a closed ring to start at its vertex `at`. */
export function turnRing(ring: Position[], at: number): Position[] {
  if (!at) return ring;
  const open = ring.slice(0, -1);
  const turned = [...open.slice(at), ...open.slice(0, at)];
  return [...turned, turned[0]];
}

function turnRings(g: Geometry, starts: number[]): void {
  let i = 0;
  const turn = (rings: Polygon['coordinates']) => rings.map((r) => turnRing(r, starts[i++] ?? 0));
  if (g.type === 'Polygon') g.coordinates = turn(g.coordinates);
  else if (g.type === 'MultiPolygon') g.coordinates = g.coordinates.map(turn);
}

function roundGeometry(g: Geometry, f: number): void {
  const r = (p: Position) => {
    p[0] = Math.round(p[0] * f) / f + 0;
    p[1] = Math.round(p[1] * f) / f + 0;
  };
  switch (g.type) {
    case 'Point':
      return r(g.coordinates);
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates.forEach(r);
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.forEach((l) => l.forEach(r));
    case 'MultiPolygon':
      return g.coordinates.forEach((p) => p.forEach((l) => l.forEach(r)));
    case 'GeometryCollection':
      return g.geometries.forEach((c) => roundGeometry(c, f));
  }
}

/**
 * The outline of each country (by iso_a3) in the topology's `countries`, decoded when first
 * asked for and then shared: the main thread decodes the few the story layers name, not all.
 */
export function countryOutlines(topo: Topology): { get(iso: string): Geometry | undefined } {
  const object = topo.objects.countries;
  const byIso = new Map<string, GeometryObject<GeoJsonProperties>>();
  if (object?.type === 'GeometryCollection')
    for (const g of object.geometries) {
      const iso = (g.properties as { iso_a3?: string | null } | undefined)?.iso_a3;
      if (iso) byIso.set(iso, g);
    }
  const decoded = new Map<string, Geometry>();
  return {
    get(iso) {
      const known = decoded.get(iso);
      if (known) return known;
      const g = byIso.get(iso);
      const geometry = g ? decodeOne(topo, g).geometry : null;
      if (!geometry) return undefined;
      decoded.set(iso, geometry);
      return geometry;
    },
  };
}
