import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { formatLayer } from '../../src/geo/format.ts';
import { basemapGeometries, syncCountries, type LayerLike } from './sync.ts';

/** Syncs (or with `check`, verifies) every story layer under `geoDir`; returns the number of failures. */
export function runSync(geoDir: string, check: boolean): number {
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
  return failures;
}
