import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, servedInChromium, settle, waitForIdle, type Site } from './harness.ts';

/* Names before decorations: countries and capitals are named in the first view; events only
   when chosen, pointed at, lit by their passage or shown in their year. */

type MapWindow = { __map: import('maplibre-gl').Map };

let site: Site;
let browser: Browser;
servedInChromium((s, b) => ((site = s), (browser = b)));

/** Names whose labels MapLibre placed (a label lost to a collision is not returned). */
const placed = (page: Page) =>
  page.evaluate(() => {
    const map = (window as unknown as MapWindow).__map;
    const layers = map
      .getStyle()
      .layers.filter((l) => l.type === 'symbol')
      .map((l) => l.id);
    return [
      ...new Set(
        map
          .queryRenderedFeatures({ layers })
          .map((f) => String(f.properties.name ?? ''))
          .filter(Boolean),
      ),
    ];
  });

describe('names before decorations', () => {
  it('names the countries and Kabul in the first view, and an event only when chosen', async () => {
    const w = await openPage(
      browser,
      site.url,
      { width: 1440, height: 900 },
      { reducedMotion: 'reduce' },
    );
    const { page } = w;
    await page.goto(site.url);
    await waitForIdle(page);
    await page.locator('#passage-p01 .chip').first().waitFor();
    await settle(page);
    await waitForIdle(page);
    const first = await placed(page);
    for (const name of ['Afghanistan', 'Russia', 'Turkmenistan', 'Kabul'])
      expect(
        first.map((n) => n.toLowerCase()),
        name,
      ).toContain(name.toLowerCase());
    expect(first).not.toContain('Soviet war in Afghanistan');
    // Chosen, the event is named.
    await page.getByRole('tab', { name: 'All features' }).click();
    await page.locator('nav.list button', { hasText: /^\s*Soviet war in Afghanistan\s*$/ }).click();
    await settle(page);
    await waitForIdle(page);
    await expect.poll(() => placed(page)).toContain('Soviet war in Afghanistan');
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });
});
