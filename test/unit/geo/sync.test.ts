import { readdirSync, readFileSync } from 'node:fs';
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  basemapGeometries,
  syncCountries,
  type LayerLike,
} from '../../../scripts/sync-countries/sync.ts';

const ROOT = new URL('../../../', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, ROOT), 'utf8'));
const geometries = basemapGeometries(read('geo/basemap/countries.geojson'));
const layerFiles = readdirSync(new URL('geo/', ROOT)).filter((f) => f.endsWith('.geojson'));

const square: Geometry = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ],
  ],
};

function layer(...features: LayerLike['features']): LayerLike {
  return { type: 'FeatureCollection', name: 't', features };
}

describe('the committed story layers', () => {
  it.each(layerFiles)('geo/%s: every country has exactly the basemap geometry', (file) => {
    const fc = read(`geo/${file}`) as LayerLike;
    const { changed, problems } = syncCountries(fc, geometries);
    expect(problems).toEqual([]);
    expect(changed, `run npm run sync-countries`).toEqual([]);
    for (const f of fc.features.filter((f) => f.properties?.kind === 'country'))
      expect(f.geometry).toEqual(geometries.get(f.properties!.iso_a3!));
  });
});

describe('syncCountries', () => {
  const afg = geometries.get('AFG')!;

  it('replaces a country geometry that differs from the basemap and says which', () => {
    const input = layer({
      type: 'Feature',
      properties: { id: 'afghanistan', kind: 'country', iso_a3: 'AFG' },
      geometry: square,
    });
    const { layer: out, changed, problems } = syncCountries(input, geometries);
    expect(changed).toEqual(['afghanistan']);
    expect(problems).toEqual([]);
    expect(out.features[0].geometry).toEqual(afg);
    expect(out.name).toBe('t');
    // the input is left as it was
    expect(input.features[0].geometry).toBe(square);
  });

  it('reports nothing when the geometry already matches', () => {
    const input = layer({
      type: 'Feature',
      properties: { id: 'afghanistan', kind: 'country', iso_a3: 'AFG' },
      geometry: structuredClone(afg),
    });
    expect(syncCountries(input, geometries).changed).toEqual([]);
  });

  it('leaves features of other kinds alone', () => {
    const point = {
      type: 'Feature' as const,
      properties: { id: 'kabul', kind: 'capital', iso_a3: 'AFG' },
      geometry: { type: 'Point' as const, coordinates: [69.21, 34.56] },
    };
    const { layer: out, changed } = syncCountries(layer(point), geometries);
    expect(changed).toEqual([]);
    expect(out.features[0]).toBe(point);
  });

  it('reports a country without iso_a3 or with a code the basemap lacks', () => {
    const { problems } = syncCountries(
      layer(
        { type: 'Feature', properties: { id: 'x', kind: 'country' }, geometry: square },
        {
          type: 'Feature',
          properties: { id: 'y', kind: 'country', iso_a3: 'XXX' },
          geometry: square,
        },
      ),
      geometries,
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^x: /);
    expect(problems[1]).toMatch(/^y: .*XXX/);
  });
});
