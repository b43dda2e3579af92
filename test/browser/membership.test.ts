import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  openPage,
  screenshot,
  settle,
  waitForIdle,
  servedInChromium,
  type Site,
} from './harness.ts';

/*
 * Membership as of the date shown, read from what the map actually renders: a former member
 * (Uzbekistan) is never under the CSTO's member fill, a frozen one (Armenia) is hatched, and the
 * legend, the list and the card say so.
 */

type MapWindow = { __map: import('maplibre-gl').Map };

let site: Site;
let browser: Browser;
servedInChromium((s, b) => ((site = s), (browser = b)));

const TASHKENT: [number, number] = [69.24, 41.31];
const DUSHANBE: [number, number] = [68.78, 38.56];
const YEREVAN: [number, number] = [44.51, 40.18];
const BAKU: [number, number] = [49.87, 40.41];

/** Ids of story features rendered by one map layer at a place. */
const renderedAt = (page: Page, layer: string, lngLat: [number, number]) =>
  page.evaluate(
    ({ layer, lngLat }) => {
      const map = (window as unknown as MapWindow).__map;
      const { x, y } = map.project(lngLat);
      return map
        .queryRenderedFeatures([x, y], { layers: [layer] })
        .map((f) => f.properties.id as string);
    },
    { layer, lngLat },
  );

/** Ids of the features a line layer renders anywhere in view. */
const renderedIn = (page: Page, layer: string) =>
  page.evaluate((layer) => {
    const map = (window as unknown as MapWindow).__map;
    return [...new Set(map.queryRenderedFeatures({ layers: [layer] }).map((f) => f.properties.id))];
  }, layer);

async function open(page: Page, hash: string) {
  // A fresh load each time: a hash change alone would keep the earlier state.
  await page.goto('about:blank');
  await page.goto(`${site.url}#${hash}`);
  await waitForIdle(page);
  // Every story layer loaded and drawn (a year's link opens on the timeline, not the article).
  await page.waitForFunction(() => {
    const map = (window as unknown as MapWindow).__map;
    return ['story-csto', 'story-places', 'story-eaeu'].every((s) => map.getSource(s));
  });
  await settle(page);
  await waitForIdle(page);
}

describe('membership as of the date shown', () => {
  it('today: Tashkent is not under the member fill, Dushanbe is, Armenia is hatched', async () => {
    const w = await openPage(
      browser,
      site.url,
      { width: 1440, height: 900 },
      { reducedMotion: 'reduce' },
    );
    const { page } = w;
    await open(page, 'map=4.2/40.5/58.0&layers=csto,afghanistan');

    expect(await renderedAt(page, 'csto-fill', TASHKENT)).toEqual([]);
    expect(await renderedAt(page, 'csto-fill', DUSHANBE)).toEqual(['csto-tjk']);
    expect(await renderedAt(page, 'csto-fill', YEREVAN)).toEqual([]);
    expect(await renderedAt(page, 'csto-frozen', YEREVAN)).toEqual(['csto-arm']);
    expect(await renderedAt(page, 'csto-fill', BAKU)).toEqual([]);
    const former = await renderedIn(page, 'csto-former');
    expect(former).toContain('csto-uzb');
    expect(former).not.toContain('csto-tjk');

    // The legend names each look.
    const legend = page.locator('.layers');
    if (
      (await legend
        .getByRole('button', { name: 'Layers and legend' })
        .getAttribute('aria-expanded')) === 'false'
    )
      await legend.getByRole('button', { name: 'Layers and legend' }).click();
    await expect.poll(() => legend.textContent()).toContain('CSTO participation frozen');
    expect(await legend.textContent()).toContain('former CSTO member or treaty party');
    await screenshot(page, 'membership-today');

    // Hovering the passage that names the CSTO lights its members, never Uzbekistan.
    await page.locator('#passage-p13').hover();
    const lit = await page.evaluate(() => {
      const map = (window as unknown as MapWindow).__map;
      return ['csto-uzb', 'csto-tjk'].map(
        (id) => !!map.getFeatureState({ source: 'story-csto', id }).highlighted,
      );
    });
    expect(lit).toEqual([false, true]);

    // The list qualifies Uzbekistan and Armenia.
    await page.getByRole('tab', { name: 'All features' }).click();
    const list = page.getByRole('navigation', { name: 'Everything on the map, by layer' });
    await expect.poll(() => list.textContent()).toContain('former member (1994–1999, 2006–2012)');
    expect(await list.textContent()).toContain('participation frozen since 22 Feb 2024');

    // So does Armenia's card.
    await list.getByRole('button', { name: 'Armenia' }).first().click();
    await expect
      .poll(() => page.locator('.card').textContent())
      .toContain('CSTO: participation frozen since 22 Feb 2024');

    expect(await axeViolations(page)).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    expect(w.outside).toEqual([]);
    await w.context.close();
  });

  it('1997 and 2010: treaty parties, then Uzbekistan back in and Azerbaijan out', async () => {
    const w = await openPage(
      browser,
      site.url,
      { width: 1440, height: 900 },
      { reducedMotion: 'reduce' },
    );
    const { page } = w;
    await open(page, 'map=4.2/40.5/58.0&layers=csto,afghanistan&t=1997');
    expect(await renderedAt(page, 'csto-fill', TASHKENT)).toEqual(['csto-uzb']);
    expect(await renderedAt(page, 'csto-fill', BAKU)).toEqual(['csto-aze']);
    expect(await renderedAt(page, 'csto-fill', YEREVAN)).toEqual(['csto-arm']);
    await expect
      .poll(() => page.locator('.layers').textContent())
      .toContain('party to the Collective Security Treaty');
    await screenshot(page, 'membership-1997');

    await open(page, 'map=4.2/40.5/58.0&layers=csto,afghanistan&t=2010');
    expect(await renderedAt(page, 'csto-fill', TASHKENT)).toEqual(['csto-uzb']);
    expect(await renderedAt(page, 'csto-fill', BAKU)).toEqual([]);
    expect(await renderedIn(page, 'csto-former')).toContain('csto-aze');
    await screenshot(page, 'membership-2010');
    expect(w.consoleErrors).toEqual([]);
    expect(w.outside).toEqual([]);
    await w.context.close();
  });
});
