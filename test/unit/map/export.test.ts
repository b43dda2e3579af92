import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StoryLayer } from '../../../src/geo/types.ts';
import {
  exportLayout,
  legendOf,
  legendRows,
  PRINT_MM,
  printRatio,
} from '../../../src/map/export.ts';
import { styleFor } from '../../../src/style/story.ts';
import type { Look } from '../../../src/style/look.ts';

type Rect = { x: number; y: number; w: number; h: number };
const meets = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y;

describe('PNG frame', () => {
  it.each([
    [2560, 1600, 300],
    [1200, 1400, 2000],
    [720, 1280, 0],
  ])('keeps legend and caption off a %i×%i map', (w, h, legendH) => {
    const L = exportLayout(w, h, { legendH, captionH: 66, creditsH: 45 });
    const legend = { ...L.legend, h: legendH };
    const caption = { ...L.caption, h: 66 + 45 };
    expect(meets(L.map, legend)).toBe(false);
    expect(meets(L.map, caption)).toBe(false);
    expect(meets(legend, caption)).toBe(false);
    // Everything inside the picture.
    for (const r of [L.map, legend, caption]) {
      expect(r.x + r.w).toBeLessThanOrEqual(L.width);
      expect(r.y + r.h).toBeLessThanOrEqual(L.height);
    }
  });
});

describe('handout resolution', () => {
  it.each([
    [800, 700],
    [1440, 900],
    [360, 640],
  ])('draws a %i×%i map at 300 dpi at its printed size', (w, h) => {
    const printedMm = Math.min(PRINT_MM.width, (PRINT_MM.height * w) / h);
    const dpi = (w * printRatio(w, h)) / (printedMm / 25.4);
    expect(dpi).toBeGreaterThanOrEqual(299);
    expect(w * printRatio(w, h)).toBeLessThanOrEqual(4096);
  });
});

describe('PNG legend', () => {
  const load = (name: string): StoryLayer =>
    JSON.parse(readFileSync(new URL(`../../../geo/${name}.geojson`, import.meta.url), 'utf8'));
  const csto = load('csto');
  const words = styleFor('csto').standings!;
  const TODAY = { date: '2026-11-30', year: false };

  it.each<Look>([
    { palette: 'screen', scale: 1 },
    { palette: 'projector', scale: 1 },
  ])('lays out rows for today’s frozen and former CSTO members ($palette)', (look) => {
    const rows = legendRows(legendOf([csto, load('places')], look, TODAY));
    const labels = rows.map((r) => ('head' in r ? `# ${r.head}` : r.item.label));
    // The CSTO's title, then a row for each standing the map draws today, in the map's look.
    const at = labels.indexOf(`# ${csto.title}`);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(labels.slice(at + 1, at + 4)).toEqual([words.member, words.frozen, words.former]);
    const lookOf = (label: string) =>
      rows.flatMap((r) =>
        'item' in r && r.item.kind === 'area' && r.item.label === label ? [r.item.look] : [],
      );
    const looks = { frozen: lookOf(words.frozen)[0], former: lookOf(words.former)[0] };
    expect(looks).toEqual({ frozen: 'hatch', former: 'dashed' });
  });

  it('has no frozen or former row in 1997, when every party was in', () => {
    const rows = legendRows(
      legendOf([csto], { palette: 'screen', scale: 1 }, { date: '1997', year: true }),
    );
    const labels = rows.map((r) => ('head' in r ? r.head : r.item.label));
    expect(labels).toContain(words['treaty-party']);
    expect(labels).not.toContain(words.frozen);
    expect(labels).not.toContain(words.former);
  });
});
