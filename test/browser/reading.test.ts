import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  openPage,
  projectToPage,
  screenshot,
  settle,
  waitForIdle,
  type Site,
  servedInChromium,
} from './harness.ts';

const KABUL: [number, number] = [69.21, 34.56];
type MapWindow = { __map: import('maplibre-gl').Map };

let site: Site;
let browser: Browser;
servedInChromium((s, b) => ((site = s), (browser = b)));

async function open(
  width = 1440,
  height = 900,
  hash = '',
  reducedMotion: 'reduce' | 'no-preference' = 'reduce',
) {
  const w = await openPage(browser, site.url, { width, height }, { reducedMotion });
  await w.page.goto(site.url + hash);
  await waitForIdle(w.page);
  // Story layers are fetched after the basemap; wait until the chips exist.
  await w.page.locator('#passage-p01 .chip').first().waitFor();
  await settle(w.page);
  return w;
}

const cardTitle = (page: Page) => page.locator('#card-title');

async function selectedFeatureState(page: Page, id: string): Promise<boolean> {
  return page.evaluate((fid) => {
    const map = (window as unknown as MapWindow).__map;
    for (const [sid] of Object.entries(map.getStyle().sources)) {
      if (!sid.startsWith('story-')) continue;
      const st = map.getFeatureState({ source: sid, id: fid });
      if (st.selected) return true;
    }
    return false;
  }, id);
}

describe('feature → text', () => {
  it('clicking the canvas at Kabul gives Kabul, and Afghanistan is one step away', async () => {
    const { page, context, consoleErrors, outside } = await open();
    const at = await projectToPage(page, KABUL);
    await page.mouse.click(at.x, at.y);
    // A point on a country: the point wins; only the points there (Kabul and the events
    // placed at it) may be offered, each once, never the country.
    const chooser = page.locator('.choices');
    await expect
      .poll(async () => (await cardTitle(page).count()) + (await chooser.count()))
      .toBeGreaterThan(0);
    if (await chooser.count()) {
      const names = (await chooser.locator('button').allTextContents()).map((n) => n.trim());
      expect(names).toContain('Kabul');
      expect(names).not.toContain('Afghanistan');
      expect(new Set(names).size).toBe(names.length);
      await chooser.locator('button', { hasText: /^\s*Kabul\s*$/ }).click();
    }
    await expect.poll(() => cardTitle(page).textContent()).toBe('Kabul');
    await page
      .locator('.card button', { hasText: /^\s*Afghanistan\s*$/ })
      .first()
      .click();
    await expect.poll(() => cardTitle(page).textContent()).toBe('Afghanistan');
    const quotes = page.locator('.card blockquote');
    expect(await quotes.count()).toBeGreaterThan(2);
    expect(await quotes.first().textContent()).toMatch(/Afghanistan|Taliban/);
    const id = page.url().match(/sel=([a-z0-9-]+)/)?.[1];
    expect(id).toBeTruthy();
    expect(await selectedFeatureState(page, id!)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reading-wide-selected');

    // Esc clears the selection and the map's outline.
    await page.keyboard.press('Escape');
    await expect.poll(() => cardTitle(page).count()).toBe(0);
    expect(await selectedFeatureState(page, id!)).toBe(false);
    expect(consoleErrors).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });
});

describe('text → map', () => {
  it('a passage chip selects its feature and fits the map to it', async () => {
    const { page, context } = await open();
    const chip = page.locator('#passage-p02 .chip').first();
    const name = (await chip.textContent())!.replace(/after$/, '').trim();
    // Hovering a passage highlights its features on the map.
    await page.locator('#passage-p02').hover();
    await expect.poll(() => page.locator('#passage-p02.lit').count()).toBe(1);
    await chip.click();
    await expect.poll(() => cardTitle(page).textContent()).toBe(name);
    await settle(page);
    const fits = await page.evaluate((fname) => {
      const map = (window as unknown as MapWindow).__map;
      const b = map.getBounds();
      for (const [sid, src] of Object.entries(map.getStyle().sources)) {
        if (!sid.startsWith('story-')) continue;
        const data = (src as { data: GeoJSON.FeatureCollection }).data;
        const f = data.features.find((x) => x.properties?.name === fname);
        if (!f) continue;
        const coords = JSON.stringify(f.geometry).match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g) ?? [];
        return coords.every((c) => {
          const [x, y] = c.split(',').map(Number);
          return b.contains([x, y]);
        });
      }
      return false;
    }, name);
    expect(fits).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('links place names inside the article to their features', async () => {
    const { page, context } = await open();
    const mentions = page.locator('#passage-p02 .mention');
    expect(await mentions.count()).toBeGreaterThan(0);
    const text = (await mentions.first().textContent())!;
    await mentions.first().click();
    await expect.poll(() => cardTitle(page).count()).toBe(1);
    expect(text.length).toBeGreaterThan(2);
    await context.close();
  });
});

describe('framing under overlays', () => {
  it('frames a choice in the part of the map the open legend does not cover', async () => {
    const { page, context } = await open(1440, 900);
    const legend = page.locator('.layers');
    const toggle = legend.getByRole('button', { name: 'Layers and legend' });
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    await page.locator('#passage-p10 .chip', { hasText: 'Lapis Lazuli corridor' }).click();
    await settle(page);
    const edge = (await legend.boundingBox())!;
    for (const place of [
      [28.98, 41.01],
      [32.86, 39.93],
      [62.2, 34.35],
    ] as [number, number][]) {
      const at = await projectToPage(page, place);
      expect(at.x, `${place}`).toBeGreaterThan(edge.x + edge.width);
    }
    await context.close();
  });
});

describe('keyboard only', () => {
  it('reaches every feature from the list, opens its card, and leaves with Esc', async () => {
    const { page, context } = await open();
    // Tab until the "All features" tab has focus, then open it.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => document.activeElement?.textContent?.trim());
      if (label === 'All features') break;
    }
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      'All features',
    );
    await page.keyboard.press('Enter');
    const buttons = page.locator('nav.list button');
    expect(await buttons.count()).toBeGreaterThan(20);
    // The first feature in the list, by keyboard.
    await page.keyboard.press('Tab');
    const focusedName = await page.evaluate(() => document.activeElement?.textContent?.trim());
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement!).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect.poll(() => cardTitle(page).textContent()).toBe(focusedName);
    await expect
      .poll(() => page.locator('[aria-live="polite"]').textContent())
      .toContain(focusedName!);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardTitle(page).count()).toBe(0);
    await context.close();
  });
});

