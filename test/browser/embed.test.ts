/**
 * The map embedded in another site's page: a host page on a second 127.0.0.1 port frames the
 * built map with the code the "Share / embed" dialog gives (`?embed`), at two sizes a course page
 * gives it. In the frame the map draws, a chip selects, nothing overflows and axe finds nothing.
 * Then the dialog itself, on the full page.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedUrl, iframeCode, type EmbedHeight } from '../../src/app/embed.ts';
import {
  ARTEFACTS,
  axeViolations,
  openPage,
  screenshot,
  servedInChromium,
  settle,
  waitForIdle,
  type Site,
} from './harness.ts';

type MapWindow = { __map: import('maplibre-gl').Map; __parsed?: Element };

let site: Site;
let browser: Browser;
servedInChromium((s, b) => ((site = s), (browser = b)));

/** A course page of another origin: a column `width` wide holding the dialog's code. */
let host: Server;
let hostUrl: string;
beforeAll(async () => {
  host = createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://host').searchParams;
    const width = Number(q.get('w'));
    const code = iframeCode(
      embedUrl(`${site.url}${q.get('hash') ?? ''}`),
      Number(q.get('h')) as EmbedHeight,
    );
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A course page</title></head>` +
        `<body style="margin:0;font-family:sans-serif"><main><h1 style="margin:8px">Week 3: Afghanistan</h1>` +
        `<div style="width:${width}px">${code}</div></main></body></html>`,
    );
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

/** The host page with the map framed at width × height; the frame's map has loaded. */
async function framed(width: number, height: EmbedHeight, hash = '') {
  const w = await openPage(
    browser,
    site.url,
    { width: 1000, height: 800 },
    { reducedMotion: 'reduce' },
  );
  // The host is the second origin the page may reach (openPage blocks all but the map's). The
  // page's console and error listeners hear the frame too.
  await w.context.route(`${hostUrl}**`, (route) => route.continue());
  // The prerendered article's first passage, as parsed: hydration keeps it, a new render would not.
  await w.context.addInitScript(() =>
    new MutationObserver((_, observer) => {
      const p = document.getElementById('passage-p01');
      if (!p) return;
      (window as unknown as MapWindow).__parsed = p;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true }),
  );
  await w.page.goto(`${hostUrl}?w=${width}&h=${height}&hash=${encodeURIComponent(hash)}`);
  const frame = (await (await w.page.locator('iframe').elementHandle())!.contentFrame())!;
  await waitForIdle(frame);
  await settle(frame);
  return { ...w, frame };
}

/** What sticks out sideways: the page's scroll width, and elements wider than the frame or past it. */
const overflow = (frame: Frame) =>
  frame.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.width > width + 1 || r.right > width + 1 || r.left < -1);
      })
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
    return { scroll: document.documentElement.scrollWidth, width, out };
  });

describe('embedded in another site', () => {
  it.each([
    [640, 480],
    [360, 600],
  ] as const)(
    'at %i×%i: the map draws, a chip selects, nothing overflows, axe passes',
    async (width, height) => {
      const { page, frame, context, consoleErrors, outside } = await framed(width, height);
      expect(frame.url()).toContain('?embed');
      // The embedded layout hydrated the prerendered page rather than rendering it again.
      expect(
        await frame.evaluate(() => {
          const parsed = (window as unknown as MapWindow).__parsed;
          return !!parsed && parsed === document.getElementById('passage-p01');
        }),
      ).toBe(true);

      // The map fills the frame below the bar, with the story's layers drawn.
      const drawn = await frame.evaluate(() => {
        const map = (window as unknown as MapWindow).__map;
        const story = map.queryRenderedFeatures().filter((f) => f.source.startsWith('story-'));
        return { loaded: map.loaded(), story: story.length, width: map.getCanvas().clientWidth };
      });
      expect(drawn.loaded).toBe(true);
      expect(drawn.story).toBeGreaterThan(0);
      expect(drawn.width).toBe(width);

      // What the embedded reader has no use for is not there; the full map is a link away.
      expect(await frame.locator('input[type=file]').count()).toBe(0);
      expect(await frame.getByRole('button', { name: 'Make your own tour' }).count()).toBe(0);
      expect(await frame.getByRole('button', { name: 'Share / embed' }).count()).toBe(0);
      expect(await axeViolations(frame)).toEqual([]);

      // The article is folded in a small frame; the button opens it.
      const toggle = frame.getByRole('button', { name: 'Article', exact: true });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await frame.locator('#panel').isVisible()).toBe(false);
      await screenshot(page, `embed-${width}x${height}-map`);
      await page
        .locator('iframe')
        .screenshot({ path: `${ARTEFACTS}embed-${width}x${height}-folded.png` });
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await frame.locator('#panel').isVisible()).toBe(true);

      // A chip selects; the frame's selections stay out of the host page's history.
      const entries = await frame.evaluate(() => history.length);
      const chip = frame.locator('#passage-p02 .chip').first();
      const name = (await chip.textContent())!.replace(/after$/, '').trim();
      await chip.click();
      await expect.poll(() => frame.locator('#card-title').textContent()).toBe(name);
      await expect.poll(() => frame.evaluate(() => location.hash)).toContain('sel=');
      expect(await frame.evaluate(() => history.length)).toBe(entries);
      await settle(frame);
      // Beside the map in a frame wide enough for two columns; below it, as the phone's sheet, if not.
      const split = await frame.evaluate(() => ({
        map: (window as unknown as MapWindow).__map.getCanvas().getBoundingClientRect().width,
        panel: document.getElementById('panel')!.getBoundingClientRect().width,
      }));
      if (width >= 520) expect(Math.abs(split.map + split.panel - width)).toBeLessThan(2);
      else expect([split.map, split.panel]).toEqual([width, width]);
      await page
        .locator('iframe')
        .screenshot({ path: `${ARTEFACTS}embed-${width}x${height}-card.png` });

      const o = await overflow(frame);
      expect(o.out).toEqual([]);
      expect(o.scroll).toBeLessThanOrEqual(o.width);
      expect(await axeViolations(frame)).toEqual([]);

      // "Open the full map" opens the same view, not embedded, in a new tab.
      const full = frame.getByRole('link', { name: /Open the full map/ });
      await full.focus();
      const href = (await full.getAttribute('href'))!;
      expect(href).toMatch(/#.*sel=/);
      expect(href).not.toContain('embed');
      expect(href.startsWith(site.url)).toBe(true);
      expect(await full.getAttribute('target')).toBe('_blank');
      expect(await full.getAttribute('rel')).toContain('noopener');
      const [tab] = await Promise.all([context.waitForEvent('page'), full.click()]);
      await tab.waitForURL(href, { waitUntil: 'commit' });
      await tab.close();

      expect(consoleErrors).toEqual([]);
      expect(outside).toEqual([]);
      await context.close();
    },
  );

  it('opens on the shared selection and year; the tour, links and downloads work in the frame', async () => {
    const { page, frame, context, consoleErrors } = await framed(
      640,
      600,
      '#sel=afghanistan&t=2012',
    );
    // A selection in the link opens the panel on its card.
    await expect.poll(() => frame.locator('#card-title').textContent()).toBe('Afghanistan');
    expect(
      await frame
        .getByRole('button', { name: 'Article', exact: true })
        .getAttribute('aria-expanded'),
    ).toBe('true');
    expect(await frame.locator('.asof').textContent()).toContain('2012');

    const tour = frame.getByRole('button', { name: 'Tour', exact: true });
    await tour.click();
    await frame.locator('.present').waitFor();
    expect(await frame.locator('.embed-bar').isVisible()).toBe(false);
    expect((await overflow(frame)).out).toEqual([]);
    await settle(frame);
    await page.locator('iframe').screenshot({ path: `${ARTEFACTS}embed-640x600-tour.png` });
    await frame.locator('.present').press('Escape');
    await frame.locator('.embed-bar').waitFor();
    await expect.poll(() => frame.evaluate(() => document.activeElement?.textContent)).toBe('Tour');

    // A link that would take the frame elsewhere is sent to a new tab; downloads and links within
    // the page are left alone. (Navigation is prevented here: only the link's target is read.)
    const targets = await frame.evaluate(() =>
      ['https://example.org/', '#panel', 'blob:x'].map((href) => {
        const a = document.createElement('a');
        a.href = href;
        if (href.startsWith('blob:')) a.download = 'x.kml';
        a.addEventListener('click', (e) => e.preventDefault());
        document.body.append(a);
        a.click();
        a.remove();
        return `${a.target || '-'} ${a.rel || '-'}`;
      }),
    );
    expect(targets).toEqual(['_blank noopener', '- -', '- -']);

    // The data downloads from inside the frame.
    await frame.getByRole('tab', { name: 'All features' }).click();
    const [kml] = await Promise.all([
      page.waitForEvent('download'),
      frame.getByRole('button', { name: 'KML for Google Earth' }).click(),
    ]);
    expect(kml.suggestedFilename()).toBe('russia-taliban-map.kml');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('takes the compact layout before the app’s code has arrived', async () => {
    const w = await openPage(browser, site.url, { width: 640, height: 480 });
    // The app's code (with MapLibre's chunk) held back: only the page, its CSS and early.js.
    await w.context.route(/\/assets\/.*\.js$/, () => {});
    // Not 'domcontentloaded': that waits for the app's module, which never comes.
    await w.page.goto(`${site.url}?embed`, { waitUntil: 'commit' });
    await w.page.locator('#passage-p01').waitFor({ state: 'attached' });
    await expect
      .poll(() => w.page.evaluate(() => document.documentElement.classList.contains('embed')))
      .toBe(true);
    expect(await w.page.locator('header.top').isVisible()).toBe(false);
    // The full page, for comparison, keeps its header.
    await w.page.goto(site.url, { waitUntil: 'commit' });
    await w.page.locator('#passage-p01').waitFor({ state: 'attached' });
    expect(await w.page.evaluate(() => document.documentElement.classList.contains('embed'))).toBe(
      false,
    );
    expect(await w.page.locator('header.top').isVisible()).toBe(true);
    await w.context.close();
  });
});

describe('Share / embed', () => {
  async function open(page: Page, width: number, height: number) {
    await page.setViewportSize({ width, height });
    await page.goto(site.url);
    await waitForIdle(page);
    await page.locator('#passage-p01 .chip').first().waitFor();
  }

  it('gives the link and the iframe code of the current view; Esc closes it', async () => {
    const w = await openPage(
      browser,
      site.url,
      { width: 1440, height: 900 },
      { reducedMotion: 'reduce' },
    );
    const { page, context } = w;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    await open(page, 1440, 900);
    await page.locator('#passage-p02 .chip').first().click();
    await page.locator('#card-title').waitFor();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('sel=');
    const sel = /sel=([a-z0-9-]+)/.exec(await page.evaluate(() => location.hash))![1];

    const opener = page.getByRole('button', { name: 'Share / embed' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Share or embed this map' });
    await dialog.waitFor();
    const link = await page.locator('#share-link').inputValue();
    expect(link.startsWith(site.url)).toBe(true);
    expect(link).toContain(`sel=${sel}`);
    expect(link).not.toContain('embed');
    const code = () => page.locator('#share-code').inputValue();
    expect(await code()).toContain(`src="${site.url}?embed#`);
    expect(await code()).toContain(`sel=${sel}`);
    expect(await code()).toContain('height="600"');
    await page.getByLabel('Height').selectOption('720');
    expect(await code()).toContain('height="720"');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'embed-dialog-1440x900');

    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    // Copying refused (a policy, plain http): the code is selected for Ctrl+C instead.
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new Error('refused'));
    });
    await page.getByRole('button', { name: 'Copy code' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('press Ctrl+C');
    const selected = await page.evaluate(() => {
      const t = document.activeElement as HTMLTextAreaElement;
      return t.id === 'share-code' && t.selectionStart === 0 && t.selectionEnd === t.value.length;
    });
    expect(selected).toBe(true);

    // Esc closes the dialog, not the selection; focus is back on the button that opened it.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Share / embed');
    expect(await page.locator('#card-title').count()).toBe(1);

    // On a phone it is in the Tools menu.
    await open(page, 390, 844);
    await page.getByRole('button', { name: 'Tools' }).click();
    await page.getByRole('button', { name: 'Share / embed' }).click();
    await dialog.waitFor();
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'embed-dialog-390x844');
    await page.keyboard.press('Escape');
    expect(w.consoleErrors).toEqual([]);
    expect(w.outside).toEqual([]);
    await context.close();
  });
});
