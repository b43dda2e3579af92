/**
 * The contributor's edit mode on the built site, and the dev server picking up
 * an edited data file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { createServer } from 'vite';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../scripts/validate/cli.ts';
import { validateProject } from '../../src/validate/index.ts';
import { drawnCoordinates, editKabul, type EditHook } from './editing.ts';
import {
  ROOT,
  openPage,
  projectToPage,
  settle,
  waitForIdle,
  type Site,
  servedInChromium,
} from './harness.ts';

let site: Site;
let browser: Browser;
servedInChromium((s, b) => ((site = s), (browser = b)));

const AFGHANISTAN = 'geo/afghanistan.geojson';
const NEW_SUMMARY =
  'Afghanistan’s capital, edited in a browser test to check that only this feature changes.';

/** Line span [first, last] (0-based, inclusive) of a feature in a formatted layer. */
function featureSpan(lines: string[], id: string): [number, number] {
  const at = lines.findIndex((l) => l.trim() === `"id": ${JSON.stringify(id)},`);
  expect(at).toBeGreaterThan(0);
  let first = at;
  while (lines[first] !== '    {') first--;
  let last = at;
  while (!/^ {4}\},?$/.test(lines[last])) last++;
  return [first, last];
}

describe('edit mode', () => {
  it('edits a point and its summary, validates live, and downloads a layer file that differs only there', async () => {
    const w = await editKabul(browser, site.url);
    const { page } = w;
    expect(await page.locator('#edit-id').inputValue()).toBe('kabul');
    expect(await page.locator('#edit-id').getAttribute('readonly')).not.toBeNull();
    // The passage picker lists the article's passages; Kabul's is ticked.
    expect(await page.locator('.passages input[value=p06]').isChecked()).toBe(true);
    expect(await page.locator('.passages input').count()).toBeGreaterThan(10);
    await expect
      .poll(() => page.locator('.check-result').textContent(), { timeout: 20_000 })
      .toContain('no errors');

    // Move the point by dragging it on the canvas: about 3 km at zoom 9, so the
    // railway that ends at Kabul still ends within 5 km of it.
    await page.waitForFunction(() => !!(window as unknown as EditHook).__editDraw);
    await settle(page);
    const before = await drawnCoordinates(page);
    const from = await projectToPage(page, before as [number, number]);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + i, from.y + 0.6 * i);
    await page.mouse.up();
    await expect.poll(() => drawnCoordinates(page)).not.toEqual(before);
    const after = await drawnCoordinates(page);
    expect(after[0]).toBeGreaterThan(before[0]);
    expect(after[1]).toBeLessThan(before[1]);

    await expect
      .poll(() => page.locator('.check-result').textContent(), { timeout: 20_000 })
      .toContain('no errors');

    // A node moved far from its routes: their files are reported too (through
    // terra-draw's API, the test hook EditLayer exposes), then it is put back.
    const moveTo = (c: number[]) =>
      page.evaluate((c) => {
        const w = window as unknown as {
          __editDraw: { updateFeatureGeometry(id: unknown, g: unknown): void };
          __editDrawId: unknown;
        };
        w.__editDraw.updateFeatureGeometry(w.__editDrawId, { type: 'Point', coordinates: c });
      }, c);
    await moveTo([before[0] + 0.5, before[1]]);
    await expect
      .poll(() => page.locator('.check-result .diagnostics').textContent(), { timeout: 20_000 })
      .toMatch(/uap-railway[\s\S]*kabul/);
    await moveTo(after);
    await expect
      .poll(() => page.locator('.check-result').textContent(), { timeout: 20_000 })
      .toContain('no errors');

    // Live validation: an empty summary is an error, a restored one is not.
    await page.locator('#edit-summary').fill('');
    await expect
      .poll(() => page.locator('.check-result .diagnostics').textContent(), { timeout: 20_000 })
      .toMatch(/summary/);
    await page.locator('#edit-summary').fill(NEW_SUMMARY);
    await expect
      .poll(() => page.locator('.check-result').textContent(), { timeout: 20_000 })
      .toContain('no errors');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download layer file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('afghanistan.geojson');
    const text = readFileSync((await download.path())!, 'utf8');

    // The whole project, with the downloaded file in place of the committed one, is valid.
    const { files } = loadProject(ROOT);
    const swapped = files.map((f) => (f.path === AFGHANISTAN ? { ...f, text } : f));
    expect(swapped.some((f) => f.path === AFGHANISTAN)).toBe(true);
    const errors = validateProject(swapped).diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);

    // Only Kabul's lines changed: its summary and its position.
    const orig = readFileSync(`${ROOT}${AFGHANISTAN}`, 'utf8').split('\n');
    const edited = text.split('\n');
    expect(edited.length).toBe(orig.length);
    const [first, last] = featureSpan(orig, 'kabul');
    const changed = orig.flatMap((l, i) => (l === edited[i] ? [] : [i]));
    expect(changed.length).toBe(2);
    for (const i of changed) {
      expect(i).toBeGreaterThanOrEqual(first);
      expect(i).toBeLessThanOrEqual(last);
    }
    expect(text).toContain(JSON.stringify(NEW_SUMMARY));
    const kabul = (
      JSON.parse(text) as {
        features: { properties: { id: string }; geometry: { coordinates: number[] } }[];
      }
    ).features.find((f) => f.properties.id === 'kabul')!;
    expect(kabul.geometry.coordinates).toEqual(after);

    // Cancel: the card is back, terra-draw's layers are gone, the story untouched.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.locator('#card-title').textContent()).toBe('Kabul');
    const left = await page.evaluate(() => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      return map
        .getStyle()
        .layers.map((l) => l.id)
        .filter((id) => id.startsWith('edit'));
    });
    expect(left).toEqual([]);
    expect(await page.locator('.card .summary').textContent()).not.toContain('edited in a browser');
    expect(await page.evaluate(() => (window as unknown as EditHook).__editDraw)).toBeUndefined();
    expect(w.outside).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });

  it('says a country outline cannot be edited, and offers its properties', async () => {
    const w = await openPage(browser, site.url);
    const { page } = w;
    await page.goto(`${site.url}#sel=csto-arm`);
    await waitForIdle(page);
    // Armenia is one card; it offers to edit each layer's feature that draws it.
    await page.getByRole('button', { name: /^Edit in Collective Security/ }).click();
    await expect
      .poll(() => page.locator('.edit .hint').textContent())
      .toMatch(/cannot be edited here/);
    expect(await page.locator('#edit-name').inputValue()).toBe('Armenia');
    expect(await page.evaluate(() => (window as unknown as EditHook).__editDraw)).toBeUndefined();
    await w.context.close();
  });
});

