import type { Feature } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MAX_BOUNDS, type BBox } from '../../src/geo/region.ts';
import { frameBox } from '../../src/map/frame.ts';
import { openPage, servedInChromium, settle, waitForIdle, type Site } from './harness.ts';

/* Every chip in the article, a thing's or "Show all N on the map", frames all of what it
   chooses where the reader can see it: not under the open legend, the tools or the zoom buttons
   on a laptop, not under them or the sheet on a phone, even when the chip was clicked in the
   raised sheet (which then drops to a peek). */

type MapWindow = { __map: import('maplibre-gl').Map };

/** A box in page pixels. */
interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Pixels a box may stray into what covers it (anti-aliasing, rounding of the fit). */
const TOLERANCE = 3;

let site: Site;
let browser: Browser;
servedInChromium((s, b) => ((site = s), (browser = b)));

/**
 * What of the map the reader sees, measured in the page: the map's canvas down to the sheet
 * (on a phone), and what lies over it: the legend, the tools, the year shown and MapLibre's zoom
 * buttons. Measured here, not from src/map/covered.ts: whatever rule the app pads by, a framed
 * feature must lie in the map and under none of these.
 */
async function uncovered(page: Page): Promise<{ map: Rect; over: { name: string; r: Rect }[] }> {
  return page.evaluate(() => {
    const rect = (r: DOMRect) => ({ x0: r.left, y0: r.top, x1: r.right, y1: r.bottom });
    const canvas = (window as unknown as MapWindow).__map.getCanvas().getBoundingClientRect();
    const map = rect(canvas);
    const sheet = document.querySelector('aside.panel')?.getBoundingClientRect();
    // The sheet lies across the map's width on a phone; on a laptop it is beside the map.
    if (sheet && sheet.left <= canvas.left + 1 && sheet.top < map.y1) map.y1 = sheet.top;
    const over = [
      ['legend', '.layers'],
      ['tools', '.tools'],
      ['year', '.asof'],
      ['zoom buttons', '.maplibregl-ctrl-zoom-in, .maplibregl-ctrl-zoom-out'],
    ].flatMap(([name, sel]) =>
      [...document.querySelectorAll(sel)]
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0)
        .map((r) => ({ name, r: rect(r) })),
    );
    return { map, over };
  });
}

/** The story features drawn with this feature-state, read from the map's own sources. */
const marked = (page: Page, state: 'selected' | 'highlighted') =>
  page.evaluate((key) => {
    const map = (window as unknown as MapWindow).__map;
    const out: GeoJSON.Feature[] = [];
    for (const [sid, src] of Object.entries(map.getStyle().sources)) {
      if (!sid.startsWith('story-')) continue;
      const data = (src as { data: GeoJSON.FeatureCollection }).data;
      for (const f of data.features ?? [])
        if (map.getFeatureState({ source: sid, id: f.properties?.id as string })[key]) out.push(f);
    }
    return out;
  }, state);

const intersect = (a: BBox, b: BBox): BBox | null => {
  const r: BBox = [
    Math.max(a[0], b[0]),
    Math.max(a[1], b[1]),
    Math.min(a[2], b[2]),
    Math.min(a[3], b[3]),
  ];
  return r[0] <= r[2] && r[1] <= r[3] ? r : null;
};

/**
 * Each feature's box as the camera counts it (src/map/frame.ts): Russia, across the antimeridian,
 * by its part in the story's region, anything else by its part within the reader's pan limits;
 * and a feature framed as the others' context (Russia beside the Gulf) by its part in the frame.
 */
function boxes(features: Feature[]): { id: string; box: BBox }[] {
  const frame = frameBox(features);
  if (!frame) return [];
  return features.flatMap((f) => {
    const own = frameBox([f]);
    const box = own && intersect(own, frame);
    return box ? [{ id: String(f.properties?.id), box }] : [];
  });
}

/** Features, each by its box projected on the map, in page pixels. */
const onScreen = (page: Page, features: Feature[]) =>
  page.evaluate((list) => {
    const m = (window as unknown as MapWindow).__map;
    const c = m.getCanvas().getBoundingClientRect();
    return list.map(({ id, box: [w, s, e, n] }) => {
      const a = m.project([w, n]);
      const b = m.project([e, s]);
      return { id, r: { x0: a.x + c.left, y0: a.y + c.top, x1: b.x + c.left, y1: b.y + c.top } };
    });
  }, boxes(features));

