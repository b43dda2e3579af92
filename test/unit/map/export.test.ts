import { describe, expect, it } from 'vitest';
import { exportLayout, PRINT_MM, printRatio } from '../../../src/map/export.ts';

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
