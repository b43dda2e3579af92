import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGION_BOUNDS } from '../../src/geo/region.ts';
import { theme } from '../../src/style/theme.ts';
import {
  colourDistance,
  dominantColour,
  hexToRgb,
  launchBrowser,
  openPage,
  screenshot,
  serveDist,
  waitForIdle,
  type Site,
} from './harness.ts';

type LngLat = [number, number];
const KABUL: LngLat = [69.21, 34.56];
const MOSCOW: LngLat = [37.62, 55.75];
const CASPIAN: LngLat = [50.5, 42.0];

let site: Site;
let browser: Browser;

beforeAll(async () => {
  site = await serveDist();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const VIEWPORTS = [
  { name: 'phone', width: 360, height: 640 },
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'projector', width: 1920, height: 1080 },
];

describe.each(VIEWPORTS)('basemap at $name size ($width×$height)', (vp) => {
  it('draws offline, fits the region and shows land and water where they are', async () => {
    const w = await openPage(browser, site.url, { width: vp.width, height: vp.height });
    // Every story layer hidden (an empty layer list in the link): the basemap alone.
    await w.page.goto(`${site.url}#layers=`);
    await waitForIdle(w.page);
    await w.page.locator('#passage-p01 .chip').first().waitFor();
    await waitForIdle(w.page);

    const state = await w.page.evaluate(
      ([points, region]) => {
        const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
        const rect = map.getCanvas().getBoundingClientRect();
        const toPage = (p: [number, number]) => {
          const { x, y } = map.project(p);
          return { x: x + rect.left, y: y + rect.top, local: { x, y } };
        };
        const b = map.getBounds();
        const hits = (p: [number, number]) =>
          map
            .queryRenderedFeatures(map.project(p), { layers: ['land'] })
            .map((f) => f.properties.iso_a3 as string);
        return {
          projected: points.map(toPage),
          kabulIso: hits(points[0]),
          moscowIso: hits(points[1]),
          // Kazakhstan's centre: queried at a point well inside it.
          kazakhIso: hits([67, 48]),
          bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
          region,
          zoom: map.getZoom(),
          minZoom: map.getMinZoom(),
          maxZoom: map.getMaxZoom(),
          maxBounds: map.getMaxBounds()?.toArray(),
          labelCount: map.queryRenderedFeatures({ layers: ['country-labels'] }).length,
        };
      },
      [[KABUL, MOSCOW, CASPIAN], REGION_BOUNDS] as const,
    );

    // The layer panel and map tools float over the map; the test is about what is under them.
    await w.page.evaluate(() =>
      document
        .querySelectorAll<HTMLElement>('.layers, .tools')
        .forEach((el) => (el.style.visibility = 'hidden')),
    );
    const png = await screenshot(w.page, `basemap-${vp.name}`);

    // The whole region is in view (a little tolerance for rounding at the edges).
    const [west, south, east, north] = state.bounds;
    expect(west).toBeLessThanOrEqual(REGION_BOUNDS[0] + 0.5);
    expect(south).toBeLessThanOrEqual(REGION_BOUNDS[1] + 0.5);
    expect(east).toBeGreaterThanOrEqual(REGION_BOUNDS[2] - 0.5);
    expect(north).toBeGreaterThanOrEqual(REGION_BOUNDS[3] - 0.5);
    expect(state.maxBounds).toBeTruthy();
    expect(state.minZoom).toBeGreaterThan(0);
    expect(state.maxZoom).toBeLessThanOrEqual(12);

    const land = hexToRgb(theme.land);
    const water = hexToRgb(theme.water);
    const [kabul, moscow, caspian] = state.projected;
    expect(colourDistance(dominantColour(png, kabul.x, kabul.y), land)).toBeLessThanOrEqual(3);
    expect(colourDistance(dominantColour(png, moscow.x, moscow.y), land)).toBeLessThanOrEqual(3);
    expect(colourDistance(dominantColour(png, caspian.x, caspian.y), water)).toBeLessThanOrEqual(3);

    expect(state.kabulIso).toContain('AFG');
    expect(state.moscowIso).toContain('RUS');
    expect(state.kazakhIso).toContain('KAZ');
    expect(state.labelCount).toBeGreaterThan(5);

    expect(w.consoleErrors).toEqual([]);
    expect(w.outside).toEqual([]);
    await w.context.close();
  });
});

describe('zoom limits', () => {
  it('keeps the reader near the region however far they zoom out or pan', async () => {
    const w = await openPage(browser, site.url);
    await w.page.goto(site.url);
    await waitForIdle(w.page);
    const after = await w.page.evaluate(async () => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      map.jumpTo({ zoom: 0, center: [-100, 40] });
      const c = map.getCenter();
      return { zoom: map.getZoom(), lng: c.lng, lat: c.lat };
    });
    expect(after.zoom).toBeGreaterThanOrEqual(1);
    expect(after.lng).toBeGreaterThan(-10);
    await w.context.close();
  });
});

describe('without WebGL', () => {
  it('says so plainly and keeps the rest of the page', async () => {
    const noGl = await launchBrowser(['--disable-webgl', '--disable-3d-apis']);
    try {
      const w = await openPage(noGl, site.url);
      await w.page.goto(site.url);
      const alert = w.page.getByRole('alert');
      await alert.waitFor({ timeout: 15_000 });
      expect(await alert.textContent()).toMatch(/cannot be shown/i);
      expect(await w.page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Taliban/);
      await screenshot(w.page, 'no-webgl');
      expect(w.outside).toEqual([]);
    } finally {
      await noGl.close();
    }
  });
});
