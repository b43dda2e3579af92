import { buildBasemap, serialize } from './build.ts';

/** Repository path → file contents, for the CLI and for the reproducibility test. */
export function basemapOutputs(source: Parameters<typeof buildBasemap>[0]): Record<string, string> {
  const b = buildBasemap(source);
  return {
    'geo/basemap/countries.geojson': serialize(b.countries),
    'geo/basemap/boundaries.geojson': serialize(b.boundaries),
    'geo/basemap/labels.geojson': serialize(b.labels),
  };
}
