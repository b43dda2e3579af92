/**
 * The editor's small promises: "Add alias" reads whole, a moved point leaves nothing at its old
 * place and takes its label along, and a layer file with errors is downloaded only when asked.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { drawnCoordinates, editKabul, type EditHook } from './editing.ts';
import { screenshot, servedInChromium, settle, type Site } from './harness.ts';

let site: Site;
let browser: Browser;
servedInChromium((s, b) => ((site = s), (browser = b)));

describe('the editor', () => {
  it('shows "Add alias" whole, moves a point with its label, and asks before a faulty download', async () => {
    const w = await editKabul(browser, site.url);
    const { page } = w;

    // The button names the item in full and is not cut off.
    const add = page.getByRole('button', { name: 'Add alias', exact: true });
    await add.waitFor();
    const fits = await add.evaluate((b) => b.scrollWidth <= b.clientWidth + 1);
    expect(fits).toBe(true);

    // Move Kabul about 25 px east: nothing stays at the old place; the label moves with it.
    await expect.poll(() => drawnCoordinates(page).then((c) => c.length)).toBe(2);
    const before = await drawnCoordinates(page);
    const moved = [Math.round((before[0] + 0.07) * 1e6) / 1e6, before[1]];
    await page.evaluate((c) => {
      const w = window as unknown as EditHook;
      w.__editDraw!.updateFeatureGeometry(w.__editDrawId, { type: 'Point', coordinates: c });
    }, moved);
    await expect.poll(() => drawnCoordinates(page)).toEqual(moved);
    await settle(page);
    await screenshot(page, 'editor-moved-point');
    // The story layer's own circle and label for Kabul are transparent while it is edited
    // (other features at Kabul, such as events, are still drawn there).
    const hidden = await page.evaluate(() => {
      const map = (window as unknown as EditHook).__map;
      return (['circle-opacity', 'circle-stroke-opacity'] as const)
        .map((p) => map.getPaintProperty('afghanistan-point', p))
        .concat([map.getPaintProperty('afghanistan-label', 'text-opacity')])
        .map((v) => JSON.stringify(v));
    });
    for (const v of hidden) expect(v).toMatch(/^\["case",\["==",\["get","id"\],"kabul"\],0,/);
    const label = await page.evaluate(() => {
      const map = (window as unknown as EditHook).__map;
      return map
        .queryRenderedFeatures({ layers: ['edit-label'] })
        .map((f) => [f.properties.name, (f.geometry as { coordinates: number[] }).coordinates]);
    });
    expect(label).toHaveLength(1);
    expect(label[0][0]).toBe('Kabul');
    // The label stands at the moved point, not where Kabul was.
    const at = label[0][1] as number[];
    expect(Math.abs(at[0] - moved[0])).toBeLessThan(1e-3);
    expect(Math.abs(at[1] - moved[1])).toBeLessThan(1e-3);

    // With an error in the file, the download asks first; "Keep editing" downloads nothing.
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.locator('#edit-summary').fill('');
    await expect
      .poll(() => page.locator('.check-result .diagnostics').textContent(), { timeout: 20_000 })
      .toMatch(/summary/);
    // A missing summary is not a GeoJSON fault: it is listed under what a story layer needs.
    const tier = page.getByRole('list', { name: 'To be a story layer' });
    expect(await tier.textContent()).toMatch(/summary/);
    expect(await page.getByRole('list', { name: 'GeoJSON problems' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Download layer file' }).click();
    const ask = page.getByRole('alertdialog');
    await ask.waitFor();
    expect(await ask.textContent()).toMatch(/still has \d+ problems?/);
    await page.getByRole('button', { name: 'Keep editing' }).click();
    expect(await ask.count()).toBe(0);
    expect(downloads).toBe(0);
    await page.getByRole('button', { name: 'Download layer file' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download anyway' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('afghanistan.geojson');

    // Cancel puts the story layer back as it was.
    await page.getByRole('button', { name: 'Cancel' }).click();
    const restored = await page.evaluate(() =>
      JSON.stringify(
        (window as unknown as EditHook).__map.getPaintProperty(
          'afghanistan-point',
          'circle-opacity',
        ) ?? null,
      ),
    );
    expect(restored).not.toContain('kabul');
    expect(w.consoleErrors).toEqual([]);
    expect(w.outside).toEqual([]);
    await w.context.close();
  });
});
