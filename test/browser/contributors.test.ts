import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, settle, waitForIdle, type Site, servedInChromium } from './harness.ts';

type MapWindow = { __map: import('maplibre-gl').Map; __xss?: number };

let site: Site;
let browser: Browser;
servedInChromium((s, b) => ((site = s), (browser = b)));

const XSS = '<img src=x onerror="window.__xss=1">';

const feature = (props: Record<string, unknown>) => ({
  type: 'Feature',
  properties: {
    id: 'preview-gulf',
    name: `Persian Gulf ${XSS}`,
    kind: 'sea',
    passages: ['p17'],
    summary: 'A test feature that a contributor previews before adding it to the story.',
    sources: [{ title: 'Persian Gulf', publisher: 'Wikipedia' }],
    ...props,
  },
  geometry: { type: 'Point', coordinates: [51.5, 26.8] },
});

const layer = (props: Record<string, unknown> = {}) =>
  JSON.stringify({
    type: 'FeatureCollection',
    name: 'preview',
    title: 'Preview',
    features: [feature(props)],
  });

async function openFile(page: Page, name: string, text: string | Buffer) {
  await page.locator('input[type=file]').setInputFiles({
    name,
    mimeType: 'application/geo+json',
    buffer: typeof text === 'string' ? Buffer.from(text) : text,
  });
  await page.locator('#opened-heading').waitFor();
}

async function storyIntact(page: Page) {
  expect(await page.locator('#passage-p02 .chip').count()).toBeGreaterThan(3);
  expect(await page.locator('.layers input[type=checkbox]').count()).toBe(6);
  expect(await page.evaluate(() => (window as unknown as MapWindow).__xss)).toBeUndefined();
}

describe('open a GeoJSON file', () => {
  it('previews a valid file as a temporary layer, checked by the validator', async () => {
    const w = await openPage(
      browser,
      site.url,
      { width: 1280, height: 800 },
      { reducedMotion: 'reduce' },
    );
    const { page } = w;
    await page.goto(site.url);
    await waitForIdle(page);
    await page.locator('#passage-p01 .chip').first().waitFor();

    await openFile(page, 'preview.geojson', layer());
    expect(await page.locator('#opened-heading').textContent()).toContain('Previewing');
    // The checks arrive with the validator's chunk, a moment after the heading.
    await page.locator('.opened', { hasText: 'no problems' }).waitFor();
    await settle(page);
    // The preview's map layer is loaded when first needed: asked until it has drawn.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const map = (window as unknown as MapWindow).__map;
          return map.getLayer('opened-point')
            ? map.queryRenderedFeatures({ layers: ['opened-point'] }).length
            : 0;
        }),
      )
      .toBe(1);
    await storyIntact(page);

    // Errors are listed by feature, with the property at fault.
    await openFile(page, 'preview.geojson', layer({ kind: 'capitol', passages: ['p99'] }));
    const text = (await page.locator('.opened').textContent())!;
    expect(text).toContain('preview-gulf');
    expect(text).toContain('/features/0/properties/kind');
    expect(text).toMatch(/p99/);
    await storyIntact(page);

    // Malformed JSON, not GeoJSON, and too large: clear messages, the story untouched.
    // (Each read waits for its own file's message: the last file's may still be on screen.)
    await openFile(page, 'broken.geojson', '{ "type": "FeatureCollection", features: [] }');
    await expect
      .poll(() => page.locator('.opened .message').textContent())
      .toMatch(/not valid JSON \(line 1, column \d+/);
    await openFile(page, 'notes.json', '{"hello": "world"}');
    await expect
      .poll(() => page.locator('.opened .message').textContent())
      .toContain('not GeoJSON');
    // 21 MB made inside the page: sending it over the DevTools protocol would be slow.
    await page.evaluate((name) => {
      const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(21 * 1024 * 1024)], name));
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, `huge${XSS}.geojson`);
    await page.locator('.opened .message', { hasText: 'MB' }).waitFor();
    expect(await page.locator('.opened .message').textContent()).toContain('over 20 MB');
    await storyIntact(page);

    await page.getByRole('button', { name: 'Close the preview' }).click();
    expect(await page.locator('#opened-heading').count()).toBe(0);
    expect(w.consoleErrors).toEqual([]);
    expect(w.outside).toEqual([]);
    await w.context.close();
  });
});
