import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DIST,
  openPage,
  ROOT,
  settle,
  waitForIdle,
  type Site,
  servedInChromium,
} from './harness.ts';

let site: Site;
let browser: Browser;
servedInChromium((s, b) => ((site = s), (browser = b)));

const PAYLOADS = [
  '<img src=x onerror="window.__xss=(window.__xss||0)+1">',
  '<script>window.__xss=(window.__xss||0)+1</script>',
  '"><svg onload="window.__xss=(window.__xss||0)+1">',
  'javascript:window.__xss=1',
];

type Win = { __xss?: number; __csp: string[] };

/** Records CSP violations and dialogs from the first script on. */
async function watch(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as Win).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as Win).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

describe('Content-Security-Policy', () => {
  it('forbids inline script and eval in the built page', () => {
    const html = readFileSync(`${DIST}/index.html`, 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBeTruthy();
    const script = /script-src ([^;]+)/.exec(csp!.replace(/&#39;/g, "'"))![1];
    expect(script).not.toContain('unsafe-inline');
    expect(script).not.toContain('unsafe-eval');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('is never violated while a reader uses the map, the tour and the file preview', async () => {
    const w = await openPage(
      browser,
      site.url,
      { width: 1280, height: 800 },
      { reducedMotion: 'reduce' },
    );
    const dialogs = await watch(w.page);
    await w.page.goto(site.url);
    await waitForIdle(w.page);
    await w.page.locator('#passage-p02 .chip').first().click();
    await w.page.locator('#card-title').waitFor();
    await w.page.locator('input[type=file]').setInputFiles({
      name: 'places.geojson',
      mimeType: 'application/geo+json',
      buffer: readFileSync(`${ROOT}geo/places.geojson`),
    });
    await w.page.locator('#opened-heading').waitFor();
    // The checks arrive with the validator's chunk, a moment after the heading.
    await w.page.locator('.opened', { hasText: 'no problems' }).waitFor();
    await w.page.getByRole('button', { name: 'Close the preview' }).click();
    await w.page.getByRole('button', { name: 'Present the tour' }).click();
    await w.page.keyboard.press('PageDown');
    await settle(w.page);
    await w.page.keyboard.press('Escape');
    expect(await w.page.evaluate(() => (window as unknown as Win).__csp)).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    expect(dialogs).toEqual([]);
    await w.context.close();
  });
});

describe('hostile text', () => {
  it('shows payloads in data, an opened file and the URL hash as text, and runs none', async () => {
    const w = await openPage(
      browser,
      site.url,
      { width: 1280, height: 800 },
      { reducedMotion: 'reduce' },
    );
    const dialogs = await watch(w.page);
    // Payloads in the story's own data: names, aliases, summaries and sources of places.geojson.
    await w.context.route('**/assets/places-*.json', async (route) => {
      const res = await route.fetch();
      const data = await res.json();
      data.features.forEach((f: { properties: Record<string, unknown> }, i: number) => {
        const p = PAYLOADS[i % PAYLOADS.length];
        f.properties.name = `${f.properties.name} ${p}`;
        f.properties.summary = `${f.properties.summary} ${p}`;
        f.properties.location_note = p;
        f.properties.sources = [{ title: p, url: 'javascript:window.__xss=1' }];
      });
      await route.fulfill({ response: res, json: data });
    });
    await w.page.goto(`${site.url}#sel=${encodeURIComponent(PAYLOADS[0])}`);
    await waitForIdle(w.page);
    await w.page.locator('#passage-p02 .chip').first().waitFor();
    // Select the feature whose name carries the first payload, through the list.
    await w.page.getByRole('tab', { name: 'All features' }).click();
    const hostile = w.page.locator('nav.list button', { hasText: PAYLOADS[0] }).first();
    await hostile.click();
    await w.page.locator('#card-title').waitFor();
    expect(await w.page.locator('#card-title').textContent()).toContain(PAYLOADS[0]);
    expect(await w.page.locator('.card .summary').textContent()).toContain('<');

    // An opened file with payloads in its name and properties.
    await w.page.locator('input[type=file]').setInputFiles({
      name: `${PAYLOADS[2]}.geojson`,
      mimeType: 'application/geo+json',
      buffer: Buffer.from(
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { id: PAYLOADS[1], name: PAYLOADS[0], kind: PAYLOADS[3] },
              geometry: { type: 'Point', coordinates: [60, 40] },
            },
          ],
        }),
      ),
    });
    await w.page.locator('#opened-heading').waitFor();
    expect(await w.page.locator('#opened-heading').textContent()).toContain(PAYLOADS[2]);
    expect(await w.page.locator('.opened').textContent()).toContain(PAYLOADS[3]);

    // Hover tooltips on the map use text too.
    await settle(w.page);
    expect(await w.page.evaluate(() => (window as unknown as Win).__xss)).toBeUndefined();
    expect(
      await w.page.evaluate(() => document.querySelectorAll('svg[onload], img[onerror]').length),
    ).toBe(0);
    expect(await w.page.evaluate(() => (window as unknown as Win).__csp)).toEqual([]);
    expect(dialogs).toEqual([]);
    await w.context.close();
  });
});
