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
  it('names the countries and Kabul in the first view; an event when lit, chosen or in its year', async () => {
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
    expect(first).not.toContain('Taliban take Kabul');

    // Lit by its passage (p11 speaks of the Soviet war), the event is named; Kabul, at the same
    // spot, keeps its name. Pointed away, the event's name goes again.
    await page.locator('#passage-p11').hover({ position: { x: 4, y: 4 } });
    await expect.poll(() => placed(page)).toContain('Soviet war in Afghanistan');
    expect(await placed(page)).toContain('Kabul');
    await page.locator('header.top').hover();
    await expect.poll(() => placed(page)).not.toContain('Soviet war in Afghanistan');

    // Chosen, the event is named, and Kabul still is.
    await page.getByRole('tab', { name: 'All features' }).click();
    await page.locator('nav.list button', { hasText: /^\s*Soviet war in Afghanistan\s*$/ }).click();
    await settle(page);
    await waitForIdle(page);
    await expect.poll(() => placed(page)).toContain('Soviet war in Afghanistan');
    expect(await placed(page)).toContain('Kabul');
    await page.locator('nav.list button', { hasText: /^\s*Taliban take Kabul\s*$/ }).click();
    await settle(page);
    await waitForIdle(page);
    await expect.poll(() => placed(page)).toContain('Taliban take Kabul');
    expect(await placed(page)).toContain('Kabul');

    // In its year on the timeline, with nothing chosen, the event is named; Kabul keeps its name.
    await page.keyboard.press('Escape');
    await expect.poll(() => placed(page)).not.toContain('Taliban take Kabul');
    await page.getByRole('tab', { name: 'Timeline' }).click();
    const slider = page.getByRole('slider', { name: 'Year' });
    await slider.focus();
    for (let y = Number(await slider.inputValue()); y > 2021; y--)
      await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.url()).toContain('t=2021');
    await page.locator('header.top').hover();
    await settle(page);
    await waitForIdle(page);
    await expect.poll(() => placed(page)).toContain('Taliban take Kabul');
    expect(await placed(page)).toContain('Kabul');
    expect(await placed(page)).not.toContain('Soviet war in Afghanistan');
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });
});
