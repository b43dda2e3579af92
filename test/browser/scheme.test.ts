import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  dominantColour,
  hexToRgb,
  colourDistance,
  openPage,
  projectToPage,
  screenshot,
  servedInChromium,
  settle,
  waitForIdle,
  type Site,
} from './harness.ts';
import { darkTheme, theme } from '../../src/style/theme.ts';

/* A dark theme that follows the system setting, and a switch; the same contrast rules. */

let site: Site;
let browser: Browser;
servedInChromium((s, b) => ((site = s), (browser = b)));

const CASPIAN: [number, number] = [51.0, 42.0];

describe('colour scheme', () => {
  it('follows a dark system setting, page and map, and the reader can switch it', async () => {
    const w = await openPage(
      browser,
      site.url,
      { width: 1440, height: 900 },
      { reducedMotion: 'reduce' },
    );
    const { page } = w;
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(site.url);
    await waitForIdle(page);
    await page.locator('#passage-p01 .chip').first().waitFor();
    await settle(page);
    await waitForIdle(page);
    const paper = () =>
      page.evaluate(() => getComputedStyle(document.querySelector('aside.panel')!).backgroundColor);
    expect(await paper()).toBe('rgb(26, 26, 24)');
    const at = await projectToPage(page, CASPIAN);
    let shot = await screenshot(page, 'scheme-dark');
    expect(
      colourDistance(dominantColour(shot, at.x, at.y), hexToRgb(darkTheme.water)),
    ).toBeLessThan(40);
    expect(await axeViolations(page)).toEqual([]);

    // Chosen light, it stays light though the system is dark.
    await page.getByRole('combobox', { name: 'Colours' }).selectOption('light');
    await expect.poll(paper).toBe('rgb(255, 255, 255)');
    await settle(page);
    await waitForIdle(page);
    shot = await screenshot(page, 'scheme-light');
    expect(colourDistance(dominantColour(shot, at.x, at.y), hexToRgb(theme.water))).toBeLessThan(
      40,
    );

    // Back to the system's setting: dark again. And dark with a card open and the legend open
    // (its swatches, names and checkboxes), not only in the first view.
    await page.getByRole('combobox', { name: 'Colours' }).selectOption('system');
    await expect.poll(paper).toBe('rgb(26, 26, 24)');
    await page.locator('#passage-p01 .chip').first().click();
    await page.locator('#card-title').waitFor();
    const legend = page.getByRole('button', { name: 'Layers and legend' });
    if ((await legend.getAttribute('aria-expanded')) !== 'true') await legend.click();
    await page.locator('.layers .legend li').first().waitFor();
    await settle(page);
    await waitForIdle(page);
    await screenshot(page, 'scheme-dark-card');
    expect(await axeViolations(page)).toEqual([]);

    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });
});
