import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import {
  basemapIn,
  presentationScale,
  projectorTheme,
  RECEDED,
  storyLayersIn,
  styleIn,
  type Look,
} from '../../../src/style/look.ts';
import { STORY_STYLES } from '../../../src/style/story.ts';

/** WCAG 2.x relative luminance and contrast ratio. */
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
function luminance([r, g, b]: number[]): number {
  const lin = (c: number) =>
    c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4;
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
const contrast = (a: number[], b: number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
/** A fill of `color` at `opacity` over `ground`, as the map composites it. */
const over = (color: string, opacity: number, ground: string) =>
  rgb(color).map((c, i) => Math.round(c * opacity + rgb(ground)[i] * (1 - opacity)));

const PROJECTOR: Look = { palette: 'projector', scale: 1 };
const paint = (specs: LayerSpecification[], id: string) =>
  (specs.find((l) => l.id === id) as { paint: Record<string, unknown> }).paint;

/** Water and land colours read from the basemap's style data. */
function ground(look: Look) {
  const base = basemapIn(look);
  return {
    water: paint(base, 'water')['background-color'] as string,
    land: paint(base, 'land')['fill-color'] as string,
  };
}

describe('projector palette', () => {
  const { water, land } = ground(PROJECTOR);
  const areas = STORY_STYLES.filter((s) => s.role === 'bloc' || s.role === 'area');

  it.each(areas.map((s) => s.layer))(
    'fills the members of %s at 3:1 or more against land and water',
    (layer) => {
      const fill = paint(storyLayersIn(PROJECTOR, layer), `${layer}-fill`);
      const color = fill['fill-color'] as string;
      // ['case', emphasised, emphasis opacity, rest opacity]
      const [, , emphasis, rest] = fill['fill-opacity'] as [string, unknown, number, number];
      for (const opacity of [rest, emphasis]) {
        const drawn = over(color, opacity, land);
        expect(contrast(drawn, rgb(land)), `${layer} at ${opacity} vs land`).toBeGreaterThanOrEqual(
          3,
        );
        expect(
          contrast(drawn, rgb(water)),
          `${layer} at ${opacity} vs water`,
        ).toBeGreaterThanOrEqual(3);
      }
    },
  );

  it('is stronger than the screen palette, whose pale fills a projector washes out', () => {
    const screen = ground({ palette: 'screen', scale: 1 });
    const fill = paint(storyLayersIn({ palette: 'screen', scale: 1 }, 'csto'), 'csto-fill');
    const rest = (fill['fill-opacity'] as number[])[3];
    const drawn = over(fill['fill-color'] as string, rest, screen.land);
    expect(contrast(drawn, rgb(screen.land))).toBeLessThan(3);
  });

  it('keeps labels at AA contrast on land and water', () => {
    for (const g of [projectorTheme.land, projectorTheme.water])
      expect(contrast(rgb(projectorTheme.label), rgb(g))).toBeGreaterThanOrEqual(4.5);
  });

  it('draws a step’s context layers lighter, and names them so in the legend', () => {
    const look: Look = { ...PROJECTOR, recede: ['eaeu'] };
    expect(styleIn(look, 'eaeu').areaOpacity).toBe(RECEDED);
    expect(styleIn(look, 'csto').areaOpacity).toBeGreaterThan(RECEDED);
  });

  it.each(areas.map((s) => s.layer))(
    'keeps the members of %s at 3:1 against land and water when drawn as context (recede)',
    (layer) => {
      // As the presentation draws it at 1920×1080 (EAEU in step 10, the CSTO in step 12).
      const look: Look = { ...PROJECTOR, scale: presentationScale(1920, 1080), recede: [layer] };
      const specs = storyLayersIn(look, layer);
      const fill = paint(specs, `${layer}-fill`);
      const [, , emphasis, rest] = fill['fill-opacity'] as [string, unknown, number, number];
      const filled = over(fill['fill-color'] as string, rest, land);
      // Still secondary: a fill lighter than an own layer's, and lighter than when emphasised.
      expect(rest).toBeLessThanOrEqual(RECEDED);
      expect(rest).toBeLessThan(emphasis);
      // The fill alone is too pale to tell from land and water; that is why the outline is there.
      expect(contrast(filled, rgb(water))).toBeLessThan(3);
      // ['case', emphasised, ink, rest colour] and ['case', selected, w, emphasised, w, rest w]
      const outline = paint(specs, `${layer}-outline`);
      const color = (outline['line-color'] as [string, unknown, string, string])[3];
      const width = (outline['line-width'] as number[]).at(-1)!;
      for (const [name, g] of [
        ['land', land],
        ['water', water],
      ] as const)
        expect(
          contrast(rgb(color), rgb(g)),
          `${layer} outline ${color} vs ${name}`,
        ).toBeGreaterThanOrEqual(3);
      // Apart from its own light fill too, and wide enough to see from the back of a room.
      expect(contrast(rgb(color), filled)).toBeGreaterThanOrEqual(3);
      expect(width).toBeGreaterThanOrEqual(3);
    },
  );

  it('keeps the light lines between the members of a layer that is the step’s own', () => {
    const outline = paint(
      storyLayersIn({ ...PROJECTOR, recede: ['eaeu'] }, 'csto'),
      'csto-outline',
    );
    expect((outline['line-color'] as string[])[3]).toBe('#ffffff');
  });

  it('is valid MapLibre style data', () => {
    const look: Look = { palette: 'projector', scale: 2 };
    const style = {
      version: 8,
      sources: {
        ...Object.fromEntries(
          STORY_STYLES.map((s) => [
            `story-${s.layer}`,
            { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
          ]),
        ),
        'basemap-countries': { type: 'geojson', data: 'c.json' },
        'basemap-boundaries': { type: 'geojson', data: 'b.json' },
        'basemap-labels': { type: 'geojson', data: 'l.json' },
      },
      layers: [...basemapIn(look), ...STORY_STYLES.flatMap((s) => storyLayersIn(look, s.layer))],
    };
    const errors = validateStyleMin(style as never).filter((e) => !/hatch/.test(e.message));
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});

describe('presentation scale', () => {
  /** The smallest size a label layer gets over the zoom range. */
  const minSize = (specs: LayerSpecification[], id: string) => {
    const size = (specs.find((l) => l.id === id) as { layout: Record<string, unknown> }).layout[
      'text-size'
    ];
    return typeof size === 'number'
      ? size
      : Math.min(...(size as number[]).slice(4).filter((_, i) => i % 2 === 0));
  };

  it('sets country and place names at 20 px or more on a 1920×1080 projector', () => {
    const look: Look = { palette: 'projector', scale: presentationScale(1920, 1080) };
    expect(minSize(basemapIn(look), 'country-labels')).toBeGreaterThanOrEqual(20);
    expect(minSize(storyLayersIn(look, 'places'), 'places-label')).toBeGreaterThanOrEqual(20);
  });

  it('stays between 1.3 and 2.2 times the screen size', () => {
    expect(presentationScale(1024, 768)).toBeGreaterThanOrEqual(1.3);
    expect(presentationScale(3840, 2160)).toBeLessThanOrEqual(2.2);
  });
});
