/**
 * Copies the country outlines of geo/basemap/countries.geojson into every
 * feature of kind "country" in the story layers (geo/*.geojson, basemap
 * excepted), matched by iso_a3, and writes the layers with formatLayer.
 *   npm run sync-countries             write the layers that changed
 *   npm run sync-countries -- --check  exit 1 if any layer is out of sync
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatLayer } from '../src/geo/format.ts';
import { basemapGeometries, syncCountries, type LayerLike } from './sync-countries/sync.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const geoDir = `${root}geo/`;
// `npm run basemap -- --check` reaches this script (chained after the basemap) only as npm's config flag.
const check = process.argv.includes('--check') || process.env.npm_config_check === 'true';

const geometries = basemapGeometries(
  JSON.parse(readFileSync(`${geoDir}basemap/countries.geojson`, 'utf8')),
);

let failures = 0;
const files = readdirSync(geoDir, { withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.geojson'))
  .map((e) => e.name)
  .sort();

for (const name of files) {
  const path = `geo/${name}`;
  const layer = JSON.parse(readFileSync(geoDir + name, 'utf8')) as LayerLike;
  const result = syncCountries(layer, geometries);
  for (const p of result.problems) {
    failures++;
    console.error(`${path}: ${p}`);
  }
  if (result.changed.length === 0) continue;
  if (check) {
    failures++;
    console.error(
      `${path}: ${result.changed.join(', ')} differ from the basemap: run npm run sync-countries`,
    );
  } else {
    writeFileSync(geoDir + name, formatLayer(result.layer));
    console.log(`${path}: synced ${result.changed.join(', ')}`);
  }
}
if (!failures) console.log(`${files.length} layers: country geometries match the basemap`);
process.exit(failures ? 1 : 0);
