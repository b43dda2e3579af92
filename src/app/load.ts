import type { StoryLayer } from '../geo/types.ts';

export interface LoadProblem {
  file: string;
  message: string;
}

export type LoadResult = { ok: true; layer: StoryLayer } | { ok: false; problem: LoadProblem };

/**
 * Fetches and parses one layer. Never throws: a missing or broken file becomes
 * a problem the page reports, and the other layers load regardless.
 */
export async function loadLayer(file: string, url: string): Promise<LoadResult> {
  let text: string;
  try {
    const res = await fetch(url);
    if (!res.ok)
      return { ok: false, problem: { file, message: `could not be loaded (HTTP ${res.status})` } };
    text = await res.text();
  } catch {
    return { ok: false, problem: { file, message: 'could not be loaded' } };
  }
  return parseLayer(file, text);
}

export function parseLayer(file: string, text: string): LoadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return {
      ok: false,
      problem: { file, message: `is not valid JSON (${(err as Error).message})` },
    };
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
