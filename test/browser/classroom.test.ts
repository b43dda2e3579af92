import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PNG } from 'pngjs';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PRESENT_ZOOM } from '../../src/map/camera.ts';
import { exportLayout } from '../../src/map/export.ts';
import { projectorTheme, storyLayersIn, styleIn, type Look } from '../../src/style/look.ts';
import { styleFor } from '../../src/style/story.ts';
import { theme } from '../../src/style/theme.ts';
import type { Tour } from '../../src/tour/types.ts';
import {
  axeViolations,
  ARTEFACTS,
  openPage,
  screenshot,
  settle,
  waitForIdle,
  type Site,
  servedInChromium,
} from './harness.ts';

const tour: Tour = JSON.parse(
  readFileSync(new URL('../../story/tour.json', import.meta.url), 'utf8'),
);
type MapWindow = { __map: import('maplibre-gl').Map };
/** A layer's title, as its file in geo/ gives it (the step legend's headings). */
const layerTitle = (name: string): string =>
  JSON.parse(readFileSync(new URL(`../../geo/${name}.geojson`, import.meta.url), 'utf8')).title;
const PROJECTOR: Look = { palette: 'projector', scale: 1 };

let site: Site;
let browser: Browser;
servedInChromium((s, b) => ((site = s), (browser = b)));

async function open(width = 1920, height = 1080) {
  const w = await openPage(browser, site.url, { width, height }, { reducedMotion: 'reduce' });
  await w.page.goto(site.url);
  await waitForIdle(w.page);
  await w.page.locator('#passage-p01 .chip').first().waitFor();
  return w;
}

const pdfPages = (pdf: Buffer) =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

/** The resolution of the largest image in a PDF (the map), as poppler's pdfimages reports it. */
function mapPpi(file: string): number {
  const rows = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/))
    .filter((c) => c.length > 13 && c[2] === 'image');
  const largest = rows.sort((a, b) => Number(b[3]) * Number(b[4]) - Number(a[3]) * Number(a[4]))[0];
  expect(largest, 'an image in the PDF').toBeDefined();
  return Math.min(Number(largest[12]), Number(largest[13]));
}

/** Page 1's size in points, as poppler's pdfinfo reads its MediaBox: [width, height]. */
function pageSize(file: string): [number, number] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '1', file], { encoding: 'utf8' });
  const m = /Page\s+1 size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  expect(m, info).not.toBeNull();
  return [Number(m![1]), Number(m![2])];
}

/** A box on page 1, in points from its top left. */
type PdfBox = { x0: number; y0: number; x1: number; y1: number };
const meets = (a: PdfBox, b: PdfBox, inset = 0) =>
  a.x0 < b.x1 - inset && a.x1 > b.x0 + inset && a.y0 < b.y1 - inset && a.y1 > b.y0 + inset;

/** Every line of page 1 with its words and their boxes, from pdftotext -bbox-layout. */
function pageLines(file: string): { text: string; words: (PdfBox & { text: string })[] }[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', '-f', '1', '-l', '1', file, '-'], {
    encoding: 'utf8',
  });
  const unescape = (t: string) =>
    t
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)].map((line) => {
    const words = [
      ...line[1].matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      ),
    ].map((m) => ({
      x0: Number(m[1]),
      y0: Number(m[2]),
      x1: Number(m[3]),
      y1: Number(m[4]),
      text: unescape(m[5]),
    }));
    return { text: words.map((w) => w.text).join(' '), words };
  });
}

