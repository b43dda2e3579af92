import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  openPage,
  screenshot,
  settle,
  waitForIdle,
  type Site,
  servedInChromium,
} from './harness.ts';

type MapWindow = { __map: import('maplibre-gl').Map };

let site: Site;
let browser: Browser;
servedInChromium((s, b) => ((site = s), (browser = b)));

/** Ids of the story features drawn anywhere in the view. */
const drawn = (page: Page) =>
  page.evaluate(() => {
    const map = (window as unknown as MapWindow).__map;
    const layers = map
      .getStyle()
      .layers.filter(
        (l) =>
          /-(fill|line.*|point)$/.test(l.id) &&
          'source' in l &&
          String(l.source).startsWith('story-'),
      )
      .map((l) => l.id);
    return [
      ...new Set(map.queryRenderedFeatures({ layers }).map((f) => f.properties.id as string)),
    ];
  });

/** Moves the slider to a year with the arrow keys, as a keyboard user would. */
async function toYear(page: Page, year: number) {
  const slider = page.getByRole('slider', { name: 'Year' });
  await slider.focus();
  const now = Number(await slider.inputValue());
  const key = year > now ? 'ArrowRight' : 'ArrowLeft';
  for (let i = 0; i < Math.abs(year - now); i++) await page.keyboard.press(key);
  await expect.poll(() => page.url()).toContain(`t=${year}`);
  await settle(page);
}

describe('timeline', () => {
  it('shows blocs and routes as the dates in the data say, driven from the keyboard', async () => {
    const w = await openPage(
      browser,
      site.url,
      { width: 1440, height: 900 },
      { reducedMotion: 'reduce' },
    );
    const { page } = w;
    // Open on a view of Central Asia and the Caucasus, where every feature tested lies.
    await page.goto(`${site.url}#map=3.6/42.0/58.0`);
    await waitForIdle(page);
    await page.locator('#passage-p01 .chip').first().waitFor();

    await page.getByRole('tab', { name: 'Timeline' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('slider', { name: 'Year' }).waitFor();

    await toYear(page, 2010);
    let ids = await drawn(page);
    expect(ids).toContain('csto-uzb');
    expect(ids).not.toContain('uap-hairatan-naibabad');
    expect(ids.filter((i) => i.startsWith('eaeu-'))).toEqual([]);
    expect(await page.locator('.asof').textContent()).toContain('2010');

    await toYear(page, 2012);
    ids = await drawn(page);
    expect(ids).toContain('uap-hairatan-naibabad');
    expect(ids).toContain('uap-termez-hairatan');

    await toYear(page, 2013);
    expect(await drawn(page)).not.toContain('csto-uzb');

    await toYear(page, 2014);
    expect((await drawn(page)).filter((i) => i.startsWith('eaeu-'))).toEqual([]);

    await toYear(page, 2016);
    expect((await drawn(page)).filter((i) => i.startsWith('eaeu-')).sort()).toEqual([
      'eaeu-arm',
      'eaeu-blr',
      'eaeu-kaz',
      'eaeu-kgz',
      'eaeu-rus',
    ]);
    await screenshot(page, 'timeline-2016');
    expect(await axeViolations(page)).toEqual([]);

    // The year is in the link: a fresh page opens on it.
    const url = page.url();
    await w.context.close();
    const again = await openPage(browser, site.url, { width: 1440, height: 900 });
    await again.page.goto(url);
    await waitForIdle(again.page);
    // A link with a year opens on the timeline tab.
    await again.page.getByRole('slider', { name: 'Year' }).waitFor();
    await expect.poll(() => again.page.locator('.asof').textContent()).toContain('2016');
    expect(await again.page.getByRole('slider', { name: 'Year' }).inputValue()).toBe('2016');
    // Back to today shows everything again.
    await again.page.getByRole('button', { name: 'Back to today' }).click();
    await expect.poll(() => again.page.url()).not.toContain('t=');
    await settle(again.page);
    expect(await drawn(again.page)).toContain('uap-2023-pul-e-alam-kharlachi');
    expect(again.consoleErrors).toEqual([]);
    expect(again.outside).toEqual([]);
    await again.context.close();
  });
});
