/**
 * Copies the country outlines of geo/basemap/countries.geojson into every
 * feature of kind "country" in the story layers (geo/*.geojson, basemap
 * excepted), matched by iso_a3, and writes the layers with formatLayer.
 *   npm run sync-countries             write the layers that changed
 *   npm run sync-countries -- --check  exit 1 if any layer is out of sync
 */
import { fileURLToPath } from 'node:url';
import { runSync } from './sync-countries/run.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
process.exit(runSync(`${root}geo/`, process.argv.includes('--check')) ? 1 : 0);
