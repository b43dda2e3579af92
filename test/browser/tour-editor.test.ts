import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  openPage,
  ROOT,
  servedInChromium,
  settle,
  waitForIdle,
  type Site,
} from './harness.ts';

/* A teacher builds a tour with the keyboard, presents it, downloads it, opens it, shares it. */

let site: Site;
let browser: Browser;
servedInChromium((s, b) => ((site = s), (browser = b)));

async function ready(page: Page, url: string) {
  await page.goto(url);
  await waitForIdle(page);
  await page.waitForFunction(() => !!document.querySelector('#passage-p01 .chip, .tour-editor'));
  await settle(page);
}

/** Presses a button by keyboard: focus, then Enter. */
async function press(page: Page, name: string | RegExp, scope = page.locator('body')) {
  await scope.getByRole('button', { name }).first().focus();
  await page.keyboard.press('Enter');
}

const stepIds = (page: Page) =>
  page
    .locator('.tour-editor ol.steps > li textarea[id$=-caption]')
    .evaluateAll((els) => els.map((e) => e.id));

describe('a teacher’s own tour', () => {
  it('is built with the keyboard, presented, downloaded, reopened and shared', async () => {
    const w = await openPage(
      browser,
      site.url,
      { width: 1440, height: 900 },
      { reducedMotion: 'reduce' },
    );
    const { page } = w;
    await ready(page, `${site.url}#sel=tajikistan`);
    await press(page, 'Make your own tour');
    const editor = page.locator('.tour-editor');
    await editor.waitFor();
    await press(page, 'Start from nothing', editor);
    // 1: from the selection; 2: from a passage; 3: at a year chosen on the timeline.
    await press(page, 'Add a step from the map', editor);
    await page.locator('#tour-passage').focus();
    await page.locator('#tour-passage').selectOption('p10');
    await press(page, 'Add a step from this passage', editor);
    await page.getByRole('tab', { name: 'Timeline' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('slider').focus();
    await page.keyboard.press('Home');
    await expect.poll(() => page.url()).toMatch(/t=19\d\d/);
    const year = /t=(\d{4})/.exec(page.url())![1];
    await press(page, 'Add a step from the map', editor);
    expect(await stepIds(page)).toHaveLength(3);
    const [a, b, c] = await stepIds(page);
    // Captions, and a reorder by keyboard: the passage step first.
    await page.locator(`#${b}`).fill('The railway the article names');
    await page.keyboard.press('Tab');
    await page.locator(`#${c.replace('caption', 'question')}`).fill('Who fought here then?');
    await page.keyboard.press('Tab');
    await press(page, 'Move down', editor.locator('ol.steps > li').first());
    expect(await stepIds(page)).toEqual([b, a, c]);
    // The editor's stylesheet comes with its chunk: asked again until it has applied.
    await expect.poll(() => axeViolations(page), { timeout: 10_000 }).toEqual([]);

    // Presented like the built-in tour, with PageDown.
    await press(page, 'Present this tour', editor);
    const bar = page.locator('[aria-label^="Step "]').first();
    await expect.poll(() => bar.getAttribute('aria-label')).toBe('Step 1 of 3');
    expect(await page.locator('.caption').textContent()).toBe('The railway the article names');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect.poll(() => bar.getAttribute('aria-label')).toBe('Step 3 of 3');
    await expect.poll(() => page.url()).toContain(`t=${year}`);
    expect(await page.locator('.question').textContent()).toContain('Who fought here then?');
    await page.keyboard.press('Escape');

    // Downloaded; `npm run validate` accepts it as story/tour.json.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      press(page, 'Download the tour', editor),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tour-.*\.json$/);
    const file = (await download.path())!;
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.steps.map((s: { id: string }) => s.id)).toEqual(
      [b, a, c].map((x) => x.replace(/^step-(step-\d+)-caption$/, '$1')),
    );
    const copy = mkdtempSync(`${tmpdir()}/tour-`);
    try {
      cpSync(`${ROOT}geo`, `${copy}/geo`, { recursive: true });
      cpSync(`${ROOT}story`, `${copy}/story`, { recursive: true });
      copyFileSync(file, `${copy}/story/tour.json`);
      const out = execFileSync('npx', ['tsx', 'scripts/validate.ts', '--root', copy], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(out).toMatch(/OK: 0 errors/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }

    // A reload loses nothing; the file opens again after starting over.
    await ready(page, site.url);
    await press(page, 'Make your own tour');
    await editor.waitFor();
    expect(await stepIds(page)).toEqual([b, a, c]);
    await press(page, 'Start from nothing', editor);
    expect(await stepIds(page)).toEqual([]);
    await page.locator('.tour-editor input[type=file]').setInputFiles(file);
    await expect.poll(() => stepIds(page)).toEqual([b, a, c]);
    await press(page, 'Present this tour', editor);
    await expect.poll(() => bar.getAttribute('aria-label')).toBe('Step 1 of 3');
    expect(await page.locator('.caption').textContent()).toBe('The railway the article names');
    await page.keyboard.press('Escape');

    // A bad file: the step and the field are named, the tour in hand is kept.
    const bad = {
      ...saved,
      steps: [{ ...saved.steps[0], passage: 'p99' }, ...saved.steps.slice(1)],
    };
    await page.locator('.tour-editor input[type=file]').setInputFiles({
      name: 'tour-bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad, null, 2)),
    });
    await expect
      .poll(() => editor.locator('.errors').textContent())
      .toMatch(/step 1 .*passage.*"p99"/);
    expect(await stepIds(page)).toEqual([b, a, c]);

    // The share link brings the same tour to a fresh browser.
    await press(page, 'Share as a link', editor);
    const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
    await w.context.close();
    const other = await openPage(browser, site.url, { width: 1440, height: 900 });
    await ready(other.page, link);
    await other.page.locator('.tour-editor').waitFor();
    await expect.poll(() => stepIds(other.page)).toEqual([b, a, c]);
    expect(other.consoleErrors).toEqual([]);
    expect(other.outside).toEqual([]);
    await other.context.close();
  });
});
