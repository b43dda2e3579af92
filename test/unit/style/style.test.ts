import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { basemapLayers } from '../../../src/style/basemap.ts';
import { buildStyle } from '../../../src/style/style.ts';
import { darkTheme, pageTokens, theme, type Theme } from '../../../src/style/theme.ts';

const HEX = /^#[0-9a-f]{6}$/;

function tokens(obj: unknown, path = 'theme'): [string, string][] {
  if (typeof obj === 'string') return [[path, obj]];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) =>
    tokens(v, `${path}.${k}`),
  );
}

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

const urls = { countries: 'c.json', boundaries: 'b.json', labels: 'l.json' };

describe('the light theme', () => {
  it('keeps the basemap quiet: land and water close in lightness, both light', () => {
    expect(luminance(theme.land)).toBeGreaterThan(0.7);
    expect(luminance(theme.water)).toBeGreaterThan(0.6);
    expect(theme.land).not.toBe(theme.water);
  });
});

describe.each([
  ['light', theme],
  ['dark', darkTheme],
] as [string, Theme][])('the %s theme', (_, t) => {
  it('has only lowercase six-digit hex colours', () => {
    for (const [path, value] of tokens(t)) expect(value, path).toMatch(HEX);
  });
  it('meets WCAG AA for every text on every background the page puts it on', () => {
    expect(contrast(t.label, t.land)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(t.label, t.water)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(t.ink, t.paper)).toBeGreaterThanOrEqual(7);
    expect(contrast(t.ink, t.wash)).toBeGreaterThanOrEqual(7);
    expect(contrast(t.ink, t.focusWash)).toBeGreaterThanOrEqual(7);
    expect(contrast(t.muted, t.paper)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(t.muted, t.wash)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(t.focus, t.paper)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(t.error, t.paper)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(t.ink, t.errorWash)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(t.ok, t.paper)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(t.warn, t.warnWash)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(t.warn, t.paper)).toBeGreaterThanOrEqual(4.5);
  });
  it('keeps land and water apart, and the story colours visible on both', () => {
    expect(contrast(t.land, t.water)).toBeGreaterThanOrEqual(1.1);
    for (const c of [t.accent.blue, t.accent.green, t.accent.vermillion])
      expect(Math.max(contrast(c, t.land), contrast(c, t.water)), c).toBeGreaterThanOrEqual(1.8);
  });
  it('names every page token the components use', () => {
    expect(Object.keys(pageTokens(t)).sort()).toEqual(
      [
        'error',
        'error-wash',
        'focus',
        'focus-wash',
        'ink',
        'land',
        'muted',
        'ok',
        'paper',
        'rule',
        'wash',
        'warn',
        'warn-wash',
        'water',
      ].sort(),
    );
  });
});

describe('style', () => {
  const style = buildStyle(theme, urls);

  it('passes the MapLibre style specification', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });
  it('asks no server for glyphs or sprites and loads data from its own origin', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
  });
  it('uses only colours from the theme', () => {
    const allowed = new Set(tokens(theme).map(([, v]) => v));
    for (const layer of basemapLayers(theme)) {
      for (const [prop, value] of Object.entries(layer.paint ?? {})) {
        if (prop.endsWith('-color'))
          expect(allowed.has(value as string), `${layer.id} ${prop}`).toBe(true);
      }
    }
  });
  it('has unique layer ids', () => {
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