describe('URL state', () => {
  it('restores a shared link, and Back and Forward walk through selections', async () => {
    const first = await open(1280, 800);
    const ids = await first.page.evaluate(() =>
      [...document.querySelectorAll('#passage-p13 .chip, #passage-p02 .chip')].map((c) =>
        c.textContent?.trim(),
      ),
    );
    expect(ids.length).toBeGreaterThan(1);
    await first.page.locator('#passage-p02 .chip').first().click();
    await expect.poll(() => first.page.url()).toMatch(/sel=/);
    const url1 = first.page.url();
    const name1 = await cardTitle(first.page).textContent();
    await first.page.locator('#passage-p13 .chip').first().click();
    await expect.poll(() => first.page.url()).not.toBe(url1);
    const name2 = await cardTitle(first.page).textContent();
    expect(name2).not.toBe(name1);
    await first.page.goBack();
    await expect.poll(() => cardTitle(first.page).textContent()).toBe(name1);
    await first.page.goForward();
    await expect.poll(() => cardTitle(first.page).textContent()).toBe(name2);
    const shared = first.page.url();
    await first.context.close();

    // A fresh page on the shared link shows the same selection and view.
    const second = await open(1280, 800, new URL(shared).hash);
    await expect.poll(() => cardTitle(second.page).textContent()).toBe(name2);
    await second.context.close();

    // Hidden layers come back hidden.
    const third = await open(1280, 800, '#layers=places');
    const boxes = third.page.locator('.layers input[type=checkbox]');
    const checked = await boxes.evaluateAll((els) =>
      els.map((e) => (e as HTMLInputElement).checked),
    );
    expect(checked.filter(Boolean)).toHaveLength(1);
    await third.context.close();
  });

  it('walks selections back to the first state and forward again, adding no entries', async () => {
    const { page, context } = await open(1280, 800);
    const length = () => page.evaluate(() => history.length);
    const start = await length();
    await page.locator('#passage-p13 .chip', { hasText: 'Collective Security' }).click();
    await expect.poll(() => cardTitle(page).count()).toBe(1);
    await page.locator('#passage-p02 .chip').first().click();
    await expect.poll(() => page.url()).toContain('sel=afghanistan');
    // A camera move replaces the entry.
    await page.mouse.move(700, 400);
    await page.mouse.wheel(0, -300);
    await settle(page);
    expect(await length()).toBe(start + 2);
    await page.goBack();
    await expect.poll(() => page.url()).toContain('sel=csto');
    await page.goBack();
    await expect.poll(() => cardTitle(page).count()).toBe(0);
    expect(page.url()).not.toContain('sel=');
    await page.goForward();
    await expect.poll(() => page.url()).toContain('sel=csto');
    await page.goForward();
    await expect.poll(() => page.url()).toContain('sel=afghanistan');
    expect(await length()).toBe(start + 2);
    await context.close();

    // An unknown layer name in a link is ignored, never an empty map.
    const other = await open(1280, 800, '#layers=foo');
    const boxes = other.page.locator('.layers input[type=checkbox]');
    await boxes.first().waitFor();
    const checked = await boxes.evaluateAll((els) =>
      els.map((e) => (e as HTMLInputElement).checked),
    );
    expect(checked.every(Boolean)).toBe(true);
    await other.context.close();
  });

  it('ignores a malformed hash without an error', async () => {
    const w = await open(1280, 800, '#map=zz/1&sel=%3Cscript%3E&layers=%%%');
    expect(await cardTitle(w.page).count()).toBe(0);
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });
});

