/**
 * Offline after the first visit (vite.config.ts `offline`, src/app/offline.ts): the service
 * worker precaches every file the app can load; the reader who has visited once reads the
 * article, uses the map and presents the tour with no network; a web app manifest makes the site
 * installable; a new version is offered, not mixed into the running one.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import article from '../../story/article.json';
import { theme } from '../../src/style/theme.ts';
import {
  DIST,
  axeViolations,
  openPage,
  serveDist,
  servedInChromium,
  waitForIdle,
  type Site,
} from './harness.ts';
import type { Browser } from 'playwright-core';

let site: Site;
let browser: Browser;
servedInChromium((s, b) => ((site = s), (browser = b)));

type MapWindow = { __map: import('maplibre-gl').Map };

/** Every file of a build folder, relative to it. */
function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** Requests that failed or were answered with an error, the worker's and MapLibre's included. */
function failures(context: BrowserContext): string[] {
  const failed: string[] = [];
  context.on('requestfailed', (r) => failed.push(`${r.failure()?.errorText} ${r.url()}`));
  context.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  return failed;
}

/** Resolves once a worker is active for the page (installed: every file precached). */
async function workerReady(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}

/** The URLs in the page's caches, relative to the site, without Workbox's revision parameter. */
async function cached(page: Page, base: string): Promise<string[]> {
  const urls = await page.evaluate(async () => {
    const out: string[] = [];
    for (const name of await caches.keys())
      for (const req of await (await caches.open(name)).keys()) out.push(req.url);
    return out;
  });
  return urls.map((u) => new URL(u).pathname.slice(new URL(base).pathname.length)).sort();
}

