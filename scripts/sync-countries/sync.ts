import type { FeatureCollection, Geometry } from 'geojson';

/** The parts of a layer feature this module reads or writes. */
interface LayerFeature {
  type: 'Feature';
  properties: { id?: string; kind?: string; iso_a3?: string } | null;
  geometry: Geometry | null;
}

export interface LayerLike {
  type: 'FeatureCollection';
  features: LayerFeature[];
  [member: string]: unknown;
}

export interface SyncResult<L extends LayerLike> {
  /** The layer with every country's geometry taken from the basemap (a new object; the input is not changed). */
  layer: L;
  /** Ids of the country features whose geometry differed from the basemap's. */
  changed: string[];
  /** Country features that cannot be synced: no iso_a3, or an iso_a3 the basemap lacks. */
  problems: string[];
}

/** The basemap's geometry for each iso_a3 (features without one are skipped). */
export function basemapGeometries(
  countries: FeatureCollection<Geometry, { iso_a3: string | null }>,
): Map<string, Geometry> {
  const byIso = new Map<string, Geometry>();
  for (const f of countries.features) {
    const iso = f.properties?.iso_a3;
    if (iso && f.geometry) byIso.set(iso, f.geometry);
  }
  return byIso;
}

/** A fresh copy with the keys in GeoJSON order, so the copy compares and prints like the source. */
function copyGeometry(g: Geometry): Geometry {
  return JSON.parse(JSON.stringify(g)) as Geometry;
}

function sameGeometry(a: Geometry | null, b: Geometry): boolean {
  if (!a || a.type !== b.type) return false;
  const coords = (g: Geometry) => JSON.stringify('coordinates' in g ? g.coordinates : g);
  return coords(a) === coords(b);
}

/**
 * Copies the basemap geometry of its iso_a3 into every feature of kind
 * "country", so a country drawn in a story layer is exactly the basemap's.
 * Pure: returns a new layer and lists what changed.
 */
export function syncCountries<L extends LayerLike>(
  layer: L,
  geometries: Map<string, Geometry>,
): SyncResult<L> {
  const changed: string[] = [];
  const problems: string[] = [];
  const features = layer.features.map((f) => {
    if (f.properties?.kind !== 'country') return f;
    const id = f.properties.id ?? '(no id)';
    const iso = f.properties.iso_a3;
    const g = iso ? geometries.get(iso) : undefined;
    if (!g) {
      problems.push(
        iso ? `${id}: iso_a3 ${iso} is not in the basemap` : `${id}: a country needs an iso_a3`,
      );
      return f;
    }
    if (sameGeometry(f.geometry, g)) return f;
    changed.push(id);
    return { ...f, geometry: copyGeometry(g) };
  });
  return { layer: { ...layer, features }, changed, problems };
}
