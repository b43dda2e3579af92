/** Any GeoJSON file made into a story layer that `npm run validate` accepts. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../scripts/validate/cli.ts';
import { draftFrom, layerText, rewound, slug, unique } from '../../../src/preview/make-layer.ts';
import { validateProject } from '../../../src/validate/index.ts';
import type { FeatureCollection } from 'geojson';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** As geojson.io saves a drawing: clockwise ring, 14 decimals, styling properties. */
const DRAWN: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'Amu Darya crossing', stroke: '#555555', 'fill-opacity': 0.5 },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [67.1, 37.1],
            [67.1, 37.30000000000001],
            [67.3, 37.30000000000001],
            [67.3, 37.1],
            [67.1, 37.1],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: [67.27844238281249, 37.224439624051] },
    },
  ],
};

describe('make a story layer from any file', () => {
  it('suggests ids from names, unique across the story', () => {
    expect(slug('Mazār-i-Sharīf Airport (MZR)')).toBe('mazar-i-sharif-airport-mzr');
    expect(unique('kabul', new Set(['kabul', 'kabul-2']))).toBe('kabul-3');
    const draft = draftFrom('My Drawing.geojson', DRAWN, new Set(['amu-darya-crossing']));
    expect(draft.name).toBe('my-drawing');
    expect(draft.features.map((f) => f.id)).toEqual(['amu-darya-crossing-2', 'my-drawing-2']);
    expect(draft.features[0].dropped).toEqual(['stroke', 'fill-opacity']);
  });

  it('rewinds rings counterclockwise', () => {
    const ring = (g: ReturnType<typeof rewound>) =>
      (g as { coordinates: number[][][] }).coordinates[0];
    const cw = DRAWN.features[0].geometry;
    expect(ring(rewound(cw))[1]).toEqual([67.3, 37.1]);
  });

  it('gives a file that npm run validate accepts in the project, once completed', () => {
    const draft = draftFrom('drawn.geojson', DRAWN);
    draft.title = 'Drawn on geojson.io';
    draft.kind = 'site';
    for (const f of draft.features) {
      f.summary = 'A place drawn on geojson.io and made into a story layer in a unit test.';
      f.passages = ['p09', 'p02'];
      f.sourceTitle = 'geojson.io drawing';
    }
    const text = layerText(draft, ['p01', 'p02', 'p09']);
    const { files } = loadProject(ROOT);
    const result = validateProject([...files, { path: 'geo/drawn.geojson', text }]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(JSON.parse(text).features[0].properties.passages).toEqual(['p02', 'p09']);
    expect(text).not.toContain('stroke');
  });

  it('leaves what is missing for the validator to say', () => {
    const text = layerText(draftFrom('drawn.geojson', DRAWN));
    const { files } = loadProject(ROOT);
    const codes = validateProject([...files, { path: 'geo/drawn.geojson', text }])
      .diagnostics.filter((d) => d.file === 'geo/drawn.geojson')
      .map((d) => d.pointer);
    expect(codes).toContain('/features/0/properties/summary');
    expect(codes).toContain('/features/1/properties/kind');
  });
});
