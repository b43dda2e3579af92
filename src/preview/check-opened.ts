import type { FeatureCollection } from 'geojson';
import type { StoryLayer } from '../geo/types.ts';
import {
  layerContext,
  splitTiers,
  storyNeeds,
  validateLayer,
  type Diagnostic,
  type ProjectFile,
} from '../validate/index.ts';
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
/** The story as files, for the validator's context; a layer of the same path is left out. */
function storyFiles(
  path: string,
  story: { article: unknown; layers: readonly StoryLayer[] },
): ProjectFile[] {
  return [
    { path: 'story/article.json', text: JSON.stringify(story.article) },
    ...story.layers
      .filter((l) => `geo/${l.name}.geojson` !== path)
      .map((l) => ({ path: `geo/${l.name}.geojson`, text: JSON.stringify(l) })),
  ];
}

/** A layer made from an opened file, checked as `npm run validate` will check it in geo/. */
export function checkMadeLayer(
  name: string,
  text: string,
  story: { article: unknown; layers: readonly StoryLayer[] },
): Diagnostic[] {
  const path = `geo/${name}.geojson`;
  return validateLayer(path, text, layerContext(storyFiles(path, story)));
}

export function readOpened(
  name: string,
  text: string,
  story: { article: unknown; layers: readonly StoryLayer[] },
): Opened {
  const path = `geo/${name.replace(/[\\/]/g, '_')}`;
  const context = layerContext(storyFiles(path, story));
  const diagnostics = validateLayer(path, text, context);
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
  const type = (data as { type?: unknown }).type;
  if (type === 'FeatureCollection') return { ok: true, name, data: fc, diagnostics };
  return { ok: true, name, data: fc, ...wrapped(path, String(type), fc, diagnostics, context) };
}

/**
 * A Feature or a bare geometry is GeoJSON like any other: its RFC 7946 faults are reported as
 * found. What it lacks to become a story layer is judged on it wrapped in a FeatureCollection, as
 * a layer would hold it, so the counts speak of its features rather than of the container.
 */
function wrapped(
  path: string,
  type: string,
  fc: FeatureCollection,
  diagnostics: Diagnostic[],
  context: ReturnType<typeof layerContext>,
): { diagnostics: Diagnostic[]; needs: string[] } {
  const { geojson } = splitTiers(diagnostics);
  const inLayer = validateLayer(path, JSON.stringify(fc, null, 2), context);
  return {
    diagnostics: geojson,
    needs: [
      `the file is a ${type}; a story layer is a FeatureCollection`,
      ...storyNeeds(splitTiers(inLayer).story, false).filter(
        (n) => !n.startsWith('the file is not'),
      ),
    ],
  };
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
