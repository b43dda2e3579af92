/**
 * Every tour step, at three projector and laptop sizes, shows every feature it names in the part
 * of the map its caption bar leaves visible: read from what MapLibre rendered there, and each
 * feature's framed part (src/map/frame.ts: Russia by its part in the story region, or nearest the
 * step's other features) projected whole into that part, not a sliver of it.
 */
import { readFileSync } from 'node:fs';
import type { Feature } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BBox } from '../../src/geo/region.ts';
import { frameParts } from '../../src/map/frame.ts';
import type { Tour } from '../../src/tour/types.ts';
import {
  openPage,
  screenshot,
  settle,
  servedInChromium,
  waitForIdle,
  type Site,
} from './harness.ts';

const tour: Tour = JSON.parse(
  readFileSync(new URL('../../story/tour.json', import.meta.url), 'utf8'),
);
type MapWindow = { __map: import('maplibre-gl').Map };

let site: Site;
let browser: Browser;
servedInChromium((s, b) => ((site = s), (browser = b)));

/** Story features rendered (fills, lines, dots) in the map's part above the presentation bar. */
const renderedAboveBar = (page: Page) =>
  page.evaluate(() => {
    const map = (window as unknown as MapWindow).__map;
    const canvas = map.getCanvas().getBoundingClientRect();
    const bar = document.querySelector('.present')!.getBoundingClientRect();
    const height = Math.min(canvas.height, bar.top - canvas.top);
    const layers = map
      .getStyle()
      .layers.filter(
        (l) =>
          'source' in l &&
          String(l.source).startsWith('story-') &&
          ['fill', 'line', 'circle'].includes(l.type),
      )
      .map((l) => l.id);
    const found = map.queryRenderedFeatures(
      [
        [0, 0],
        [canvas.width, height],
      ],
      { layers },
    );
    return {
      ids: [...new Set(found.map((f) => String(f.properties.id)))],
      width: canvas.width,
      height,
      mapHeight: canvas.height,
      zoom: map.getZoom(),
    };
  });

/** Story features as the map has them (the data its sources were given), in the order asked. */
const storyFeatures = (page: Page, ids: string[]) =>
  page.evaluate((wanted) => {
    const map = (window as unknown as MapWindow).__map;
    const found = new Map<string, GeoJSON.Feature>();
    for (const [sid, src] of Object.entries(map.getStyle().sources)) {
      if (!sid.startsWith('story-')) continue;
      const data = (src as { data: GeoJSON.FeatureCollection }).data;
      for (const f of data.features)
        if (wanted.includes(String(f.properties?.id))) found.set(String(f.properties?.id), f);
    }
    return wanted.map((id) => found.get(id) ?? null);
  }, ids);

/** Boxes in [lon, lat] projected to the map's pixels: [left, top, right, bottom]. */
const projected = (page: Page, boxes: BBox[]) =>
  page.evaluate((bs) => {
    const map = (window as unknown as MapWindow).__map;
    return bs.map(([w, s, e, n]) => {
      const a = map.project([w, n]);
      const b = map.project([e, s]);
      return [a.x, a.y, b.x, b.y];
    });
  }, boxes);

/** Pixels a framed part may reach past the uncovered area (rounding, a line's half width). */
const TOLERANCE = 3;

/** A symbol layer's text size at the map's zoom (a number or a linear zoom interpolation). */
const textSize = (page: Page, layer: string) =>
  page.evaluate((id) => {
    const map = (window as unknown as MapWindow).__map;
    const z = map.getZoom();
    const v = map.getLayoutProperty(id, 'text-size') as number | unknown[];
    if (typeof v === 'number') return v;
    const stops = (v as number[]).slice(3);
    if (z <= stops[0]) return stops[1];
    for (let i = 2; i < stops.length; i += 2)
      if (z <= stops[i])
        return (
          stops[i - 1] +
          ((stops[i + 1] - stops[i - 1]) * (z - stops[i - 2])) / (stops[i] - stops[i - 2])
        );
    return stops[stops.length - 1];
  }, layer);

describe('tour framing', () => {
  for (const [width, height] of [
    [1920, 1080],
    [1280, 720],
    [1024, 768],
  ] as const) {
    it(`shows every named feature above the caption at ${width}×${height}`, async () => {
      const { page, context, consoleErrors, outside } = await openPage(
        browser,
        site.url,
        { width, height },
        { reducedMotion: 'reduce' },
      );
      await page.goto(site.url);
      await waitForIdle(page);
      await page.locator('#passage-p01 .chip').first().waitFor();
      await page.getByRole('button', { name: 'Present the tour' }).click();
      const counter = page.locator('.present .counter');
      const missing: string[] = [];
      const uncovered: string[] = [];
      for (let i = 0; i < tour.steps.length; i++) {
        if (i > 0) await page.keyboard.press('PageDown');
        await expect.poll(() => counter.textContent()).toMatch(new RegExp(`Step ${i + 1} of`));
        await settle(page);
        await waitForIdle(page);
        const step = tour.steps[i];
        const seen = await renderedAboveBar(page);
        // Most of the map stays visible: the caption never covers more than half.
        expect(seen.height, step.id).toBeGreaterThan(seen.mapHeight * 0.45);
        for (const id of step.features)
          if (!seen.ids.includes(id)) missing.push(`${step.id}: ${id} (zoom ${seen.zoom})`);
        // Each feature's framed part, whole, in [0, 0, width, caption top].
        const features = await storyFeatures(page, step.features);
        expect(features.every(Boolean), `${step.id}: features on the map`).toBe(true);
        const parts = frameParts(features as Feature[]);
        const inReach = parts.map((b, k) => [step.features[k], b] as const);
        for (const [id, b] of inReach) if (!b) uncovered.push(`${step.id}: ${id} out of reach`);
        const known = inReach.filter((x): x is readonly [string, BBox] => x[1] !== null);
        const px = await projected(
          page,
          known.map(([, b]) => b),
        );
        known.forEach(([id], k) => {
          const [l, t, r, b] = px[k];
          if (
            l < -TOLERANCE ||
            t < -TOLERANCE ||
            r > seen.width + TOLERANCE ||
            b > seen.height + TOLERANCE
          )
            uncovered.push(
              `${step.id}: ${id} [${px[k].map(Math.round).join(', ')}] not in [0, 0, ${seen.width}, ${Math.round(seen.height)}] (zoom ${seen.zoom.toFixed(2)})`,
            );
        });
        if ([1, 9, 10].includes(i) || (width === 1920 && [0, 8, 11].includes(i))) {
          // Labels placed in the last frame fade in (300 ms) after the map reports idle.
          await page.waitForTimeout(400);
          await screenshot(page, `tour-step-${String(i + 1).padStart(2, '0')}-${width}`);
        }
        if (width === 1920 && i === 1) {
          // Legible from the back of the room: country names and place names of 20 px and more.
          expect(await textSize(page, 'country-labels')).toBeGreaterThanOrEqual(20);
          expect(await textSize(page, 'places-label')).toBeGreaterThanOrEqual(20);
        }
      }
      expect(missing).toEqual([]);
      expect(uncovered).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(outside).toEqual([]);
      await context.close();
    });
  }
});
