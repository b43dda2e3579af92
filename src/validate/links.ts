/**
 * Checks that need more than one file: ids unique across layers, passages that exist, route
 * segments that meet their nodes, country codes the basemap has, and a layer named like its file.
 */
import { distance } from '@turf/turf';
import type { Position } from 'geojson';
import { describeValue, isRecord, passageHint, type Diagnostic, type Issue } from './diagnostic.ts';
import { stringItems, type FeatureRef } from './features.ts';
import { inRange, isPosition, showPosition } from './geometry.ts';
import { locateIssue, type SourceDoc } from './json.ts';
import { childPointer } from './pointer.ts';

/** How far a route segment's end may lie from its node: a station is not a point. */
export const MAX_NODE_DISTANCE_KM = 5;

export interface LinkContext {
  /** Passage ids of story/article.json; undefined when it could not be read (nothing checked). */
  passages?: ReadonlySet<string>;
  /** iso_a3 codes of the basemap; undefined when it could not be read (nothing checked). */
  countries?: ReadonlySet<string>;
  /** False when a layer could not be read: a node may be in it, so "no such node" is not said. */
  complete: boolean;
}

export function linkDiagnostics(
  features: readonly FeatureRef[],
  context: LinkContext,
): Diagnostic[] {
  const byId = indexById(features);
  return [
    ...duplicateIds(byId),
    ...features.flatMap((f) =>
      [
        ...unknownPassages(f, context.passages),
        ...unknownCountry(f, context.countries),
        ...routeIssues(f, byId, context.complete),
      ].map((issue) => locateIssue(f.doc, issue)),
    ),
  ];
}

function indexById(features: readonly FeatureRef[]): Map<string, FeatureRef[]> {
  const byId = new Map<string, FeatureRef[]>();
  for (const f of features) {
    if (f.id !== undefined) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
  }
  return byId;
}

const idPointer = (f: FeatureRef) => childPointer(f.pointer, 'properties', 'id');

/** Every occurrence is reported, each naming the others, so either can be renamed. */
function duplicateIds(byId: Map<string, FeatureRef[]>): Diagnostic[] {
  return [...byId].flatMap(([id, group]) => {
    if (group.length < 2) return [];
    return group.map((f) => {
      const others = group.filter((g) => g !== f).map(whereIs);
      const message = `expected an id used once across all layers, found "${id}" also at ${others.join(', ')}`;
      return locateIssue(f.doc, { code: 'duplicate-id', pointer: idPointer(f), message });
    });
  });
}

function whereIs(f: FeatureRef): string {
  const d = locateIssue(f.doc, { code: 'duplicate-id', pointer: idPointer(f), message: '' });
  return `${d.file}:${d.line}:${d.column}`;
}

function unknownPassages(f: FeatureRef, passages: ReadonlySet<string> | undefined): Issue[] {
  if (!passages) return [];
  return stringItems(f.props.passages)
    .filter(({ item }) => !passages.has(item))
    .map(({ item, index }) => ({
      code: 'unknown-passage',
      pointer: childPointer(f.pointer, 'properties', 'passages', index),
      message: `expected the id of a passage in story/article.json, found "${item}", which it does not have${passageHint(item, passages)}`,
    }));
}

function unknownCountry(f: FeatureRef, countries: ReadonlySet<string> | undefined): Issue[] {
  const code = f.props.iso_a3;
  // A malformed code is the schema's to report; only well-formed unknown ones are checked here.
  if (!countries || typeof code !== 'string' || !/^[A-Z]{3}$/.test(code) || countries.has(code)) {
    return [];
  }
  return [
    {
      code: 'unknown-country-code',
      pointer: childPointer(f.pointer, 'properties', 'iso_a3'),
      message: `expected an iso_a3 code that geo/basemap/countries.geojson has, found "${code}"`,
    },
  ];
}

type End = 'from' | 'to';

function routeIssues(f: FeatureRef, byId: Map<string, FeatureRef[]>, complete: boolean): Issue[] {
  if (f.props.kind !== 'route-segment') return [];
  const shape = routeGeometry(f);
  return [
    ...(shape ? [shape] : []),
    ...endIssues(f, 'from', byId, complete),
    ...endIssues(f, 'to', byId, complete),
  ];
}

