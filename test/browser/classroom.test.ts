import { readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Tour } from '../../src/tour/types.ts';
import {
  axeViolations,
  ARTEFACTS,
  openPage,
  screenshot,
  settle,
  waitForIdle,
  type Site,
  servedInChromium,
} from './harness.ts';

const tour: Tour = JSON.parse(
  readFileSync(new URL('../../story/tour.json', import.meta.url), 'utf8'),
);
type MapWindow = { __map: import('maplibre-gl').Map };

let site: Site;
let browser: Browser;
servedInChromium((s, b) => ((site = s), (browser = b)));

async function open(width = 1920, height = 1080) {
  const w = await openPage(browser, site.url, { width, height }, { reducedMotion: 'reduce' });
  await w.page.goto(site.url);
  await waitForIdle(w.page);
  await w.page.locator('#passage-p01 .chip').first().waitFor();
  return w;
}

const highlighted = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const map = (window as unknown as MapWindow).__map;
    const out: string[] = [];
    for (const [sid, src] of Object.entries(map.getStyle().sources)) {
      if (!sid.startsWith('story-')) continue;
      const data = (src as { data: GeoJSON.FeatureCollection }).data;
      for (const f of data.features) {
        const id = f.properties?.id as string;
        if (map.getFeatureState({ source: sid, id }).highlighted) out.push(id);
      }
    }
    return out.sort();
  });

const camera = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const map = (window as unknown as MapWindow).__map;
    const c = map.getCenter();
    return { lng: c.lng, lat: c.lat, zoom: map.getZoom() };
  });

describe('presentation', () => {
  it('walks the tour with the keys a keyboard or clicker sends, as the tour data says', async () => {
    const { page, context, consoleErrors, outside } = await open();
    await page.getByRole('button', { name: 'Present the tour' }).click();
    const counter = page.locator('.present .counter');
    await expect.poll(() => counter.textContent()).toMatch(/Step 1 of 12/);
    await settle(page);
    expect(await highlighted(page)).toEqual([...tour.steps[0].features].sort());

    // Type readable from the back of the room.
    const size = await page.evaluate(() =>
      parseFloat(getComputedStyle(document.querySelector('.present .passage')!).fontSize),
    );
    expect(size).toBeGreaterThanOrEqual(28);
    await screenshot(page, 'presentation-1920');
    expect(await axeViolations(page)).toEqual([]);

    const before = await camera(page);
    for (const [key, step] of [
      ['ArrowRight', 2],
      ['PageDown', 3],
      [' ', 4],
      ['PageUp', 3],
      ['ArrowLeft', 2],
      ['End', 12],
      ['Home', 1],
    ] as const) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      await expect.poll(() => counter.textContent()).toMatch(new RegExp(`Step ${step} of 12`));
      await settle(page);
      expect(await highlighted(page), `${key} → step ${step}`).toEqual(
        [...tour.steps[step - 1].features].sort(),
      );
    }

    // A step number then Enter jumps; the Crocus step has an explicit camera.
    const crocus = tour.steps.findIndex((s) => s.id === 'crocus');
    for (const d of String(crocus + 1)) await page.keyboard.press(d);
    await page.keyboard.press('Enter');
    await expect.poll(() => counter.textContent()).toMatch(new RegExp(`Step ${crocus + 1} of 12`));
    await settle(page);
    const cam = tour.steps[crocus].camera as { center: [number, number]; zoom: number };
    const at = await camera(page);
    expect(at.zoom).toBeCloseTo(cam.zoom, 1);
    expect(Math.abs(at.lng - cam.center[0])).toBeLessThan(0.5);
    expect(at).not.toEqual(before);

    // Pan away, then R returns to the step's view.
    await page.evaluate(() =>
      (window as unknown as MapWindow).__map.jumpTo({ center: [60, 40], zoom: 4 }),
    );
    await page.keyboard.press('r');
    await settle(page);
    const back = await camera(page);
    expect(back.zoom).toBeCloseTo(cam.zoom, 1);
    expect(Math.abs(back.lng - cam.center[0])).toBeLessThan(0.5);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.present').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    expect(consoleErrors).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });
});

describe('export and print', () => {
  it('downloads a PNG of the view at twice the screen size, with title, legend and caption', async () => {
    const { page, context } = await open(1280, 800);
    await page.locator('#passage-p13 .chip').first().click();
    await settle(page);
    const canvas = await page.evaluate(() => {
      const c = (window as unknown as MapWindow).__map.getCanvas();
      return { w: c.clientWidth, h: c.clientHeight, dpr: devicePixelRatio };
    });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const path = `${ARTEFACTS}export.png`;
    await download.saveAs(path);
    const png = PNG.sync.read(readFileSync(path));
    expect(png.width).toBe(canvas.w * canvas.dpr * 2);
    // The map at twice its size, plus a title band above and a caption band below.
    expect(png.height).toBeGreaterThan(canvas.h * canvas.dpr * 2);
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4 * 97)
      colours.add((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
    expect(colours.size).toBeGreaterThan(50);
    // The map returns to its own pixel ratio afterwards.
    expect(await page.evaluate(() => (window as unknown as MapWindow).__map.getPixelRatio())).toBe(
      canvas.dpr,
    );
    await context.close();
  });

  it('prints a one-page landscape handout on A4 and Letter', async () => {
    const { page, context } = await open(1280, 800);
    await page.locator('#passage-p10 .chip').first().click();
    await settle(page);
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, landscape: true, printBackground: true });
      writeFileSync(`${ARTEFACTS}handout-${format}.pdf`, pdf);
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length, format).toBe(1);
    }
    // The printed map is a picture of the live one.
    const src = await page.locator('img.print-map').getAttribute('src');
    expect(src).toMatch(/^data:image\/png;base64,/);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'print-media');
    expect(await page.locator('.card').isVisible()).toBe(true);
    expect(await page.locator('#tabpanel').isVisible()).toBe(false);
    await context.close();
  });
});
