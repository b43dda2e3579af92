import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shareLink } from '../../src/tour/editor/share.ts';
import type { Tour, TourStep } from '../../src/tour/types.ts';
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

type MapWindow = { __map: import('maplibre-gl').Map };

async function ready(page: Page, url: string | null) {
  // null: the page's own address again, reloaded (a goto to it would only be a hash change).
  await (url === null ? page.reload() : page.goto(url));
  await waitForIdle(page);
  // Every layer file is in (a link with a year opens on the timeline, not on the article).
  await page.waitForFunction(() => !!document.querySelector('.app[data-ready]'));
  await settle(page);
}

/** Presses a button by keyboard: focus, then Enter. */
async function press(page: Page, name: string | RegExp, scope = page.locator('body')) {
  await scope.getByRole('button', { name }).first().focus();
  await page.keyboard.press('Enter');
}

/** The focused element's text (a button's name). */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim());

const stepIds = (page: Page) =>
  page
    .locator('.tour-editor ol.steps > li textarea[id$=-caption]')
    .evaluateAll((els) => els.map((e) => e.id));

/** "step-step-2-caption" → "step-2": the id the step has in the tour. */
const tourId = (id: string) => id.replace(/^step-(.+)-caption$/, '$1');

/** The tour the editor keeps in the browser's storage. */
const stored = (page: Page, key = 'tour-draft') =>
  page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null') as Tour | null, key);

/** The editor's caption and question fields, as the teacher sees them. */
const fields = (page: Page) =>
  page
    .locator('.tour-editor ol.steps > li textarea')
    .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));

const editorOf = (page: Page) => page.locator('.tour-editor');

/**
 * Presents the editor's tour with PageDown, as the class sees it: each step's caption and
 * question, and the year the link, and the map's "as it was in" line, say (or today's map).
 */
