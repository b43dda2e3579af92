import { readFileSync, readdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { decodeBasemap } from '../../src/geo/basemap/decode.ts';
import {
  axeViolations,
  openPage,
  screenshot,
  settle,
  waitForIdle,
  servedInChromium,
  DIST,
  type Site,
} from './harness.ts';

/*
 * One thing, one card: the blocs and routes are things a reader can choose, a country is one
 * card whatever layers draw it, and a click on the map picks one thing (a point over a country).
 */

type MapWindow = { __map: import('maplibre-gl').Map };

let site: Site;
let browser: Browser;
servedInChromium((s, b) => ((site = s), (browser = b)));

async function open(page: Page, hash = '') {
  await page.goto(`${site.url}${hash}`);
  await waitForIdle(page);
  await page.locator('#passage-p01 .chip').first().waitFor();
  await settle(page);
}

const cardTitle = (page: Page) => page.locator('#card-title');

describe('one thing, one card', () => {
  it('the CSTO passage has one chip per thing, and its CSTO chip opens the CSTO card', async () => {
    const w = await openPage(
      browser,
      site.url,
      { width: 1440, height: 900 },
      { reducedMotion: 'reduce' },
    );
    const { page } = w;
    await open(page);
    const chips = await page
      .locator('#passage-p13 .chip:not(.all)')
      .evaluateAll((els) => els.map((e) => e.childNodes[0]?.textContent?.trim() ?? ''));
    expect(new Set(chips).size).toBe(chips.length);
    expect(chips.filter((c) => c === 'Russia').length).toBeLessThanOrEqual(1);
    await page
      .locator('#passage-p13 .chip', { hasText: 'Collective Security Treaty Organization' })
      .click();
    await expect.poll(() => cardTitle(page).textContent()).toContain('CSTO');
    const card = page.locator('.card');
    expect(await card.textContent()).toContain('Tajikistan');
    expect(await card.locator('blockquote').count()).toBeGreaterThan(0);
    expect(page.url()).toContain('sel=csto');
    await screenshot(page, 'card-csto');
    expect(await axeViolations(page)).toEqual([]);

    // The railway and the corridor are things too, from their names in the article.
    await page
      .locator('#passage-p10 .mention', { hasText: 'Uzbekistan–Afghanistan–Pakistan railway' })
      .click();
    await expect
      .poll(() => cardTitle(page).textContent())
      .toBe('Uzbekistan–Afghanistan–Pakistan railway');
    expect(await page.locator('.card').textContent()).toMatch(/Termez/);
    await page.locator('#passage-p10 .mention', { hasText: 'Lapis-Lazuli trade corridor' }).click();
    await expect.poll(() => cardTitle(page).textContent()).toBe('Lapis Lazuli corridor');
    await screenshot(page, 'card-corridor');

    // An old link that named a bloc's feature opens the country.
    await open(page, '#sel=csto-kaz');
    await expect.poll(() => cardTitle(page).textContent()).toBe('Kazakhstan');
    expect(await page.locator('.card').textContent()).toMatch(/CSTO member since/);
    expect(w.consoleErrors).toEqual([]);
    expect(w.outside).toEqual([]);
    await w.context.close();
  });

  it('a click on any country gives its card at once; on a point, the point; never a name twice', async () => {
    const w = await openPage(
      browser,
      site.url,
      { width: 1440, height: 900 },
      { reducedMotion: 'reduce' },
    );
    const { page } = w;
    await open(page, '#map=4.0/42.0/58.0');
    // Where to click: each story point, and each story country at a spot inside it that no
    // point or line covers (MapLibre picks it: the basemap's label point, checked for cover).
    const targets = await page.evaluate(() => {
      const map = (window as unknown as MapWindow).__map;
      const story = map
        .getStyle()
        .layers.filter((l) => 'source' in l && String(l.source).startsWith('story-'))
        .map((l) => l.id);
      const pointLayers = story.filter((id) => id.endsWith('-point'));
      const out: { x: number; y: number; expect: string; kind: 'point' | 'country' }[] = [];
      const seen = new Set<string>();
      const { width, height } = map.getCanvas().getBoundingClientRect();
      for (const f of map.queryRenderedFeatures({ layers: pointLayers })) {
        const id = f.properties.id as string;
        if (seen.has(id) || f.geometry.type !== 'Point') continue;
        seen.add(id);
        const p = map.project(f.geometry.coordinates as [number, number]);
        if (p.x < 300 || p.y < 20 || p.x > width - 60 || p.y > height - 40) continue;
        out.push({ x: p.x, y: p.y, expect: f.properties.name as string, kind: 'point' });
      }
      const fills = story.filter((id) => /-(fill|frozen)$/.test(id));
      const labels = map.queryRenderedFeatures({ layers: ['country-labels'] });
      for (const l of labels) {
        if (l.geometry.type !== 'Point') continue;
        const p = map.project(l.geometry.coordinates as [number, number]);
        if (p.x < 300 || p.y < 20 || p.x > width - 60 || p.y > height - 40) continue;
        const box: [[number, number], [number, number]] = [
          [p.x - 8, p.y - 8],
          [p.x + 8, p.y + 8],
        ];
        const covered = map.queryRenderedFeatures(box, {
          layers: story.filter((id) => /-(point|line.*|casing)$/.test(id)),
        });
        const under = map.queryRenderedFeatures([p.x, p.y], { layers: fills });
        if (covered.length || !under.length) continue;
        out.push({ x: p.x, y: p.y, expect: under[0].properties.name as string, kind: 'country' });
      }
      return out;
    });
    expect(targets.filter((t) => t.kind === 'country').length).toBeGreaterThan(5);
    expect(targets.filter((t) => t.kind === 'point').length).toBeGreaterThan(5);
    const box = await page.locator('.map-area canvas').boundingBox();
    for (const t of targets) {
      await page.keyboard.press('Escape');
      await page.mouse.click(box!.x + t.x, box!.y + t.y);
      const chooser = page.locator('.choices');
      await expect
        .poll(async () => (await cardTitle(page).count()) + (await chooser.count()))
        .toBeGreaterThan(0);
      if (await chooser.count()) {
        // Several things of one kind (two points on one city): each named once.
        const names = await chooser.locator('button').allTextContents();
        expect(new Set(names.map((n) => n.trim())).size, `${t.expect}: ${names}`).toBe(
          names.length,
        );
        expect(t.kind, `${t.expect}: a country click offered a chooser`).toBe('point');
      } else if (t.kind === 'country') {
        expect(await cardTitle(page).textContent(), `click on ${t.expect}`).toBe(t.expect);
      }
    }
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });
});

describe('the built site', () => {
  it('ships each country outline once, in the basemap, compared by country code', () => {
    const assets = `${DIST}/assets/`;
    const files = readdirSync(assets).filter((f) => f.endsWith('.json'));
    // The basemap ships as one topology (scripts/vite-plugin-basemap.ts), decoded as the map does.
    const topology = files.filter((f) => /^basemap-[\w-]+\.json$/.test(f));
    expect(topology).toHaveLength(1);
    const basemap = decodeBasemap(
      JSON.parse(readFileSync(assets + topology[0], 'utf8')),
      'countries',
    );
    const story = files
      .filter((f) => !topology.includes(f))
      .map((f) => readFileSync(assets + f, 'utf8'));
    expect(story.length).toBe(6);
    const twice: string[] = [];
    for (const c of basemap.features) {
      const text = JSON.stringify(c.geometry);
      if (story.some((s) => s.includes(text))) twice.push(String(c.properties?.iso_a3));
    }
    expect(twice).toEqual([]);
    // The layers still name their countries, by code.
    expect(story.join('\n')).toContain('"outline":"KAZ"');
  });
});
