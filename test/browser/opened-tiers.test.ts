/**
 * The file preview in two tiers: a bare invalid geometry shows its RFC 7946 fault; a plain valid
 * file, as geojson.io writes it, shows no error, and what it lacks to become a story layer apart.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, openPage, screenshot, servedInChromium, waitForIdle, type Site } from './harness.ts';

let site: Site;
let browser: Browser;
servedInChromium((s, b) => ((site = s), (browser = b)));

async function openFile(page: Page, name: string, text: string) {
  await page.locator('input[type=file]').setInputFiles({
    name,
    mimeType: 'application/geo+json',
    buffer: Buffer.from(text),
  });
  await page.locator('#opened-heading', { hasText: name }).waitFor();
}

/** As geojson.io saves a drawing: 14 decimals, empty properties, no story conventions. */
const DRAWN = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [66.59912109375, 36.73888412439431],
            [67.91748046875, 36.73888412439431],
            [67.91748046875, 37.43997405227057],
            [66.59912109375, 37.43997405227057],
            [66.59912109375, 36.73888412439431],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { name: 'Termez' },
      geometry: { type: 'Point', coordinates: [67.27844238281249, 37.224439624051] },
    },
  ],
});

describe('opened files in two tiers', () => {
  it('reports a bare invalid geometry, passes a plain valid file, and makes it a story layer', async () => {
    const w = await openPage(
      browser,
      site.url,
      { width: 1280, height: 800 },
      { reducedMotion: 'reduce' },
    );
    const { page } = w;
    await page.goto(site.url);
    await waitForIdle(page);

    // A bare Polygon whose ring does not close: the fault is named, with the pointer.
    await openFile(
      page,
      'ring.geojson',
      '{"type":"Polygon","coordinates":[[[66,36],[67,36],[67,37],[66,37]]]}',
    );
    const faults = page.getByRole('list', { name: 'GeoJSON problems' });
    await faults.waitFor();
    const text = (await faults.textContent())!;
    expect(text).toContain('/coordinates/0/3');
    expect(text).toContain('expected the ring to end where it starts');
    expect(await page.locator('.opened').textContent()).toContain('1 GeoJSON problem');

    // A LineString of one position, in a single Feature.
    await openFile(
      page,
      'line.geojson',
      '{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[66,36]]}}',
    );
    expect(await page.getByRole('list', { name: 'GeoJSON problems' }).textContent()).toContain(
      'expected a line of at least 2 positions, found 1',
    );

    // A plain valid file: no error, and the story tier apart, counted.
    await openFile(page, 'drawn.geojson', DRAWN);
    await page.locator('.opened', { hasText: 'no problems in the GeoJSON' }).waitFor();
    const opened = (await page.locator('.opened').textContent())!;
    expect(opened).toContain('2 features');
    expect(opened).toContain('no problems in the GeoJSON');
    expect(await page.getByRole('list', { name: 'GeoJSON problems' }).count()).toBe(0);
    const needs = (await page.locator('.story-tier .needs').textContent())!;
    expect(needs).toContain('2 features lack "id"');
    expect(needs).toContain('1 feature lacks "name"');
    expect(needs).toContain('2 features lack "passages"');
    // The preview labels its features by name on the map.
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            (window as unknown as { __map: import('maplibre-gl').Map }).__map
              .queryRenderedFeatures({ layers: ['opened-label'] })
              .map((f) => f.properties.name as string),
          ),
        { timeout: 20_000 },
      )
      .toContain('Termez');

    // Made into a story layer: named, a kind, per feature a summary, passages and a source.
    await page.getByRole('button', { name: 'Make it a story layer…' }).click();
    expect(await page.locator('#make-name').inputValue()).toBe('drawn');
    expect(await page.locator('#make-0-id').inputValue()).toBe('drawn-1');
    // "termez" is taken by the story: the suggestion stays unique.
    expect(await page.locator('#make-1-id').inputValue()).toBe('termez-2');
    await page.locator('#make-title').fill('Drawn on geojson.io');
    await page.locator('#make-kind').selectOption('site');
    for (const i of [0, 1]) {
      const details = page.locator('details.feature').nth(i);
      if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
        await details.locator('summary').click();
      await page
        .locator(`#make-${i}-summary`)
        .fill('A place drawn on geojson.io and made into a story layer in a browser test.');
      await page.locator(`#make-${i}-source`).fill('geojson.io drawing');
      if (i === 0) await details.locator('input[value=p02]').check();
      else {
        // Passages chosen by clicking them in the article panel.
        await details.getByRole('button', { name: 'Choose them in the article' }).click();
        await page.getByRole('tab', { name: 'Article' }).click();
        await page.locator('#passage-p02 .pick').click();
        await expect.poll(() => details.locator('input[value=p02]').isChecked()).toBe(true);
        await page.locator('#passage-p10 .pick').click();
        await page.locator('#passage-p10 .pick').click();
        expect(await details.locator('input[value=p10]').isChecked()).toBe(false);
        await details.getByRole('button', { name: 'Done choosing in the article' }).click();
        expect(await page.locator('#passage-p02 .pick').count()).toBe(0);
      }
    }
    await expect
      .poll(() => page.locator('.make .result').textContent(), { timeout: 20_000 })
      .toContain('The validator accepts geo/drawn.geojson');
    expect(await page.locator('.make .steps').textContent()).toContain('STORY_STYLES');
    await page.locator('.make .download').scrollIntoViewIfNeeded();
    await screenshot(page, 'make-layer');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download drawn.geojson' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('drawn.geojson');

    // `npm run validate` accepts it in a copy of the project.
    const copy = mkdtempSync(join(tmpdir(), 'made-layer-'));
    cpSync(`${ROOT}geo`, `${copy}/geo`, { recursive: true });
    cpSync(`${ROOT}story`, `${copy}/story`, { recursive: true });
    copyFileSync((await download.path())!, `${copy}/geo/drawn.geojson`);
    const out = execFileSync('npx', ['tsx', 'scripts/validate.ts', '--root', copy], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(out).toMatch(/^OK: 0 errors/m);
    expect(out).toContain('7 layers');
    rmSync(copy, { recursive: true, force: true });

    expect(w.consoleErrors).toEqual([]);
    expect(w.outside).toEqual([]);
    await w.context.close();
  });
});