/** The features whose box, projected on the map, is not all in sight; or why not. */
async function unseen(page: Page, features: Feature[]): Promise<string[]> {
  if (!features.length) return ['nothing marked'];
  const projected = await onScreen(page, features);
  const { map, over } = await uncovered(page);
  const t = TOLERANCE;
  const out: string[] = [];
  for (const { id, r } of projected) {
    const px = (v: number) => Math.round(v);
    const where = `(${px(r.x0)},${px(r.y0)})–(${px(r.x1)},${px(r.y1)})`;
    if (r.x0 < map.x0 - t || r.y0 < map.y0 - t || r.x1 > map.x1 + t || r.y1 > map.y1 + t)
      out.push(
        `${id} ${where} leaves the map (${px(map.x0)},${px(map.y0)})–(${px(map.x1)},${px(map.y1)})`,
      );
    for (const o of over)
      if (r.x0 < o.r.x1 - t && r.x1 > o.r.x0 + t && r.y0 < o.r.y1 - t && r.y1 > o.r.y0 + t)
        out.push(`${id} ${where} is under the ${o.name}`);
  }
  return out;
}

/**
 * When the frame is larger than the map can show at all: MapLibre keeps the view within the
 * reader's pan limits (MAX_BOUNDS), so it zooms out no further than where the limits fill the
 * map, and a frame wider or taller than the map there cannot all be seen. Returns the map's zoom
 * and that least zoom, or null when the frame fits.
 */
async function tooLarge(page: Page, features: Feature[]) {
  const frame = frameBox(features);
  if (!frame) return null;
  const { width, height, zoom } = await page.evaluate(() => {
    const m = (window as unknown as MapWindow).__map;
    const c = m.getContainer();
    return { width: c.clientWidth, height: c.clientHeight, zoom: m.getZoom() };
  });
  // Web Mercator at zoom 0: the world is 512 px square.
  const x = (lng: number) => ((lng + 180) / 360) * 512;
  const y = (lat: number) =>
    (0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI)) * 512;
  const [w, s, e, n] = MAX_BOUNDS;
  const least = Math.log2(Math.max(width / (x(e) - x(w)), height / (y(s) - y(n))));
  const scale = 2 ** least;
  const wide = (x(frame[2]) - x(frame[0])) * scale > width;
  const tall = (y(frame[1]) - y(frame[3])) * scale > height;
  return wide || tall ? { zoom, least } : null;
}

/** On a phone: raises the sheet all the way (its handle), as a reader does to read. */
async function raiseSheet(page: Page) {
  const handle = page.locator('aside.panel .handle');
  if ((await handle.getAttribute('aria-expanded')) !== 'true') await handle.click();
  await page.locator('.app.sheet-full').waitFor();
}

/** Waits for the map to be framed: after the sheet has dropped, the fit made again, drawn. */
async function framed(page: Page, phone: boolean) {
  if (phone) {
    await page.locator('.app.sheet-peek').waitFor();
    // The map grows as the sheet drops (later on a busy page); 150 ms after its size has
    // settled the camera fits again, resizing the map's canvas first.
    await page.waitForFunction(() => {
      const m = (window as unknown as MapWindow).__map;
      const h = m.getContainer().clientHeight;
      return h > 400 && m.getCanvas().clientHeight === h;
    });
    await page.waitForTimeout(400);
  }
  await settle(page);
  await waitForIdle(page);
}

