import { strFromU8, unzipSync } from 'fflate';
import { readFileSync, readdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, ROOT, servedInChromium, waitForIdle, type Site } from './harness.ts';

/* The story's data out (a zip of the layers, a KML) and other formats in (KML, GPX). */

let site: Site;
let browser: Browser;
servedInChromium((s, b) => ((site = s), (browser = b)));

const geo = `${ROOT}geo/`;
const files = readdirSync(geo).filter((f) => f.endsWith('.geojson'));

describe('data out and in', () => {
  it('downloads every layer as in geo/, and a KML with a placemark per feature', async () => {
    const w = await openPage(browser, site.url, { width: 1280, height: 800 });
    const { page } = w;
    await page.goto(site.url);
    await waitForIdle(page);
    await page.locator('#passage-p01 .chip').first().waitFor();
    await page.getByRole('tab', { name: 'All features' }).click();
    const [zipped] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'GeoJSON (zip)' }).click(),
    ]);
    const zip = unzipSync(readFileSync((await zipped.path())!));
    for (const f of files)
      expect(strFromU8(zip[`geo/${f}`]), f).toBe(readFileSync(geo + f, 'utf8'));
    expect(strFromU8(zip['README.txt'])).toContain('Natural Earth');
    const [kml] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'KML for Google Earth' }).click(),
    ]);
    const text = readFileSync((await kml.path())!, 'utf8');
    const features = files.reduce(
      (n, f) => n + JSON.parse(readFileSync(geo + f, 'utf8')).features.length,
      0,
    );
    expect(text.match(/<Placemark>/g)?.length).toBe(features);

    // A KML file opens in the preview like a GeoJSON file; a broken one is named and explained.
    await page.locator('input[type=file]').setInputFiles({
      name: 'places.kml',
      mimeType: 'application/vnd.google-earth.kml+xml',
      buffer: Buffer.from(
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>Termez</name><Point><coordinates>67.28,37.22</coordinates></Point></Placemark></kml>',
      ),
    });
    await expect.poll(() => page.locator('#opened-heading').textContent()).toContain('Previewing');
    await page.locator('input[type=file]').setInputFiles({
      name: 'broken.kml',
      mimeType: 'application/vnd.google-earth.kml+xml',
      buffer: Buffer.from('<kml><Placemark>'),
    });
    await expect.poll(() => page.locator('.opened').textContent()).toContain('is not valid KML');
    expect(w.consoleErrors).toEqual([]);
    expect(w.outside).toEqual([]);
    await w.context.close();
  });
});
