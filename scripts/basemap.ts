/**
 * Regenerates geo/basemap/ from Natural Earth (via the world-atlas package).
 *   npm run basemap            write the files
 *   npm run basemap -- --check exit 1 if the committed files differ from a fresh build
 * Then copies (or checks) the country outlines the story layers take from it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { basemapOutputs } from './basemap/outputs.ts';
import { runSync } from './sync-countries/run.ts';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const source = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
const check = process.argv.includes('--check');

let stale = 0;
for (const [path, text] of Object.entries(basemapOutputs(source))) {
  const file = root + path;
  if (check) {
    let old = '';
    try {
      old = readFileSync(file, 'utf8');
    } catch {
      /* missing counts as stale */
    }
    if (old !== text) {
      stale++;
      console.error(`${path} is out of date: run npm run basemap`);
    }
  } else {
    writeFileSync(file, text);
    console.log(`${path}  ${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB`);
  }
}
if (!stale) stale += runSync(`${root}geo/`, check);
process.exit(stale ? 1 : 0);
