/**
 * The one-file build (`npm run build:single`) opened from file:// with no
 * network at all: the page must draw the map and load the story from what is
 * inside dist-single/index.html and nothing else.
 *
 * The file is built here, in beforeAll, so the test always checks the current
 * sources, whether it runs alone or from `npm test` (a build takes a few seconds).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { theme } from '../../src/style/theme.ts';
import {
  ROOT,
  colourDistance,
  dominantColour,
  hexToRgb,
  launchBrowser,
  projectToPage,
  screenshot,
  waitForIdle,
} from './harness.ts';

const KABUL: [number, number] = [69.21, 34.56];
const FILE = `${ROOT}dist-single/index.html`;
const PAGE_URL = pathToFileURL(FILE).href;
/** Every story layer in geo/ (the basemap is in geo/basemap/). */
const STORY_FILES = readdirSync(`${ROOT}geo`).filter((f) => f.endsWith('.geojson')).length;

let browser: Browser;

beforeAll(async () => {
  // Vitest sets NODE_ENV=test; a build must not inherit it (Vite would not build for production).
  const env = { ...process.env };
  delete env.NODE_ENV;
  execFileSync('npm', ['run', 'build:single'], { cwd: ROOT, env, stdio: 'pipe' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Offline {
  context: BrowserContext;
  page: Page;
  /** http(s) and any other scheme's requests: all aborted. */
  network: string[];
  /** file:// requests other than the page itself. */
  otherFiles: string[];
  consoleErrors: string[];
}

/** A page on which every request but the HTML file itself (and data:/blob: URLs) is refused and recorded. */
async function openOffline(): Promise<Offline> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    reducedMotion: 'reduce',
  });
  const network: string[] = [];
  const otherFiles: string[] = [];
  const consoleErrors: string[] = [];
  // `request` also reports what route handlers never see (the page's own worker included).
  context.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (url.startsWith('file:')) {
      if (url.split('#')[0] !== PAGE_URL) otherFiles.push(url);
    } else network.push(url);
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || url.split('#')[0] === PAGE_URL)
      return route.continue();
    return route.abort('blockedbyclient');
  });
  // No service worker from file:// (src/app/offline.ts): any attempt to register one is recorded.
  await context.addInitScript(() => {
    const container = navigator.serviceWorker as ServiceWorkerContainer | undefined;
    if (!container) return;
    container.register = (url) => {
      (window as unknown as { __registered?: string }).__registered = String(url);
      return Promise.reject(new Error('no service worker from file://'));
    };
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  return { context, page, network, otherFiles, consoleErrors };
}

describe('one-file build (dist-single/index.html)', () => {
  it('is a single file', () => {
    expect(existsSync(FILE)).toBe(true);
    // Nothing else beside it: the HTML is all a teacher copies.
    expect(
      execFileSync('find', [`${ROOT}dist-single`, '-mindepth', '1'], { encoding: 'utf8' }).trim(),
    ).toBe(FILE);
    expect(statSync(FILE).size).toBeGreaterThan(1_000_000);
    // Not installable: the hosted build's manifest is not linked.
    expect(readFileSync(FILE, 'utf8')).not.toContain('rel="manifest"');
  });

  it('opens from file:// with no network: map, story layers, no errors, no other requests', async () => {
    const w = await openOffline();
    await w.page.goto(PAGE_URL);
    await waitForIdle(w.page);
    // Story layers are fetched (from data: URLs) after the basemap; the chips show they arrived.
    await w.page.locator('#passage-p01 .chip').first().waitFor({ timeout: 30_000 });
    await waitForIdle(w.page);

    const state = await w.page.evaluate(() => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      const sources = Object.keys(map.getStyle().sources);
      return {
        storySources: sources.filter((s) => s.startsWith('story-')).length,
        labelCount: map.queryRenderedFeatures({ layers: ['country-labels'] }).length,
        problems: document.querySelectorAll('.problems li').length,
        chips: document.querySelectorAll('#passage-p01 .chip').length,
        fontLoaded: [...document.fonts].some(
          (f) => f.family.replace(/["']/g, '') === 'Noto Sans' && f.status === 'loaded',
        ),
      };
    });
    await screenshot(w.page, 'single-file');

    // The basemap on its own: the story's Afghanistan fill and Kabul dot hidden, Kabul is land.
    await w.page.evaluate(() => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      for (const l of map.getStyle().layers)
        if ('source' in l && String(l.source).startsWith('story-'))
          map.setLayoutProperty(l.id, 'visibility', 'none');
    });
    await waitForIdle(w.page);
    const kabul = await projectToPage(w.page, KABUL);
    const png = await screenshot(w.page, 'single-file-basemap');
    expect(
      colourDistance(dominantColour(png, kabul.x, kabul.y), hexToRgb(theme.land)),
    ).toBeLessThanOrEqual(3);
    expect(state.labelCount).toBeGreaterThan(5);
    expect(state.storySources).toBe(STORY_FILES);
    expect(state.chips).toBeGreaterThan(0);
    expect(state.problems).toBe(0);
    // The inlined WOFF2 face loaded; labels were not drawn in a fallback.
    expect(state.fontLoaded).toBe(true);

    // The tour runs from the file too: the classroom case this build exists for.
    await w.page.getByRole('button', { name: 'Present the tour' }).click();
    const counter = w.page.locator('.present .counter');
    await expect.poll(() => counter.textContent()).toMatch(/Step 1 of \d+/);
    await w.page.keyboard.press('PageDown');
    await expect.poll(() => counter.textContent()).toMatch(/Step 2 of \d+/);
    await waitForIdle(w.page);
    const lit = await w.page.evaluate(() => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      return map.getFeatureState({ source: 'story-places', id: 'kazan-forum-2024' }).highlighted;
    });
    expect(lit).toBe(true);
    await screenshot(w.page, 'single-file-tour');
    await w.page.keyboard.press('Escape');

    // A teacher's tour file opens from the stick too, and is presented.
    await w.page.getByRole('button', { name: 'Make your own tour' }).click();
    const editor = w.page.locator('.tour-editor');
    await editor.waitFor();
    await editor.locator('input[type=file]').setInputFiles({
      name: 'tour-railways.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          id: 'railways',
          title: 'Railways',
          steps: [
            {
              id: 'one',
              passage: 'p10',
              features: ['uap-termez-hairatan'],
              layers: ['uap-railway'],
              camera: 'fit',
              caption: 'The built part',
            },
            {
              id: 'two',
              passage: 'p13',
              features: ['csto-tjk'],
              layers: ['csto'],
              camera: 'fit',
              year: '2010',
            },
          ],
        }),
      ),
    });
    await expect.poll(() => editor.locator('ol.steps > li').count()).toBe(2);
    await editor.getByRole('button', { name: 'Present this tour' }).click();
    await expect.poll(() => counter.textContent()).toMatch(/Step 1 of 2/);
    expect(await w.page.locator('.caption').textContent()).toBe('The built part');
    await w.page.keyboard.press('PageDown');
    await expect.poll(() => counter.textContent()).toMatch(/Step 2 of 2/);
    await w.page.keyboard.press('Escape');

    expect(w.consoleErrors).toEqual([]);
    expect(w.network).toEqual([]);
    expect(w.otherFiles).toEqual([]);
    expect(
      await w.page.evaluate(() => (window as unknown as { __registered?: string }).__registered),
    ).toBeUndefined();
    await w.context.close();
  });
});