/** Where page 1 places its largest picture (the map), as poppler's pdftohtml reads it. */
function mapBox(file: string): PdfBox {
  const dir = mkdtempSync(`${tmpdir()}/handout-`);
  try {
    const xml = execFileSync(
      'pdftohtml',
      ['-xml', '-zoom', '1', '-f', '1', '-l', '1', '-stdout', file, `${dir}/page`],
      { encoding: 'utf8' },
    );
    const images = [
      ...xml.matchAll(
        /<image top="([\d.-]+)" left="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"/g,
      ),
    ].map((m) => ({
      y0: Number(m[1]),
      x0: Number(m[2]),
      x1: Number(m[2]) + Number(m[3]),
      y1: Number(m[1]) + Number(m[4]),
    }));
    const largest = images.sort(
      (a, b) => (b.x1 - b.x0) * (b.y1 - b.y0) - (a.x1 - a.x0) * (a.y1 - a.y0),
    )[0];
    expect(largest, 'the map picture on page 1').toBeDefined();
    // The map, not a legend swatch: a good part of the page.
    expect(largest.x1 - largest.x0).toBeGreaterThan(300);
    return largest;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const highlighted = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const map = (window as unknown as MapWindow).__map;
    const out: string[] = [];
    for (const [sid, src] of Object.entries(map.getStyle().sources)) {
      if (!sid.startsWith('story-')) continue;
      const data = (src as { data: GeoJSON.FeatureCollection }).data;
      for (const f of data.features) {
        const id = f.properties?.id as string;
        if (map.getFeatureState({ source: sid, id }).highlighted) out.push(id);
      }
    }
    return out.sort();
  });

/** The map's layer ids, bottom to top. */
const layerOrder = (page: import('playwright-core').Page) =>
  page.evaluate(() => (window as unknown as MapWindow).__map.getStyle().layers.map((l) => l.id));

/** The headings of the step's legend (one per layer it lists), sorted. */
const stepLegend = (page: import('playwright-core').Page) =>
  page
    .locator('.present .legend .title')
    .allTextContents()
    .then((t) => t.map((x) => x.trim()).sort());

const camera = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const map = (window as unknown as MapWindow).__map;
    const c = map.getCenter();
    return { lng: c.lng, lat: c.lat, zoom: map.getZoom() };
  });

