/**
 * Country outlines shipped once. Every story layer that names a country carries its outline so
 * that the file opens on its own in any GIS tool; the outline is the basemap's, byte for byte
 * (`npm run sync-countries` keeps them so, a test checks it). The build ships each layer with a
 * reference in its place, and the app puts the basemap's outline back: Kazakhstan's border
 * crosses the network once, in the basemap, not four times. Pure: no Svelte, no MapLibre.
 */
import type { Geometry } from 'geojson';

/** The parts of a layer this module reads and writes. */
interface LayerJson {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    properties: { iso_a3?: string; kind?: string } | null;
    geometry: Geometry | null;
    /** Foreign member of a compiled feature: the basemap country whose outline it has. */
    outline?: string;
  }[];
  [member: string]: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The layer as the app loads it: each country whose geometry is the basemap's own gets
 * `"geometry": null` and `"outline": ISO` instead. A country drawn differently keeps its
 * geometry, so nothing is lost if the two ever differ.
 */
export function stripOutlines<L extends LayerJson>(
  layer: L,
  basemap: ReadonlyMap<string, Geometry>,
): L {
  return {
    ...layer,
    features: layer.features.map((f) => {
      const iso = f.properties?.kind === 'country' ? f.properties.iso_a3 : undefined;
      const outline = iso ? basemap.get(iso) : undefined;
      if (!iso || !outline || !same(outline, f.geometry)) return f;
      return { ...f, geometry: null, outline: iso };
    }),
  };
}

/** True when a loaded layer refers to basemap outlines. */
export const needsOutlines = (layer: LayerJson): boolean =>
  layer.features.some((f) => typeof f?.outline === 'string');

/**
 * Puts the outlines back: the layer as it is in geo/ (the same geometry objects as the basemap's,
 * shared, not copied). A reference the basemap lacks leaves the feature without geometry; the
 * caller reports it.
 */
export function restoreOutlines<L extends LayerJson>(
  layer: L,
  basemap: Pick<ReadonlyMap<string, Geometry>, 'get'>,
): { layer: L; missing: string[] } {
  const missing: string[] = [];
  const features = layer.features.map((f) => {
    if (!f || typeof f.outline !== 'string') return f;
    const { outline, ...rest } = f;
    const geometry = basemap.get(outline);
    if (!geometry) missing.push(outline);
    return { ...rest, geometry: geometry ?? null };
  });
  return { layer: { ...layer, features }, missing };
}

/** The basemap's outline for each iso_a3. */
export function outlinesByIso(countries: {
  features: { properties: { iso_a3?: string | null } | null; geometry: Geometry | null }[];
}): Map<string, Geometry> {
  const out = new Map<string, Geometry>();
  for (const f of countries.features) {
    const iso = f.properties?.iso_a3;
    if (iso && f.geometry) out.set(iso, f.geometry);
  }
  return out;
}