describe('phone', () => {
  it('puts the map on top and the panel in a sheet, with nothing overflowing at 360 px', async () => {
    for (const [width, height] of [
      [360, 640],
      [390, 844],
    ]) {
      const { page, context } = await open(width, height);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(overflow).toBeLessThanOrEqual(width);
      await page.locator('#passage-p10 .chip').first().click();
      await expect.poll(() => cardTitle(page).count()).toBe(1);
      await settle(page);
      await screenshot(page, `reading-phone-${width}`);
      // A selection drops the sheet to a peek, so the map above shows it; the reader raises it.
      const panel = page.locator('aside.panel');
      const low = (await panel.boundingBox())!.height;
      await page.getByRole('button', { name: 'Raise the panel' }).click();
      await expect.poll(async () => (await panel.boundingBox())!.height).toBeGreaterThan(low * 1.5);
      expect(await page.getByRole('button', { name: 'Lower the panel' }).isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);

      // One line of header; a choice made in the raised sheet drops it to a peek that still
      // shows the card's title, and the map above it shows the choice.
      const header = (await page.locator('header.top').boundingBox())!.height;
      expect(header).toBeLessThan(56);
      // The tools are one button until asked for.
      const png = page.getByRole('button', { name: 'Download PNG' });
      expect(await png.isVisible()).toBe(false);
      await page.getByRole('button', { name: 'Tools' }).click();
      expect(await png.isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Tools' }).click();
      await page.getByRole('tab', { name: 'All features' }).click();
      await page
        .locator('nav.list button', { hasText: /^\s*Tajikistan\s*$/ })
        .first()
        .click();
      await expect.poll(() => cardTitle(page).textContent()).toBe('Tajikistan');
      await expect.poll(async () => (await panel.boundingBox())!.height).toBeLessThan(low * 1.2);
      await settle(page);
      expect(await cardTitle(page).isVisible()).toBe(true);
      const mapBox = (await page.locator('.map-area').boundingBox())!;
      const sheetTop = (await panel.boundingBox())!.y;
      expect(mapBox.y + mapBox.height).toBeLessThanOrEqual(sheetTop + 1);
      const inView = await page.evaluate(() => {
        const map = (window as unknown as MapWindow).__map;
        return map
          .queryRenderedFeatures({ layers: ['places-fill'] })
          .some((f) => f.properties.id === 'tajikistan');
      });
      expect(inView).toBe(true);
      await context.close();
    }
  });
});