describe('presentation', () => {
  it('walks the tour with the keys a keyboard or clicker sends, as the tour data says', async () => {
    const { page, context, consoleErrors, outside } = await open();
    await page.getByRole('button', { name: 'Present the tour' }).click();
    const counter = page.locator('.present .counter');
    await expect.poll(() => counter.textContent()).toMatch(/Step 1 of 12/);
    await settle(page);
    expect(await highlighted(page)).toEqual([...tour.steps[0].features].sort());
    expect(await stepLegend(page)).toEqual(tour.steps[0].layers.map(layerTitle).sort());

    // Type readable from the back of the room.
    const size = await page.evaluate(() =>
      parseFloat(getComputedStyle(document.querySelector('.present .passage')!).fontSize),
    );
    expect(size).toBeGreaterThanOrEqual(28);
    await screenshot(page, 'presentation-1920');
    expect(await axeViolations(page)).toEqual([]);

    const before = await camera(page);
    for (const [key, step] of [
      ['ArrowRight', 2],
      ['PageDown', 3],
      [' ', 4],
      ['PageUp', 3],
      ['ArrowLeft', 2],
      ['End', 12],
      ['Home', 1],
    ] as const) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      await expect.poll(() => counter.textContent()).toMatch(new RegExp(`Step ${step} of 12`));
      await settle(page);
      expect(await highlighted(page), `${key} → step ${step}`).toEqual(
        [...tour.steps[step - 1].features].sort(),
      );
      // The step's legend: the layers the step shows, no other.
      expect(await stepLegend(page), `legend of step ${step}`).toEqual(
        tour.steps[step - 1].layers.map(layerTitle).sort(),
      );
      if (step === 12) {
        // The CSTO is context here (the step names Afghanistan and Moscow): its full-colour
        // outline lies over the places' light lines, which share Russia's and Kazakhstan's
        // borders, and is drawn as the look says.
        const order = await layerOrder(page);
        expect(order.indexOf('csto-outline')).toBeGreaterThan(order.indexOf('places-outline'));
        expect(order.indexOf('csto-outline')).toBeGreaterThan(order.indexOf('afghanistan-fill'));
        const look: Look = {
          ...PROJECTOR,
          recede: ['csto'],
        };
        expect(
          await page.evaluate(() =>
            (window as unknown as MapWindow).__map.getPaintProperty('csto-outline', 'line-color'),
          ),
        ).toEqual(
          (
            storyLayersIn(look, 'csto').find((l) => l.id === 'csto-outline') as {
              paint: Record<string, unknown>;
            }
          ).paint['line-color'],
        );
      }
    }
    // Step 1 has no context layer: the CSTO's outline is back in its place.
    const order = await layerOrder(page);
    expect(order.indexOf('csto-outline')).toBe(order.indexOf('csto-casing') - 1);

    // A step number then Enter jumps. The Crocus step frames Moscow at a zoom that still shows
    // where Moscow is, not an empty plain with two dots.
    const crocus = tour.steps.findIndex((s) => s.id === 'crocus');
    for (const d of String(crocus + 1)) await page.keyboard.press(d);
    await page.keyboard.press('Enter');
    await expect.poll(() => counter.textContent()).toMatch(new RegExp(`Step ${crocus + 1} of 12`));
    await settle(page);
    const at = await camera(page);
    expect(at.zoom).toBeLessThanOrEqual(PRESENT_ZOOM.frame + 0.01);
    expect(Math.abs(at.lng - 37.5)).toBeLessThan(8);
    expect(at).not.toEqual(before);
    expect(page.url()).toMatch(new RegExp(`[#&]step=${crocus + 1}(&|$)`));

    // Pan away, then R returns to the step's view.
    await page.evaluate(() =>
      (window as unknown as MapWindow).__map.jumpTo({ center: [60, 40], zoom: 4 }),
    );
    await page.keyboard.press('r');
    await settle(page);
    const back = await camera(page);
    expect(back.zoom).toBeCloseTo(at.zoom, 1);
    expect(Math.abs(back.lng - at.lng)).toBeLessThan(0.5);
    expect(await stepLegend(page)).toEqual(tour.steps[crocus].layers.map(layerTitle).sort());

    // Zoom stays where the step still says something: the + key on the map and a zoom asked of
    // the map both stop at PRESENT_ZOOM.max.
    await page.locator('.maplibregl-canvas').focus();
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Equal');
      await settle(page);
    }
    expect((await camera(page)).zoom).toBeCloseTo(PRESENT_ZOOM.max, 3);
    await page.evaluate(
      (z) => (window as unknown as MapWindow).__map.jumpTo({ zoom: z }),
      PRESENT_ZOOM.max + 3,
    );
    await page.evaluate(() => (window as unknown as MapWindow).__map.zoomIn({ animate: false }));
    expect((await camera(page)).zoom).toBeLessThanOrEqual(PRESENT_ZOOM.max + 1e-6);
    await page.keyboard.press('r');
    await settle(page);
    expect((await camera(page)).zoom).toBeCloseTo(at.zoom, 1);

    // While presenting: no tool buttons, not even MapLibre's zoom buttons; a legend of the
    // step's layers.
    expect(await page.getByRole('button', { name: 'Download PNG' }).isVisible()).toBe(false);
    expect(await page.locator('.maplibregl-ctrl-zoom-in').count()).toBe(1);
    expect(await page.locator('.maplibregl-ctrl-zoom-in').isVisible()).toBe(false);
    expect(await page.locator('.maplibregl-ctrl-zoom-out').isVisible()).toBe(false);
    expect(await page.locator('.present .legend').isVisible()).toBe(true);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.present').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    expect(await page.locator('.maplibregl-ctrl-zoom-in').isVisible()).toBe(true);
    // Focus is back on the button that started the presentation; the step leaves the URL.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe('Present the tour');
    expect(page.url()).not.toMatch(/step=/);
    expect(consoleErrors).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });
});

