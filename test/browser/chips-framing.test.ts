import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, servedInChromium, settle, waitForIdle, type Site } from './harness.ts';

/* Every chip in the article frames its choice where the reader can see it: not under the open
   legend on a laptop, not under the sheet on a phone. */

type MapWindow = { __map: import('maplibre-gl').Map };

let site: Site;
let browser: Browser;
servedInChromium((s, b) => ((site = s), (browser = b)));

/** The map's part no panel covers, in canvas pixels. */
async function uncovered(page: Page) {
  return page.evaluate(() => {
    const canvas = (window as unknown as MapWindow).__map.getCanvas().getBoundingClientRect();
    let left = canvas.left;
    let bottom = canvas.bottom;
    const legend = document.querySelector('.layers')?.getBoundingClientRect();
    if (legend && legend.height > canvas.height * 0.25) left = Math.max(left, legend.right);
    const sheet = document.querySelector('aside.panel')?.getBoundingClientRect();
    if (sheet && sheet.top < bottom && sheet.left <= canvas.left + 1)
      bottom = Math.min(bottom, sheet.top);
    return {
      x0: left - canvas.left,
      y0: 0,
      x1: canvas.width,
      y1: bottom - canvas.top,
    };
  });
}

/** The selected thing's features that have no rendered part in the box. */
const hidden = (page: Page, box: { x0: number; y0: number; x1: number; y1: number }) =>
  page.evaluate((b) => {
    const map = (window as unknown as MapWindow).__map;
    const url = new URL(location.href);
    const sel = new URLSearchParams(url.hash.slice(1)).get('sel');
    const layers = map
      .getStyle()
      .layers.filter((l) => 'source' in l && String(l.source).startsWith('story-'))
      .map((l) => l.id);
    const seen = new Set(
      map
        .queryRenderedFeatures(
          [
            [b.x0 + 2, b.y0 + 2],
            [b.x1 - 2, b.y1 - 2],
          ],
          { layers },
        )
        .map((f) => f.properties.id as string),
    );
    // The features drawn as selected (feature-state), wherever they are.
    const wanted: string[] = [];
    for (const [sid, src] of Object.entries(map.getStyle().sources)) {
      if (!sid.startsWith('story-')) continue;
      const data = (src as { data: GeoJSON.FeatureCollection }).data;
      for (const f of data.features ?? []) {
        const id = f.properties?.id as string;
        if (map.getFeatureState({ source: sid, id }).selected) wanted.push(id);
      }
    }
    return { sel, missing: wanted.filter((id) => !seen.has(id)), wanted };
  }, box);

async function walk(width: number, height: number) {
  const w = await openPage(browser, site.url, { width, height }, { reducedMotion: 'reduce' });
  const { page } = w;
  await page.goto(site.url);
  await waitForIdle(page);
  await page.locator('#passage-p01 .chip').first().waitFor();
  if (width > 640) {
    const toggle = page.getByRole('button', { name: 'Layers and legend' });
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  }
  const chips = page.locator('.passage .chip:not(.all):not(.pick)');
  const count = await chips.count();
  expect(count).toBeGreaterThan(20);
  const failures: string[] = [];
  for (let i = 0; i < count; i++) {
    const chip = chips.nth(i);
    await chip.scrollIntoViewIfNeeded();
    await chip.click();
    await settle(page);
    await waitForIdle(page);
    const result = await hidden(page, await uncovered(page));
    if (!result.wanted.length) failures.push(`${result.sel}: nothing marked as selected`);
    else if (result.missing.length) failures.push(`${result.sel}: ${result.missing.join(', ')}`);
  }
  await w.context.close();
  return failures;
}

describe('every chip frames its choice in the uncovered map', () => {
  it('on a laptop, beside the open legend', async () => {
    expect(await walk(1440, 900)).toEqual([]);
  });
  it('on a phone, above the sheet', async () => {
    expect(await walk(390, 844)).toEqual([]);
  });
});
