/**
 * The basemap as the app ships it: geo/basemap/'s three GeoJSON files (the source of truth, what
 * a GIS tool opens) as one TopoJSON topology. Every border is stored once, as an arc that the
 * countries on both sides and the border and coast lines all refer to, and the coordinates as
 * integer steps from the previous point: 45 KiB Brotli instead of 115 for the three files. The
 * steps are the files' own last decimal, so decoding (./decode.ts) gives back every coordinate
 * exactly. Build time only (scripts/vite-plugin-basemap.ts). Pure: no Svelte, no MapLibre.
 */
import type { FeatureCollection, GeoJsonProperties, Position } from 'geojson';
import { topology } from 'topojson-server';
import type { GeometryObject, Topology } from 'topojson-specification';
import { decodeOne, ringsOf, turnRing, type RingStarts } from './decode.ts';

/** The fewest decimals (at most 7) that write every coordinate of `positions` exactly. */
export function decimalsOf(positions: Iterable<Position>): number {
  let d = 0;
  for (const p of positions)
    for (const v of p.slice(0, 2)) while (d < 7 && Math.round(v * 10 ** d) / 10 ** d !== v) d++;
  return d;
}

/**
 * One topology of the named layers, quantised losslessly: the grid is one unit of the data's
 * last decimal, anchored on a multiple of it, so `round(i · step + origin)` is the file's value.
 * topojson-server's own `quantize` spreads n steps over the extent instead, which moves points.
 */
export function encodeBasemap(layers: Record<string, FeatureCollection>): Topology {
  // Unquantised: arcs are shared where coordinates are equal, which they are to the last digit.
  const topo = topology(layers);
  const decimals = decimalsOf([
    ...topo.arcs.flat(),
    ...Object.values(topo.objects).flatMap((o) => points(o)),
  ]);
  const f = 10 ** decimals;
  let x0 = Infinity;
  let y0 = Infinity;
  for (const [x, y] of topo.arcs.flat()) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
  }
  for (const [x, y] of Object.values(topo.objects).flatMap((o) => points(o))) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
  }
  if (!Number.isFinite(x0)) x0 = y0 = 0;
  x0 = Math.floor(x0 * f) / f;
  y0 = Math.floor(y0 * f) / f;
  const q = ([x, y]: Position): [number, number] => [
    Math.round((x - x0) * f),
    Math.round((y - y0) * f),
  ];
  // Delta-encoded, as the TopoJSON specification (§2.1.3) has quantised arcs.
  topo.arcs = topo.arcs.map((arc) => {
    let px = 0;
    let py = 0;
    return arc.map((p) => {
      const [x, y] = q(p);
      const step: [number, number] = [x - px, y - py];
      px = x;
      py = y;
      return step;
    });
  });
  for (const o of Object.values(topo.objects)) quantisePoints(o, q);
  topo.transform = { scale: [1 / f, 1 / f], translate: [x0, y0] };
  for (const [name, layer] of Object.entries(layers)) keepRingStarts(topo, name, layer);
  return topo;
}

/** Notes where each ring of the file starts, where its decoded ring starts elsewhere. */
function keepRingStarts(topo: Topology, name: string, layer: FeatureCollection): void {
  const o = topo.objects[name];
  const parts: (GeometryObject<GeoJsonProperties> & RingStarts)[] =
    o.type === 'GeometryCollection' ? o.geometries : [o];
  parts.forEach((g, i) => {
    const file = layer.features[i]?.geometry;
    const decoded = decodeOne(topo, g).geometry;
    if (!file || !decoded) return;
    const want = ringsOf(file);
    const got = ringsOf(decoded);
    const key = (p: Position) => `${p[0]},${p[1]}`;
    const starts = got.map((ring, r) => {
      const first = want[r] ? key(want[r][0]) : '';
      const at = ring.findIndex((p) => key(p) === first);
      return at > 0 && at < ring.length - 1 ? at : 0;
    });
    if (starts.some(Boolean)) g.starts = starts;
    // A ring that still differs would be a fault of this encoder: better a failed build.
    const back = got.map((ring, r) => turnRing(ring, starts[r]));
    if (JSON.stringify(back) !== JSON.stringify(want))
      throw new Error(`${name}: feature ${i} does not round-trip through the topology`);
  });
}

type TopoObject = Topology['objects'][string];

function points(o: TopoObject): Position[] {
  if (o.type === 'GeometryCollection') return o.geometries.flatMap(points);
  if (o.type === 'Point') return [o.coordinates];
  if (o.type === 'MultiPoint') return o.coordinates;
  return [];
}

function quantisePoints(o: TopoObject, q: (p: Position) => [number, number]): void {
  if (o.type === 'GeometryCollection') o.geometries.forEach((g) => quantisePoints(g, q));
  else if (o.type === 'Point') o.coordinates = q(o.coordinates);
  else if (o.type === 'MultiPoint') o.coordinates = o.coordinates.map(q);
}