/** The card's title, or null while the page is (re)loading. */
const cardTitle = (page: Page) =>
  page
    .locator('#card-title')
    .textContent({ timeout: 2_000 })
    .catch(() => null);

/** The "All features" list's text, opening its tab first (a reload goes back to the article). */
async function featureList(page: Page): Promise<string> {
  try {
    const tab = page.getByRole('tab', { name: 'All features' });
    if ((await tab.getAttribute('aria-selected', { timeout: 2_000 })) !== 'true')
      await tab.click({ timeout: 2_000 });
    return (await page.locator('nav.list').textContent({ timeout: 2_000 })) ?? '';
  } catch {
    return ''; // the page is reloading: ask again
  }
}

describe('dev server', () => {
  it('reloads on an edited data file and keeps the selection in the URL', async () => {
    const PLACES = `${ROOT}geo/places.geojson`;
    const original = readFileSync(PLACES);
    const server = await createServer({
      root: ROOT,
      configFile: `${ROOT}vite.config.ts`,
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    });
    await server.listen();
    const port = (server.httpServer!.address() as AddressInfo).port;
    const url = `http://127.0.0.1:${port}/`;
    const w = await openPage(browser, url);
    const { page } = w;
    try {
      await page.goto(`${url}#sel=kabul`);
      await waitForIdle(page, 120_000);
      await expect.poll(() => cardTitle(page), { timeout: 60_000 }).toBe('Kabul');
      await expect.poll(() => featureList(page), { timeout: 60_000 }).toContain('Moscow');
      expect(await featureList(page)).not.toContain('Moscow (edited)');
      // Marks this page: a reload forgets it.
      await page.evaluate(() => ((window as unknown as { __before?: true }).__before = true));

      const text = original.toString('utf8');
      const changed = text.replace('"name": "Moscow",', '"name": "Moscow (edited)",');
      expect(changed).not.toBe(text);
      writeFileSync(PLACES, changed);

      // The page reloads by itself (the story-data plugin sends a full reload)…
      await page.waitForFunction(() => !(window as unknown as { __before?: true }).__before, null, {
        timeout: 60_000,
      });
      await expect.poll(() => featureList(page), { timeout: 60_000 }).toContain('Moscow (edited)');
      // …and keeps Kabul selected, from the hash.
      await expect.poll(() => cardTitle(page), { timeout: 60_000 }).toBe('Kabul');
      expect(page.url()).toContain('sel=kabul');
    } finally {
      writeFileSync(PLACES, original);
      await w.context.close();
      await server.close();
    }
    expect(readFileSync(PLACES).equals(original)).toBe(true);
  });
});
