import { describe, expect, it } from 'vitest';
import { decimalsForStep, decimalsForZoom, roundTo } from '../../../scripts/basemap/precision.ts';

describe('decimalsForZoom', () => {
  it('keeps the rounding error within half a pixel at the equator', () => {
    for (const z of [0, 4, 8, 10, 14]) {
      const d = decimalsForZoom(z);
      const halfPixel = 360 / (512 * 2 ** z) / 2;
      expect(0.5 * 10 ** -d).toBeLessThanOrEqual(halfPixel);
      // and one decimal fewer would not.
      expect(0.5 * 10 ** -(d - 1)).toBeGreaterThan(halfPixel);
    }
  });
  it('gives 3 decimals for zoom 8 and 4 for zoom 10', () => {
    expect(decimalsForZoom(8)).toBe(3);
    expect(decimalsForZoom(10)).toBe(4);
  });
});

describe('decimalsForStep', () => {
  it('stops where the source data has no more precision', () => {
    expect(decimalsForStep(0.0017)).toBe(3);
    expect(decimalsForStep(0.01)).toBe(2);
    expect(decimalsForStep(0.5)).toBe(1);
  });
});

describe('roundTo', () => {
  it('rounds half away from zero on positives and never yields -0', () => {
    expect(roundTo(69.2149, 3)).toBe(69.215);
    expect(Object.is(roundTo(-0.0001, 3), 0)).toBe(true);
    expect(roundTo(-12.3456, 2)).toBe(-12.35);
  });
});
