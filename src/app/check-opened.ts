import type { FeatureCollection } from 'geojson';
import type { StoryLayer } from '../geo/types.ts';
import { layerContext, validateLayer, type ProjectFile } from '../validate/index.ts';
import type { Opened } from './opened.ts';

/*
 * Loaded only when a reader opens a file: the validator (ajv and friends) is
 * too big to make every reader download it up front.
 */

/**
 * Checks a file a reader opened with the project's own validator, against the
 * story already loaded (its passages, and the ids of the other layers), and
 * says whether it can be drawn. Pure and total: any text gives an answer.
 */
export function readOpened(
  name: string,
  text: string,
  story: { article: unknown; layers: readonly StoryLayer[] },
): Opened {
  const path = `geo/${name.replace(/[\\/]/g, '_')}`;
  const others: ProjectFile[] = [
    { path: 'story/article.json', text: JSON.stringify(story.article) },
    ...story.layers
      .filter((l) => `geo/${l.name}.geojson` !== path)
      .map((l) => ({ path: `geo/${l.name}.geojson`, text: JSON.stringify(l) })),
  ];
  const diagnostics = validateLayer(path, text, layerContext(others));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const first = diagnostics[0];
    const where = first ? ` (line ${first.line}, column ${first.column}: ${first.message})` : '';
    return { ok: false, name, message: `“${name}” is not valid JSON${where}.`, diagnostics };
  }
  const fc = toCollection(data);
  if (!fc)
    return {
      ok: false,
      name,
      message: `“${name}” is JSON but not GeoJSON: expected a FeatureCollection, a Feature or a geometry.`,
      diagnostics,
    };
  return { ok: true, name, data: fc, diagnostics };
}

function toCollection(data: unknown): FeatureCollection | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as {
    type?: unknown;
    features?: unknown;
    coordinates?: unknown;
    geometries?: unknown;
  };
  if (d.type === 'FeatureCollection' && Array.isArray(d.features)) {
    const features = d.features.filter(
      (f): f is FeatureCollection['features'][number] =>
        !!f && typeof f === 'object' && (f as { type?: unknown }).type === 'Feature',
    );
    return { type: 'FeatureCollection', features };
  }
  if (d.type === 'Feature') return { type: 'FeatureCollection', features: [data as never] };
  const geometryTypes = [
    'Point',
    'MultiPoint',
    'LineString',
    'MultiLineString',
    'Polygon',
    'MultiPolygon',
    'GeometryCollection',
  ];
  if (typeof d.type === 'string' && geometryTypes.includes(d.type))
    return {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: data as never }],
    };
  return null;
}