describe('installable', () => {
  it('links a web app manifest whose icons are served as PNG', async () => {
    const html = await (await fetch(site.url)).text();
    const href = /<link rel="manifest" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBeTruthy();
    const url = new URL(href!, site.url);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const manifest = JSON.parse(await res.text());
    expect(manifest).toMatchObject({
      name: expect.stringMatching(/Taliban/),
      short_name: expect.any(String),
      start_url: '.',
      scope: '.',
      display: 'standalone',
      theme_color: theme.land,
      background_color: theme.paper,
    });
    expect(html).toContain(`<meta name="theme-color" content="${manifest.theme_color}"`);
    const icons = manifest.icons as { src: string; sizes: string; purpose: string }[];
    expect(icons.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    for (const icon of icons) {
      const r = await fetch(new URL(icon.src, url));
      expect(r.status, icon.src).toBe(200);
      expect(r.headers.get('content-type')).toBe('image/png');
      const png = PNG.sync.read(Buffer.from(await r.arrayBuffer()));
      expect(`${png.width}x${png.height}`).toBe(icon.sizes);
    }
  });
});

describe('offline after the first visit', () => {
  it('precaches every file the app can load', async () => {
    const w = await openPage(browser, site.url);
    await w.page.goto(site.url);
    await workerReady(w.page);
    // Not the worker itself, nor what no page asks for: compressed copies, WOFF fallbacks, robots.txt.
    const expected = filesOf(DIST)
      .filter(
        (f) =>
          !/\.(br|gz|woff)$/.test(f) && !/^(sw|workbox-[^/]+)\.js$/.test(f) && f !== 'robots.txt',
      )
      .sort();
    expect(expected).toContainEqual(expect.stringMatching(/^assets\/maplibre-gl-.*\.js$/));
    expect(expected).toContainEqual(expect.stringMatching(/^assets\/PresenterView-.*\.js$/));
    expect(await cached(w.page, site.url)).toEqual(expected);
    await w.context.close();
  });

  it('reads, draws the map and presents the tour offline; no request fails', async () => {
    const w = await openPage(
      browser,
      site.url,
      { width: 1280, height: 800 },
      { reducedMotion: 'reduce' },
    );
    const failed = failures(w.context);
    await w.page.goto(site.url);
    await waitForIdle(w.page);
    await workerReady(w.page);

    await w.context.setOffline(true);
    await w.page.reload();
    await waitForIdle(w.page);
    expect(await w.page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

    // The map: basemap, labels in the self-hosted font, every story layer's file.
    const state = await w.page.evaluate(() => {
      const map = (window as unknown as MapWindow).__map;
      const storyLayers = map
        .getStyle()
        .layers.filter((l) => 'source' in l && String(l.source).startsWith('story-'))
        .map((l) => l.id);
      return {
        loaded: map.loaded(),
        storyFeatures: map.queryRenderedFeatures({ layers: storyLayers }).length,
        labels: map.queryRenderedFeatures({ layers: ['country-labels'] }).length,
        problems: document.querySelectorAll('.problems li').length,
        font: [...document.fonts].some(
          (f) => f.family.replace(/["']/g, '') === 'Noto Sans' && f.status === 'loaded',
        ),
      };
    });
    expect(state).toMatchObject({ loaded: true, problems: 0, font: true });
    expect(state.storyFeatures).toBeGreaterThan(0);
    expect(state.labels).toBeGreaterThan(5);

    // The article, hydrated: its chips lead to the map's cards.
    const first = article.passages[0];
    expect(await w.page.locator(`#passage-${first.id}`).textContent()).toContain(first.text);
    await w.page.locator('#passage-p02 .chip').first().click();
    await w.page.locator('#card-title').waitFor();
    await w.page.keyboard.press('Escape');

    // The tour: its view is a chunk loaded when first used, here from the worker's cache.
    await w.page.getByRole('button', { name: 'Present the tour' }).click();
    const counter = w.page.locator('.present .counter');
    await expect.poll(() => counter.textContent()).toMatch(/Step 1 of \d+/);
    await w.page.keyboard.press('PageDown');
    await expect.poll(() => counter.textContent()).toMatch(/Step 2 of \d+/);
    await waitForIdle(w.page);
    await w.page.keyboard.press('Escape');

    // The timeline's chunk too.
    await w.page.getByRole('tab', { name: 'Timeline' }).click();
    await w.page.locator('#tabpanel input[type=range]').first().waitFor();

    // The embedded page, a link with its own query, is served from the cache too.
    await w.page.goto(`${site.url}?embed#sel=afghanistan`);
    await waitForIdle(w.page);
    await w.page.getByRole('link', { name: /Open the full map/ }).waitFor();
    await expect.poll(() => w.page.locator('#card-title').textContent()).toBe('Afghanistan');

    expect(failed).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    expect(w.outside).toEqual([]);
    await w.context.close();
  });
});

describe('a new version', () => {
  it('is offered, and taken only when the reader reloads: never mixed into the page', async () => {
    // A copy of the build, served on its own, so the test can deploy a new version into it.
    const dir = mkdtempSync(join(tmpdir(), 'offline-update-'));
    cpSync(DIST, dir, { recursive: true });
    const copy = await serveDist(dir);
    const w = await openPage(
      browser,
      copy.url,
      { width: 1280, height: 800 },
      { reducedMotion: 'reduce' },
    );
    try {
      const release = () =>
        w.page
          .evaluate(() => document.querySelector('meta[name=release]')?.getAttribute('content'))
          .catch(() => 'reloading');
      const status = w.page.getByRole('status').filter({ hasText: 'new version' });
      await w.page.goto(copy.url);
      await waitForIdle(w.page);
      await workerReady(w.page);
      await w.page.reload();
      await waitForIdle(w.page);
      expect(await release()).toBeUndefined();
      await expect.poll(() => status.count()).toBe(0);

      // Deploy: a changed index.html, and the worker listing its new revision (as a build would).
      const index = join(dir, 'index.html');
      const html = readFileSync(index, 'utf8').replace(
        '<title>',
        '<meta name="release" content="2" /><title>',
      );
      writeFileSync(index, html);
      const sw = join(dir, 'sw.js');
      const before = readFileSync(sw, 'utf8');
      const revision = createHash('md5').update(html).digest('hex');
      const after = before.replace(/(\{url:"index\.html",revision:")[0-9a-f]+"/, `$1${revision}"`);
      expect(after).not.toBe(before);
      writeFileSync(sw, after);

      // The next visit still runs the old version whole, and offers the new one.
      await w.page.reload();
      await waitForIdle(w.page);
      await status.waitFor({ timeout: 30_000 });
      expect(await release()).toBeUndefined();
      expect(await axeViolations(w.page)).toEqual([]);

      // Later: the offer goes, and comes back on the next visit, the old version still running.
      // From the keyboard, and focus goes back where the reader was.
      await w.page.getByRole('button', { name: 'Present the tour' }).focus();
      await w.page.getByRole('button', { name: 'Later' }).focus();
      await w.page.keyboard.press('Enter');
      await expect.poll(() => status.count()).toBe(0);
      expect(await w.page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
        'Present the tour',
      );
      await w.page.reload();
      await waitForIdle(w.page);
      await status.waitFor({ timeout: 30_000 });
      expect(await release()).toBeUndefined();

      // Reload: the new version takes over and the page reloads into it.
      await w.page.getByRole('button', { name: 'Reload' }).click();
      await expect.poll(release, { timeout: 30_000 }).toBe('2');
      await waitForIdle(w.page);
      expect(await status.count()).toBe(0);
      expect(w.consoleErrors).toEqual([]);
    } finally {
      await w.context.close();
      await copy.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