function routeGeometry(f: FeatureRef): Issue | undefined {
  const g = f.geometry;
  if (isRecord(g) && (g.type === 'LineString' || g.type === 'MultiLineString')) return undefined;
  const found = isRecord(g) && typeof g.type === 'string' ? `a ${g.type}` : describeValue(g);
  return {
    code: 'route-geometry',
    pointer: childPointer(f.pointer, 'geometry'),
    message: `expected a LineString or MultiLineString for a route-segment, found ${found}`,
  };
}

function endIssues(
  f: FeatureRef,
  end: End,
  byId: Map<string, FeatureRef[]>,
  complete: boolean,
): Issue[] {
  const name = f.props[end];
  if (typeof name !== 'string') return [];
  const pointer = childPointer(f.pointer, 'properties', end);
  const named = byId.get(name) ?? [];
  if (!named.length) {
    if (!complete) return [];
    const message = `expected "${end}" to name a Point feature (a node) in some layer, found "${name}", which no feature has as its id`;
    return [{ code: 'unknown-node', pointer, message }];
  }
  const node = named.find((n) => isRecord(n.geometry) && n.geometry.type === 'Point');
  if (node) {
    // A node with unusable coordinates is reported where it is; measuring from it would mislead.
    const at = pointOf(node);
    return at ? farEnd(f, end, name, at) : [];
  }
  const types = named.map((n) => geometryName(n.geometry)).filter((t) => t !== undefined);
  if (!types.length) return [];
  const message = `expected "${end}" to name a Point feature (a node), found "${name}", which is ${types[0]}`;
  return [{ code: 'unknown-node', pointer, message }];
}

const GEOMETRY_TYPES = [
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
];

/** How a non-Point geometry reads in a message; undefined for one the structure check rejects. */
function geometryName(geometry: unknown): string | undefined {
  if (geometry === null) return 'a feature without geometry';
  if (!isRecord(geometry) || !GEOMETRY_TYPES.includes(String(geometry.type))) return undefined;
  return `a ${String(geometry.type)}`;
}

function pointOf(f: FeatureRef): Position | undefined {
  const g = f.geometry;
  if (!isRecord(g) || g.type !== 'Point') return undefined;
  return isPosition(g.coordinates) && inRange(g.coordinates) ? g.coordinates : undefined;
}

function farEnd(f: FeatureRef, end: End, name: string, node: Position): Issue[] {
  const tip = lineEnd(f.geometry, end, childPointer(f.pointer, 'geometry', 'coordinates'));
  if (!tip) return [];
  const km = distance(node, tip.position, { units: 'kilometers' });
  if (km <= MAX_NODE_DISTANCE_KM) return [];
  const which = end === 'from' ? 'first' : 'last';
  return [
    {
      code: 'endpoint-far-from-node',
      pointer: tip.pointer,
      message: `expected the ${which} position within ${MAX_NODE_DISTANCE_KM} km of node "${name}" at ${showPosition(node)}, found it ${km.toFixed(1)} km away at ${showPosition(tip.position)}`,
    },
  ];
}

/** First position of the first line, or last of the last line. */
function lineEnd(
  geometry: unknown,
  end: End,
  pointer: string,
): { position: Position; pointer: string } | undefined {
  if (!isRecord(geometry)) return undefined;
  let path = pointer;
  let line: unknown = geometry.coordinates;
  if (geometry.type === 'MultiLineString') {
    if (!Array.isArray(line) || !line.length) return undefined;
    const i = end === 'from' ? 0 : line.length - 1;
    [line, path] = [line[i], childPointer(path, i)];
  }
  if (!Array.isArray(line) || !line.length) return undefined;
  const i = end === 'from' ? 0 : line.length - 1;
  const position: unknown = line[i];
  return isPosition(position) && inRange(position)
    ? { position, pointer: childPointer(path, i) }
    : undefined;
}

/** The layer id is its file name: the app and links find a layer by it. */
export function layerNameIssues(doc: SourceDoc): Issue[] {
  const name = isRecord(doc.value) ? doc.value.name : undefined;
  const expected = (doc.path.split('/').pop() ?? '').replace(/\.geojson$/, '');
  if (typeof name !== 'string' || name === expected) return [];
  return [
    {
      code: 'layer-name-mismatch',
      pointer: '/name',
      message: `expected "${expected}" (the file name without .geojson), found "${name}"`,
    },
  ];
}