async function presentsAll(page: Page, steps: Pick<TourStep, 'caption' | 'question' | 'year'>[]) {
  await press(page, 'Present this tour', editorOf(page));
  const slide = page.locator('section.present');
  for (const [i, s] of steps.entries()) {
    if (i) await page.keyboard.press('PageDown');
    await expect
      .poll(() => slide.getAttribute('aria-label'))
      .toBe(`Step ${i + 1} of ${steps.length}`);
    await expect.poll(() => slide.locator('.caption').textContent()).toBe(s.caption);
    if (s.question) expect(await slide.locator('.question').textContent()).toContain(s.question);
    else expect(await slide.locator('.question').count()).toBe(0);
    if (s.year) {
      await expect.poll(() => page.url()).toMatch(new RegExp(`[#&]t=${s.year}(&|$)`));
      await expect.poll(() => page.locator('.asof strong').textContent()).toBe(s.year);
    } else {
      await expect.poll(() => page.url()).not.toMatch(/[#&]t=/);
      expect(await page.locator('.asof').count()).toBe(0);
    }
  }
  await page.keyboard.press('Escape');
  await slide.waitFor({ state: 'detached' });
}

/** Gives a file to the editor's file input, as the "Open a tour file…" dialog would. */
async function openFile(page: Page, name: string, text: string) {
  await page.locator('.tour-editor input[type=file]').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

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
    const editor = editorOf(page);
    await editor.waitFor();
    await press(page, 'Start from nothing', editor);
    // 1: from the selection; 2: from a passage; 3: at a year chosen on the timeline.
    await press(page, 'Add a step from the map', editor);
    await page.locator('#tour-passage').focus();
    await page.keyboard.type('p10'); // the list's own type-ahead
    expect(await page.locator('#tour-passage').inputValue()).toBe('p10');
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

    // Captions and a question, typed; a reload right after typing, before leaving the field,
    // keeps them (they are saved as they are typed).
    const captions = {
      [a]: 'Tajikistan, a CSTO member',
      [b]: 'The railway the article names',
      [c]: `The region in ${year}`,
    };
    const question = 'Who fought here then?';
    for (const id of [a, b, c]) {
      await page.locator(`#${id}`).focus();
      await page.keyboard.type(captions[id]);
    }
    await page.locator(`#${c.replace('caption', 'question')}`).focus();
    await page.keyboard.type(question);
    expect((await stored(page))!.steps[2].question).toBe(question);
    await ready(page, null);
    await press(page, 'Make your own tour');
    await editor.waitFor();
    expect(await fields(page)).toEqual([captions[a], '', captions[b], '', captions[c], question]);

    // A reorder by keyboard: the passage step first.
    await press(page, 'Move down', editor.locator('ol.steps > li').first());
    expect(await stepIds(page)).toEqual([b, a, c]);

    // Preview, Delete and Undo by keyboard, on step 2 (made from the selection).
    const second = editor.locator('ol.steps > li').nth(1);
    const camera = (await stored(page))!.steps[1].camera as {
      center: [number, number];
      zoom: number;
    };
    await page.evaluate(() =>
      (window as unknown as MapWindow).__map.jumpTo({ center: [40, 56], zoom: 3 }),
    );
    await second.getByRole('button', { name: 'Move up' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Preview');
    await page.keyboard.press('Enter');
    const slide = page.locator('section.present');
    await expect.poll(() => slide.getAttribute('aria-label')).toBe('Step 2 of 3');
    expect(await slide.locator('.caption').textContent()).toBe(captions[a]);
    await settle(page);
    // The map went back to the step's view: its centre in the middle of the map, at its zoom.
    const view = await page.evaluate((center) => {
      const map = (window as unknown as MapWindow).__map;
      const p = map.project(center);
      return { x: p.x / map.getCanvas().clientWidth, zoom: map.getZoom() };
    }, camera.center);
    expect(view.x).toBeCloseTo(0.5, 2);
    expect(view.zoom).toBeCloseTo(Math.min(camera.zoom, 7), 1);
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe('Preview');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Delete');
    await page.keyboard.press('Enter');
    await expect.poll(() => stepIds(page)).toEqual([b, c]);
    // The focus waits on Undo, which brings the step back in its place, caption and all.
    await expect.poll(() => focused(page)).toBe('Undo');
    await page.keyboard.press('Enter');
    await expect.poll(() => stepIds(page)).toEqual([b, a, c]);
    expect(await fields(page)).toEqual([captions[b], '', captions[a], '', captions[c], question]);
    // The editor's stylesheet comes with its chunk: asked again until it has applied.
    await expect.poll(() => axeViolations(page), { timeout: 10_000 }).toEqual([]);

    // Presented like the built-in tour, with PageDown.
    const expected = [
      { caption: captions[b] },
      { caption: captions[a] },
      { caption: captions[c], question, year },
    ];
    await presentsAll(page, expected);

    // Downloaded; `npm run validate` accepts it as story/tour.json.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      press(page, 'Download the tour', editor),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tour-.*\.json$/);
    const file = (await download.path())!;
    const text = readFileSync(file, 'utf8');
    const saved = JSON.parse(text) as Tour;
    expect(saved.steps.map((s) => s.id)).toEqual([b, a, c].map(tourId));
    expect(saved.steps.map((s) => s.caption)).toEqual(expected.map((s) => s.caption));
    expect(saved.steps[2]).toMatchObject({ question, year });
    // The step made from the selection lights Tajikistan, from its passage, where the map was.
    expect(saved.steps[1].features).toEqual(['tajikistan']);
    expect(saved.steps[1].passage).toBe('p05');
    expect(saved.steps[1].camera).toEqual(camera);
    expect(saved.steps[0]).toMatchObject({ passage: 'p10', camera: 'fit' });
    expect(saved.steps[0].features.length).toBeGreaterThan(0);
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

    // A reload loses nothing; the file opens again after starting over, and presents the same
    // three steps.
    await ready(page, site.url);
    await press(page, 'Make your own tour');
    await editor.waitFor();
    expect(await stepIds(page)).toEqual([b, a, c]);
    await press(page, 'Start from nothing', editor);
    expect(await stepIds(page)).toEqual([]);
    await page.locator('.tour-editor input[type=file]').setInputFiles(file);
    await expect.poll(() => stepIds(page)).toEqual([b, a, c]);
    await presentsAll(page, expected);

    // Bad files: the step and the field are named, the tour in hand is kept.
    const broken = (i: number, patch: Partial<TourStep>) =>
      JSON.stringify(
        { ...saved, steps: saved.steps.map((s, j) => (i === j ? { ...s, ...patch } : s)) },
        null,
        2,
      );
    const bad: [string, string, RegExp][] = [
      ['tour-cut.json', text.slice(0, 200), /line \d+, column \d+: /],
      ['tour-passage.json', broken(0, { passage: 'p99' }), /step 1 \(“step-2”\), passage: .*"p99"/],
      [
        'tour-feature.json',
        broken(1, { features: ['csto-tjk', 'atlantis'] }),
        /step 2 \(“step-1”\), features 1: .*"atlantis"/,
      ],
      [
        'tour-layer.json',
        broken(2, { layers: ['roads'] }),
        /step 3 \(“step-3”\), layers 0: .*"roads"/,
      ],
    ];
    for (const [name, body, error] of bad) {
      await openFile(page, name, body);
      await expect.poll(() => editor.locator('.errors').textContent()).toMatch(error);
      expect(await editor.locator('.errors').textContent()).toContain(
        'That file does not hold a tour',
      );
      expect(await stepIds(page)).toEqual([b, a, c]);
      expect(await stored(page)).toEqual(saved);
      // The next file's error replaces this one.
      await openFile(page, 'tour-ok.json', text);
      await expect.poll(() => editor.locator('.errors').count()).toBe(0);
    }

    // The share link brings the same tour, whole, to a fresh browser.
    await press(page, 'Share as a link', editor);
    const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
    const other = await openPage(browser, site.url, { width: 1440, height: 900 });
    await ready(other.page, link);
    await other.page.locator('.tour-editor').waitFor();
    await expect.poll(() => stepIds(other.page)).toEqual([b, a, c]);
    expect(await fields(other.page)).toEqual([
      captions[b],
      '',
      captions[a],
      '',
      captions[c],
      question,
    ]);
    const [again] = await Promise.all([
      other.page.waitForEvent('download'),
      press(other.page, 'Download the tour', editorOf(other.page)),
    ]);
    expect(JSON.parse(readFileSync((await again.path())!, 'utf8'))).toEqual(saved);
    // Nothing was kept: the fresh browser had no tour of its own.
    expect(await other.page.locator('.tour-editor .replaced, .tour-editor .others').count()).toBe(
      0,
    );
    expect(other.consoleErrors).toEqual([]);
    expect(other.outside).toEqual([]);
    await other.context.close();
  });

  it('keeps the teacher’s tour when a link brings another; drag and drop', async () => {
    const builtIn = JSON.parse(readFileSync(`${ROOT}story/tour.json`, 'utf8')) as Tour;
    const mine: Tour = { id: 'mine', title: 'Mine', steps: builtIn.steps.slice(0, 3) };
    const blocs: Tour = { id: 'blocs', title: 'Two blocs', steps: builtIn.steps.slice(9, 11) };
    const linkTo = (tour: Tour) => {
      const made = shareLink(site.url, tour);
      if (!made.ok) throw new Error(made.message);
      return made.url;
    };
    const w = await openPage(browser, site.url, { width: 1440, height: 900 });
    const { page } = w;
    await ready(page, site.url);
    await press(page, 'Make your own tour');
    const editor = editorOf(page);
    await editor.waitFor();
    const ids = () => stepIds(page).then((l) => l.map(tourId));

    // A tour file dropped on the editor opens there; the page's offer to preview a map file
    // is not shown over the editor, and no map file is previewed.
    const dt = await page.evaluateHandle((json) => {
      const d = new DataTransfer();
      d.items.add(new File([json], 'tour-mine.json', { type: 'application/json' }));
      return d;
    }, JSON.stringify(mine));
    await page.locator('.map-area').dispatchEvent('dragover', { dataTransfer: dt });
    await page.locator('.drop').waitFor();
    await editor.dispatchEvent('dragover', { dataTransfer: dt });
    await page.locator('.drop').waitFor({ state: 'detached' });
    await editor.locator('ol.steps').dispatchEvent('drop', { dataTransfer: dt });
    await expect.poll(ids).toEqual(['delisting', 'kazan', 'rulings']);
    expect(await page.locator('.drop, .opened').count()).toBe(0);

    // Dragged by its heading: the first step to the last place.
    const items = editor.locator('ol.steps > li');
    await items
      .nth(0)
      .locator('.head')
      .dragTo(items.nth(2).locator('.head'), { targetPosition: { x: 5, y: 5 } });
    await expect.poll(ids).toEqual(['kazan', 'rulings', 'delisting']);
    const reordered = (await stored(page))!;

    // A colleague's link: their tour opens, the teacher's is kept, and comes back.
    await page.goto('about:blank');
    await ready(page, linkTo(blocs));
    await editor.waitFor();
    await expect.poll(ids).toEqual(['alliances', 'civilisations']);
    const note = editor.locator('.replaced');
    expect(await note.textContent()).toMatch(
      /link’s tour “Two blocs” \(2 steps\) is open\. The tour you had, “Mine” \(3 steps\), is kept/,
    );
    expect(await stored(page, 'tour-kept')).toEqual([reordered]);
    await expect.poll(() => axeViolations(page), { timeout: 10_000 }).toEqual([]);
    await press(page, 'Back to my tour', editor);
    await expect.poll(ids).toEqual(['kazan', 'rulings', 'delisting']);
    // The link's tour is kept in turn, across a reload (which does not bring the link again).
    await expect.poll(() => page.url()).not.toContain('tour=');
    await ready(page, null);
    await press(page, 'Make your own tour');
    await editor.waitFor();
    expect(await ids()).toEqual(['kazan', 'rulings', 'delisting']);
    await press(page, 'Open “Two blocs” (2 steps)', editor);
    await expect.poll(ids).toEqual(['alliances', 'civilisations']);
    await press(page, 'Open “Mine” (3 steps)', editor);
    await expect.poll(ids).toEqual(['kazan', 'rulings', 'delisting']);

    // Bad links: a clear error, naming the step and the field where there is one; the tour in
    // hand stays.
    const badLinks: [string, RegExp][] = [
      [`${site.url}#tour=AAAA-not-a-tour`, /damaged or cut short.*ask for the link again/],
      [
        linkTo({ ...blocs, steps: [blocs.steps[0], { ...blocs.steps[1], layers: ['roads'] }] }),
        /^step 2 \(“civilisations”\), layers 0: .*"roads"/,
      ],
    ];
    for (const [url, error] of badLinks) {
      await page.goto('about:blank');
      await ready(page, url);
      await editor.waitFor();
      const errors = editor.locator('.errors');
      expect(await errors.locator('p').textContent()).toMatch(/That link does not hold a tour/);
      expect(await errors.locator('li').allTextContents()).toEqual([expect.stringMatching(error)]);
      expect(await ids()).toEqual(['kazan', 'rulings', 'delisting']);
      expect(await stored(page)).toEqual(reordered);
    }
    expect(w.consoleErrors).toEqual([]);
    expect(w.outside).toEqual([]);
    await w.context.close();
  });
});
