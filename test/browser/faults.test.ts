import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, waitForIdle, type Site, servedInChromium } from './harness.ts';

let site: Site;
let browser: Browser;
servedInChromium((s, b) => ((site = s), (browser = b)));

describe('faults', () => {
  it('a missing and a corrupt data file: the page names both and the rest works', async () => {
    const w = await openPage(browser, site.url, { width: 1280, height: 800 });
    await w.context.route('**/assets/csto-*.json', (route) =>
      route.fulfill({ status: 404, body: 'not found' }),
    );
    await w.context.route('**/assets/uap-railway-*.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"type": "Featu' }),
    );
    await w.page.goto(site.url);
    await waitForIdle(w.page);
    const problems = w.page.locator('.problems');
    await problems.waitFor();
    await expect.poll(() => problems.locator('li').count()).toBe(2);
    const text = (await problems.textContent())!;
    expect(text).toContain('geo/csto.geojson');
    expect(text).toContain('HTTP 404');
    expect(text).toContain('geo/uap-railway.geojson');
    expect(text).toContain('not valid JSON');
    // The other four layers are there and work.
    expect(await w.page.locator('.layers input[type=checkbox]').count()).toBe(4);
    await w.page.locator('#passage-p02 .chip').first().click();
    await w.page.locator('#card-title').waitFor();
    await screenshot(w.page, 'fault-data');
    await w.context.close();
  });

  it('the label font failing to load: labels in a fallback face, and the page says so', async () => {
    const w = await openPage(browser, site.url, { width: 1280, height: 800 });
    await w.context.route(/\.woff2?$/, (route) => route.abort('failed'));
    await w.page.goto(site.url);
    await waitForIdle(w.page);
    await w.page.locator('.font-note').waitFor({ timeout: 20_000 });
    const labels = await w.page.evaluate(
      () =>
        (window as unknown as { __map: import('maplibre-gl').Map }).__map.queryRenderedFeatures({
          layers: ['country-labels'],
        }).length,
    );
    expect(labels).toBeGreaterThan(5);
    await w.page.locator('#passage-p01 .chip').first().waitFor();
    await w.context.close();
  });
});
