import type { Geometry } from 'geojson';
import { countryOutlines } from '../geo/basemap/decode.ts';
import type { StoryLayer } from '../geo/types.ts';
import { needsOutlines, restoreOutlines } from '../model/outlines.ts';

/**
 * The basemap's country outlines, fetched once, when a layer first needs them (MapLibre's worker
 * has fetched the same topology for the basemap: the browser's cache answers), each decoded
 * when a layer names it.
 */
export type Outlines = () => Promise<Pick<ReadonlyMap<string, Geometry>, 'get'> | null>;

export function basemapOutlines(url: string): Outlines {
  let pending: ReturnType<Outlines> | null = null;
  return () =>
    (pending ??= fetch(url)
      .then((r) => (r.ok ? r.json() : null))
      .then((topo) => (topo ? countryOutlines(topo) : null))
      .catch(() => null));
}

export interface LoadProblem {
  file: string;
  message: string;
}

export type LoadResult = { ok: true; layer: StoryLayer } | { ok: false; problem: LoadProblem };

/**
 * Fetches and parses one layer. Never throws: a missing or broken file becomes
 * a problem the page reports, and the other layers load regardless.
 */
export async function loadLayer(
  file: string,
  url: string,
  outlines?: Outlines,
): Promise<LoadResult> {
  let text: string;
  try {
    const res = await fetch(url);
    if (!res.ok)
      return { ok: false, problem: { file, message: `could not be loaded (HTTP ${res.status})` } };
    text = await res.text();
  } catch {
    return { ok: false, problem: { file, message: 'could not be loaded' } };
  }
  if (!outlines) return parseLayer(file, text);
  // A compiled layer names basemap outlines instead of carrying them.
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return parseLayer(file, text);
  }
  const fc = data as Parameters<typeof needsOutlines>[0];
  if (!fc || !Array.isArray(fc.features) || !needsOutlines(fc)) return parseLayer(file, text);
  const basemap = await outlines();
  if (!basemap) return { ok: false, problem: { file, message: 'lost its country outlines' } };
  const { layer, missing } = restoreOutlines(fc, basemap);
  const result = parseLayer(file, layer);
  if (result.ok && missing.length)
    return {
      ok: false,
      problem: { file, message: `names outlines the basemap lacks: ${missing.join(', ')}` },
    };
  return result;
}

export function parseLayer(file: string, text: string | object): LoadResult {
  let data: unknown = text;
  if (typeof text === 'string') {
    try {
      data = JSON.parse(text);
    } catch (err) {
      return {
        ok: false,
        problem: { file, message: `is not valid JSON (${(err as Error).message})` },
      };
    }
  }
  const fc = data as Partial<StoryLayer> | null;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    return { ok: false, problem: { file, message: 'is not a GeoJSON FeatureCollection' } };
  const name =
    typeof fc.name === 'string' ? fc.name : file.replace(/^.*\//, '').replace(/\.geojson$/, '');
  // Features without an id or properties cannot be linked or selected; they are skipped, not fatal.
  const features = fc.features.filter(
    (f) =>
      f &&
      typeof f === 'object' &&
      f.properties &&
      typeof f.properties.id === 'string' &&
      f.geometry,
  );
  return {
    ok: true,
    layer: {
      ...(fc as StoryLayer),
      name,
      title: typeof fc.title === 'string' ? fc.title : name,
      features,
    },
  };
}