async function walk(width: number, height: number) {
  const phone = width <= 640;
  const w = await openPage(browser, site.url, { width, height }, { reducedMotion: 'reduce' });
  const { page } = w;
  await page.goto(site.url);
  await waitForIdle(page);
  await page.locator('#passage-p01 .chip').first().waitFor();
  if (!phone) {
    const toggle = page.getByRole('button', { name: 'Layers and legend' });
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  }
  const chips = page.locator('.passage .chip:not(.pick)');
  const count = await chips.count();
  expect(count).toBeGreaterThan(20);
  const failures: string[] = [];
  /** Frames larger than the map can show within the pan limits. */
  const cannot: string[] = [];
  let all = 0;
  for (let i = 0; i < count; i++) {
    const chip = chips.nth(i);
    const showAll = (await chip.getAttribute('class'))!.includes('all');
    all += showAll ? 1 : 0;
    if (phone) await raiseSheet(page);
    await chip.scrollIntoViewIfNeeded();
    const name = (await chip.textContent())!.trim();
    const passage = await chip.evaluate((el) => el.closest('.passage')!.id);
    // A thing's chip selects it; "Show all" lights the passage's things when pointed at, and
    // frames them (the light goes as the sheet drops from under the pointer).
    let features: Feature[] = [];
    if (showAll) {
      await chip.hover();
      await expect
        .poll(async () => (features = await marked(page, 'highlighted')).length)
        .toBeGreaterThan(1);
    }
    await chip.click();
    await framed(page, phone);
    if (!showAll) features = await marked(page, 'selected');
    const chosen = `${passage} "${name}"`;
    const large = await tooLarge(page, features);
    if (large) {
      // Shown as far as it can be: the map zoomed out as far as the pan limits let it.
      cannot.push(chosen);
      if (Math.abs(large.zoom - large.least) > 0.05)
        failures.push(
          `${chosen}: too large for the map, but at zoom ${large.zoom}, not ${large.least}`,
        );
      continue;
    }
    const problems = await unseen(page, features);
    failures.push(...problems.map((p) => `${chosen}: ${p}`));
  }
  expect(all).toBeGreaterThan(5);
  await w.context.close();
  return { failures, cannot };
}

describe('every chip frames its choice in the uncovered map', () => {
  it('on a laptop, beside the open legend, the tools and the zoom buttons', async () => {
    const { failures, cannot } = await walk(1440, 900);
    expect(failures).toEqual([]);
    expect(cannot).toEqual([]);
  }, 600_000);

  it('on a phone, each chip clicked in the raised sheet, above the sheet once it drops', async () => {
    const { failures, cannot } = await walk(390, 844);
    expect(failures).toEqual([]);
    // Russia to China's east (the pan limit), 88° of longitude: at the least zoom the limits allow,
    // the phone's map, held by their latitudes, shows 80°. The only frame that cannot all be seen.
    expect(cannot).toEqual(['passage-p07 "Show all 11 on the map"']);
  }, 900_000);

  it('on a phone, fits again when the raised sheet drops, with motion', async () => {
    const w = await openPage(browser, site.url, { width: 390, height: 844 });
    const { page } = w;
    await page.goto(site.url);
    await waitForIdle(page);
    await raiseSheet(page);
    const chip = page.locator('.passage .chip', { hasText: /^\s*Tajikistan/ }).first();
    await chip.scrollIntoViewIfNeeded();
    // Clicked while the map above the sheet is a strip: the first fit has no room.
    const strip = await page.evaluate(
      () => (window as unknown as MapWindow).__map.getContainer().clientHeight,
    );
    expect(strip).toBeLessThan(250);
    await chip.click();
    await page.locator('.app.sheet-peek').waitFor();
    // The sheet's 0.25 s, the camera's 0.9 s flight, then rest.
    await page.waitForTimeout(1500);
    await settle(page);
    await waitForIdle(page);
    const grown = await page.evaluate(
      () => (window as unknown as MapWindow).__map.getContainer().clientHeight,
    );
    expect(grown).toBeGreaterThan(500);
    const selected = await marked(page, 'selected');
    expect(await unseen(page, selected)).toEqual([]);
    // Framed for the grown map, not left as small as the strip had it.
    const [{ r }] = await onScreen(page, selected);
    const { map } = await uncovered(page);
    expect(
      Math.max((r.x1 - r.x0) / (map.x1 - map.x0), (r.y1 - r.y0) / (map.y1 - map.y0)),
    ).toBeGreaterThan(0.5);

    // Clearing the selection leaves the sheet where the reader has raised it.
    await raiseSheet(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#card-title').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.locator('.app.sheet-full').count()).toBe(1);
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });
});
