import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { legendItems, svgDash } from '../../../src/style/legend.ts';
import { buildStyle } from '../../../src/style/style.ts';
import { STORY_STYLES, sourceId, storyLayers } from '../../../src/style/story.ts';
import { theme } from '../../../src/style/theme.ts';

const ALL_GEOMETRY = new Set(['Polygon', 'LineString', 'Point']);

/** Channels of a hex colour, 0–1. */
function hexRgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
}

describe('story layer styles', () => {
  it('use six-digit hex colours, one per layer', () => {
    const colours = STORY_STYLES.map((s) => s.color);
    for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('form a valid MapLibre style together with the basemap', () => {
    const style = buildStyle(theme, {
      countries: 'c.json',
      boundaries: 'b.json',
      labels: 'l.json',
    });
    for (const s of STORY_STYLES) {
      style.sources[sourceId(s.layer)] = {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: [] },
      };
      style.layers.push(...storyLayers(s, theme));
    }
    expect(validateStyleMin(style)).toEqual([]);
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('tell line variants apart by width or dash, not by colour alone', () => {
    for (const s of STORY_STYLES.filter((x) => x.lines)) {
      const looks = s.lines!.map((v) => `${v.width}/${v.dash?.join(',') ?? 'solid'}`);
      expect(new Set(looks).size, s.layer).toBe(looks.length);
    }
  });

  it('keep the two route colours apart in lightness too, for readers who cannot tell hues apart', () => {
    // Relative luminance differences between every pair of line/area colours.
    const lum = (hex: string) => {
      const [r, g, b] = hexRgb(hex).map((c) =>
        c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
      );
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const lines = STORY_STYLES.filter((s) => s.lines);
    const [a, b] = lines.map((s) => lum(s.color));
    expect(Math.abs(a - b)).toBeGreaterThan(0.05);
  });
});

describe('legend', () => {
  it('agrees with the map layers it stands for', () => {
    for (const s of STORY_STYLES) {
      const layers: LayerSpecification[] = storyLayers(s, theme);
      for (const item of legendItems(s, ALL_GEOMETRY)) {
        if (item.kind === 'line') {
          const match = layers.find(
            (l): l is LineLayerSpecification =>
              l.type === 'line' &&
              l.paint?.['line-color'] === item.color &&
              l.paint?.['line-width'] === item.width &&
              JSON.stringify(l.paint?.['line-dasharray'] ?? null) ===
                JSON.stringify(item.dash ?? null),
          );
          expect(match, `${s.layer}: ${item.label}`).toBeDefined();
        } else if (item.kind === 'area') {
          const fill = layers.find((l) => l.type === 'fill');
          expect(fill?.paint?.['fill-color']).toBe(item.color);
        } else {
          const circle = layers.find((l) => l.type === 'circle');
          expect(JSON.stringify(circle?.paint)).toContain(item.color);
        }
      }
    }
  });

  it('draws MapLibre dashes (counted in line widths) at the same proportions in SVG', () => {
    expect(svgDash(4, [2, 1])).toBe('8 4');
    expect(svgDash(4)).toBeUndefined();
  });
});