describe('clicker and links', () => {
  it('follows a clicker sending PageDown and PageUp in quick succession, from any focus', async () => {
    const { page, context, consoleErrors } = await open(1280, 720);
    await page.getByRole('button', { name: 'Present the tour' }).click();
    const counter = page.locator('.present .counter');
    await expect.poll(() => counter.textContent()).toMatch(/Step 1 of 12/);
    // A burst, as a clicker held down or pressed fast sends it, without waiting for the map.
    for (let i = 0; i < 11; i++) await page.keyboard.press('PageDown');
    await expect.poll(() => counter.textContent()).toMatch(/Step 12 of 12/);
    for (let i = 0; i < 5; i++) await page.keyboard.press('PageUp');
    await expect.poll(() => counter.textContent()).toMatch(/Step 7 of 12/);
    await settle(page);
    expect(await highlighted(page)).toEqual([...tour.steps[6].features].sort());
    // After a click on the map or on a bar button, the clicker still steps (once per press).
    await page.mouse.click(400, 200);
    await page.keyboard.press('PageDown');
    await expect.poll(() => counter.textContent()).toMatch(/Step 8 of 12/);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => counter.textContent()).toMatch(/Step 9 of 12/);
    await page.keyboard.press('PageDown');
    await expect.poll(() => counter.textContent()).toMatch(/Step 10 of 12/);
    await page.keyboard.press('Space');
    await expect.poll(() => counter.textContent()).toMatch(/Step 11 of 12/);
    await page.keyboard.press('PageUp');
    await expect.poll(() => counter.textContent()).toMatch(/Step 10 of 12/);
    expect(page.url()).toMatch(/[#&]step=10(&|$)/);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('reopens the tour at the step a link names, and old links without one as before', async () => {
    const { page, context } = await open(1280, 720);
    await page.goto(`${site.url}#step=7`);
    await page.reload();
    await waitForIdle(page);
    const counter = page.locator('.present .counter');
    await expect.poll(() => counter.textContent()).toMatch(/Step 7 of 12/);
    await settle(page);
    expect(await highlighted(page)).toEqual([...tour.steps[6].features].sort());
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.present').count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe('Present the tour');
    await page.goto(`${site.url}#sel=kabul`);
    await page.reload();
    await waitForIdle(page);
    await expect.poll(() => page.locator('#card-title').textContent()).toMatch(/Kabul/);
    expect(await page.locator('.present').count()).toBe(0);
    await context.close();
  });
});

describe('projector palette', () => {
  it('is offered outside the presentation, and remembered', async () => {
    const { page, context, consoleErrors } = await open(1280, 800);
    const paint = () =>
      page.evaluate(() => {
        const map = (window as unknown as MapWindow).__map;
        return [
          map.getPaintProperty('water', 'background-color'),
          map.getPaintProperty('csto-fill', 'fill-color'),
        ];
      });
    expect(await paint()).toEqual([theme.water, styleFor('csto').color]);
    await page.getByLabel('Projector colours').check();
    await expect.poll(paint).toEqual([projectorTheme.water, styleIn(PROJECTOR, 'csto').color]);
    expect(await axeViolations(page)).toEqual([]);
    await page.reload();
    await waitForIdle(page);
    await expect.poll(paint).toEqual([projectorTheme.water, styleIn(PROJECTOR, 'csto').color]);
    await page.getByLabel('Projector colours').uncheck();
    await expect.poll(paint).toEqual([theme.water, styleFor('csto').color]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('export and print', () => {
  it('downloads a PNG of the view at twice the screen size, with title, legend and caption', async () => {
    const { page, context } = await open(1280, 800);
    await page.locator('#passage-p13 .chip').first().click();
    await settle(page);
    const canvas = await page.evaluate(() => {
      const c = (window as unknown as MapWindow).__map.getCanvas();
      return { w: c.clientWidth, h: c.clientHeight, dpr: devicePixelRatio };
    });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const path = `${ARTEFACTS}export.png`;
    await download.saveAs(path);
    const png = PNG.sync.read(readFileSync(path));
    // The map at twice its size in a frame: a legend column beside it, title and caption bands.
    const mapW = canvas.w * canvas.dpr * 2;
    const mapH = canvas.h * canvas.dpr * 2;
    expect(png.width).toBeGreaterThan(mapW * 1.15);
    expect(png.height).toBeGreaterThan(mapH);
    // Nothing is drawn on the map: its part of the picture is the map as MapLibre draws it at
    // twice the pixel ratio, pixel for pixel.
    const L = exportLayout(mapW, mapH, { legendH: 0, captionH: 0, creditsH: 0 });
    const fresh = PNG.sync.read(
      Buffer.from(
        (
          await page.evaluate(async () => {
            const map = (window as unknown as MapWindow).__map;
            const ratio = map.getPixelRatio();
            map.setPixelRatio(ratio * 2);
            await new Promise<void>((r) => (map.once('idle', () => r()), map.triggerRepaint()));
            const url = map.getCanvas().toDataURL('image/png');
            map.setPixelRatio(ratio);
            return url;
          })
        ).split(',')[1],
        'base64',
      ),
    );
    expect([fresh.width, fresh.height]).toEqual([mapW, mapH]);
    let same = 0;
    let total = 0;
    for (let y = 0; y < mapH; y += 7)
      for (let x = 0; x < mapW; x += 7) {
        const a = (fresh.width * y + x) * 4;
        const b = (png.width * (y + L.map.y) + x + L.map.x) * 4;
        total++;
        if ([0, 1, 2].every((c) => Math.abs(fresh.data[a + c] - png.data[b + c]) <= 8)) same++;
      }
    expect(same / total).toBeGreaterThan(0.995);
    // The legend column holds the CSTO's colour (passage p13 is about the alliances).
    let blue = 0;
    for (let y = L.legend.y; y < png.height; y += 2)
      for (let x = L.legend.x; x < png.width; x += 2) {
        const i = (png.width * y + x) * 4;
        if (
          png.data[i] < 40 &&
          png.data[i + 1] > 90 &&
          png.data[i + 1] < 140 &&
          png.data[i + 2] > 150
        )
          blue++;
      }
    expect(blue).toBeGreaterThan(20);
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4 * 97)
      colours.add((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
    expect(colours.size).toBeGreaterThan(50);
    // The map returns to its own pixel ratio afterwards.
    expect(await page.evaluate(() => (window as unknown as MapWindow).__map.getPixelRatio())).toBe(
      canvas.dpr,
    );
    await context.close();
  });

  it('prints a landscape handout on A4 and Letter: the map at print resolution, the card after it', async () => {
    const { page, context, consoleErrors } = await open(1280, 800);
    await page.locator('#passage-p10 .chip').first().click();
    await settle(page);
    const card = await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('.card')!;
      const text = (sel: string) => el.querySelector<HTMLElement>(sel)?.innerText.trim() ?? '';
      return {
        text: el.innerText.replace(/\s+/g, ' ').trim(),
        head: [text('.layer'), text('#card-title')].filter(Boolean).join(' '),
        passages: [...el.querySelectorAll<HTMLElement>('blockquote[data-passage] p')].map((p) =>
          p.innerText.replace(/\s+/g, ' ').trim(),
        ),
      };
    });
    expect(card.passages.length).toBeGreaterThan(0);
    const title = 'Russia, the Taliban and the terrorist list';
    for (const [format, paper] of [
      ['A4', [841.89, 595.28]],
      ['Letter', [792, 612]],
    ] as const) {
      // The page's own CSS decides the orientation (@page { size: landscape }), as when a teacher
      // prints from the browser; the format only the paper.
      const pdf = await page.pdf({ format, preferCSSPageSize: true, printBackground: true });
      const file = `${ARTEFACTS}handout-${format}.pdf`;
      writeFileSync(file, pdf);
      const [w, h] = pageSize(file);
      expect(w, `${format} landscape`).toBeGreaterThan(h);
      expect(Math.abs(w - paper[0]), `${format} width ${w}`).toBeLessThan(3);
      expect(Math.abs(h - paper[1]), `${format} height ${h}`).toBeLessThan(3);
      // Page 1 the map, then the card, whole.
      expect(pdfPages(pdf), format).toBeGreaterThanOrEqual(2);
      const text = (first: number, last = first) =>
        execFileSync('pdftotext', ['-f', `${first}`, '-l', `${last}`, file, '-'], {
          encoding: 'utf8',
        }).replace(/\s+/g, ' ');
      // Page 1: the title, the date shown, the credits and the legend of what is drawn.
      const one = text(1);
      const legend = await page.evaluate(() =>
        [...document.querySelectorAll('.handout-legend li, .handout-legend .title')].map((e) =>
          (e.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ),
      );
      expect(legend, format).toContain('by ferry');
      expect(one, format).toContain(title);
      expect(one, format).toMatch(/The map as of \d{1,2} [A-Z][a-z]+ \d{4}\./);
      expect(one, format).toContain('Natural Earth');
      for (const label of legend) expect(one, `${format}: legend "${label}"`).toContain(label);
      // Page 2 begins with the selected thing's card; its passages are printed whole.
      expect(text(2).trim().toLowerCase(), format).toMatch(
        new RegExp(`^${card.head.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      );
      const rest = text(2, pdfPages(pdf));
      for (const passage of card.passages)
        expect(rest, `${format}: passage ends`).toContain(passage.split(' ').slice(-5).join(' '));
      expect(rest, format).toContain(card.text.split(' ').slice(-4).join(' '));
      // The map is a picture of at least 200 dpi at the size it is printed.
      expect(mapPpi(file), format).toBeGreaterThanOrEqual(200);
      // Nothing printed over the map: every word of page 1 (the legend's among them) lies
      // outside the map picture, the legend's in the column beside it.
      const map = mapBox(file);
      const lines = pageLines(file);
      const over = lines.flatMap((l) => l.words).filter((x) => meets(x, map, 0.5));
      expect(
        over.map((x) => x.text),
        format,
      ).toEqual([]);
      // The legend's lines (a long title wraps: each line is part of a label), beside the map.
      const legendLines = lines.filter(
        (l) => l.words.length && legend.some((label) => label.includes(l.text)),
      );
      expect(legendLines.length, format).toBeGreaterThanOrEqual(legend.length);
      for (const l of legendLines)
        for (const x of l.words)
          expect(x.x0, `${format}: "${l.text}" beside the map`).toBeGreaterThan(map.x1);
      // Right beside it: no blank strip between the map and its legend (points; 10 mm = 28 pt).
      const legendLeft = Math.min(...legendLines.flatMap((l) => l.words.map((x) => x.x0)));
      expect(legendLeft - map.x1, `${format}: gap between map and legend`).toBeLessThan(28);
      // And the map takes the page's height, not a small square in a corner (at least 140 mm).
      expect(map.y1 - map.y0, `${format}: the map's printed height`).toBeGreaterThan(140 * 2.835);
    }
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      `${ARTEFACTS}handout-A4.pdf`,
      `${ARTEFACTS}handout-A4`,
    ]);

    // Nothing lies over the printed map: not the screen's legend, not the handout's own.
    await page.emulateMedia({ media: 'print' });
    const overlaps = await page.evaluate(() => {
      const img = document.querySelector('img.handout-map')!;
      const r = img.getBoundingClientRect();
      const hits: string[] = [];
      for (let i = 1; i < 10; i++)
        for (let j = 1; j < 10; j++) {
          const top = document.elementFromPoint(
            r.left + (r.width * i) / 10,
            r.top + (r.height * j) / 10,
          );
          if (top !== img) hits.push(top ? top.className || top.tagName : 'nothing');
        }
      const legend = document.querySelector('.handout-legend')!.getBoundingClientRect();
      if (
        legend.left < r.right &&
        legend.right > r.left &&
        legend.top < r.bottom &&
        legend.bottom > r.top
      )
        hits.push('handout-legend');
      return hits;
    });
    expect(overlaps).toEqual([]);
    expect(await page.locator('.map-area > .layers').isVisible()).toBe(false);
    await screenshot(page, 'print-media');
    expect(await page.locator('.card').isVisible()).toBe(true);
    expect(await page.locator('#tabpanel').isVisible()).toBe(false);
    await page.emulateMedia({ media: null });

    // Nothing selected: one page.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.card').count()).toBe(0);
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, preferCSSPageSize: true, printBackground: true });
      expect(pdfPages(pdf), format).toBe(1);
    }
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
