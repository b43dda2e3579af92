import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, openPage, serveDist, waitForIdle, type Site } from './harness.ts';

let site: Site;
let browser: Browser;

beforeAll(async () => {
  site = await serveDist();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

it('fetches the basemap as one topology and the first-screen faces of the font, the rest when needed', async () => {
  const w = await openPage(browser, site.url);
  const asked: string[] = [];
  // The page's and its workers' requests; not the service worker's precaching of every file.
  w.context.on('request', (r) => {
    if (!r.serviceWorker()) asked.push(new URL(r.url()).pathname);
  });
  await w.page.goto(site.url);
  await waitForIdle(w.page);
  await w.page.locator('#passage-p01 .chip').first().waitFor();
  await waitForIdle(w.page);

  const names = asked.map((p) => p.slice(p.lastIndexOf('/') + 1));
  // The basemap: one topology (scripts/vite-plugin-basemap.ts), none of geo/basemap/'s files,
  // decoded in MapLibre's worker by a script of our own origin.
  expect(names.filter((n) => /^basemap-[\w-]+\.json$/.test(n)).length).toBeGreaterThanOrEqual(1);
  expect(names.filter((n) => /^(countries|boundaries|labels)/.test(n))).toEqual([]);
  expect(names.some((n) => /^basemap-worker-[\w-]+\.mjs$/.test(n))).toBe(true);
  const drawn = await w.page.evaluate(() => {
    const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
    const isos = (layer: string) =>
      new Set(map.queryRenderedFeatures({ layers: [layer] }).map((f) => f.properties.iso_a3));
    return {
      land: [...isos('land')],
      labels: map.queryRenderedFeatures({ layers: ['country-labels'] }).length,
      lines: map.queryRenderedFeatures({ layers: ['borders', 'coast'] }).length,
    };
  });
  expect(drawn.land).toEqual(expect.arrayContaining(['AFG', 'RUS', 'KAZ', 'UZB', 'PAK']));
  expect(drawn.labels).toBeGreaterThan(10);
  expect(drawn.lines).toBeGreaterThan(0);

  // Fonts: the two first-screen faces only, both in use; the page's text needs no other.
  const fonts = () => names.filter((n) => n.endsWith('.woff2') || n.endsWith('.woff'));
  expect(fonts().sort()).toEqual([
    expect.stringMatching(/^noto-sans-latin-400-first-[\w-]+\.woff2$/),
    expect.stringMatching(/^noto-sans-latin-600-first-[\w-]+\.woff2$/),
  ]);
  const loaded = await w.page.evaluate(() =>
    [...document.fonts]
      .filter((f) => f.family.replace(/"/g, '') === 'Noto Sans' && f.status === 'loaded')
      .map((f) => f.weight),
  );
  expect(loaded.sort()).toEqual(['400', '600']);

  // A character the story does not use (as a teacher might type it: the first of the second
  // face's range) brings the whole face.
  const rare = await w.page.evaluate(async () => {
    const rest = [...document.fonts].find(
      (f) =>
        f.family.replace(/"/g, '') === 'Noto Sans' && f.weight === '400' && f.status !== 'loaded',
    );
    const first = /^U\+([0-9A-F]+)/i.exec(rest?.unicodeRange ?? '');
    if (!first) return '';
    const ch = String.fromCodePoint(parseInt(first[1], 16));
    await document.fonts.load('16px "Noto Sans"', ch);
    // Loaded from the whole file (from the network, or the service worker's precache).
    return rest?.status === 'loaded' ? ch : '';
  });
  expect(rare).not.toBe('');
  expect(w.outside).toEqual([]);
  expect(w.consoleErrors).toEqual([]);
  await w.context.close();
});
