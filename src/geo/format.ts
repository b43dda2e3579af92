/**
 * The one text form of a story layer (geo/*.geojson). Pure: no Svelte, no
 * MapLibre, so scripts, tests and the app can all use it.
 *
 * - 2-space indented JSON with a trailing newline;
 * - keys in a fixed order: collection (type, name, title, description, aliases,
 *   features), feature (type, properties, geometry), properties in the order of
 *   schema/feature.schema.json, geometry (type, coordinates); keys this module
 *   does not know follow the known ones, alphabetically;
 * - every position `[lon, lat]` on one line, one position per line in a line or ring.
 *
 * Formatting never changes a value, so formatLayer(JSON.parse(formatLayer(x)))
 * is formatLayer(x).
 */

/** Order of a FeatureCollection's members (name, title, description are foreign members). */
export const COLLECTION_KEYS = [
  'type',
  'name',
  'title',
  'description',
  'aliases',
  'features',
] as const;

export const FEATURE_KEYS = ['type', 'properties', 'geometry'] as const;

/** Must equal the order of `properties` in schema/feature.schema.json (a test checks it). */
export const PROPERTY_KEYS = [
  'id',
  'name',
  'aliases',
  'kind',
  'passages',
  'summary',
  'sources',
  'start',
  'end',
  'status',
  'periods',
  'after_article',
  'iso_a3',
  'route',
  'mode',
  'branch',
  'from',
  'to',
  'location_note',
] as const;

/** Order of a `sources` item, as in the schema. */
export const SOURCE_KEYS = ['title', 'publisher', 'url', 'date', 'note'] as const;

/** Order of a `periods` item, as in the schema. */
export const PERIOD_KEYS = ['start', 'end', 'status', 'note'] as const;

export const GEOMETRY_KEYS = ['type', 'coordinates', 'geometries'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

type Context =
  | 'collection'
  | 'feature'
  | 'properties'
  | 'source'
  | 'period'
  | 'geometry'
  | 'coordinates'
  | 'other';

const KEY_ORDER: Partial<Record<Context, readonly string[]>> = {
  collection: COLLECTION_KEYS,
  feature: FEATURE_KEYS,
  properties: PROPERTY_KEYS,
  source: SOURCE_KEYS,
  period: PERIOD_KEYS,
  geometry: GEOMETRY_KEYS,
};

/** Known keys first, in their order; the rest alphabetically. Undefined values are dropped, as JSON.stringify does. */
function orderedKeys(obj: Record<string, unknown>, context: Context): string[] {
  const known = KEY_ORDER[context] ?? [];
  const present = Object.keys(obj).filter((k) => obj[k] !== undefined);
  const first = known.filter((k) => present.includes(k));
  const rest = present.filter((k) => !known.includes(k)).sort();
  return [...first, ...rest];
}

/** The context of the value stored under `key` in an object of context `parent`. */
function childContext(parent: Context, key: string): Context {
  switch (parent) {
    case 'collection':
      return key === 'features' ? 'feature' : 'other';
    case 'feature':
      if (key === 'properties') return 'properties';
      if (key === 'geometry') return 'geometry';
      return 'other';
    case 'properties':
      if (key === 'sources') return 'source';
      if (key === 'periods') return 'period';
      return 'other';
    case 'geometry':
      if (key === 'coordinates') return 'coordinates';
      if (key === 'geometries') return 'geometry';
      return 'other';
    default:
      return parent === 'coordinates' ? 'coordinates' : 'other';
  }
}

const isPosition = (v: unknown): v is number[] =>
  Array.isArray(v) && v.length > 0 && v.every((n) => typeof n === 'number');

function write(value: unknown, context: Context, indent: string): string {
  if (value === null || typeof value !== 'object') {
    // Numbers, strings, booleans, null: exactly as JSON.stringify writes them.
    return JSON.stringify(value ?? null);
  }
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (context === 'coordinates' && isPosition(value)) {
      return `[${value.map((n) => JSON.stringify(n)).join(', ')}]`;
    }
    // Array items (features, sources, periods, rings…) keep the context of the array itself.
    const items = value.map((item) => inner + write(item, context, inner));
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = orderedKeys(obj, context);
  if (keys.length === 0) return '{}';
  const members = keys.map(
    (k) => `${inner}${JSON.stringify(k)}: ${write(obj[k], childContext(context, k), inner)}`,
  );
  return `{\n${members.join(',\n')}\n${indent}}`;
}

/** The canonical text of a layer: what every geo/*.geojson (basemap excepted) must be, byte for byte. */
export function formatLayer(fc: unknown): string {
  return write(fc as Json, 'collection', '') + '\n';
}
