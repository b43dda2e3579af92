import { bbox, booleanClockwise, booleanPointInPolygon, kinks } from '@turf/turf';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBasemap, type BasemapFiles } from '../../../scripts/basemap/build.ts';
import { basemapOutputs } from '../../../scripts/basemap/outputs.ts';
import { MAX_BOUNDS, REGION_BOUNDS } from '../../../src/geo/region.ts';

const require = createRequire(import.meta.url);
const ROOT = new URL('../../../', import.meta.url);
const source = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));

let built: BasemapFiles;
beforeAll(() => {
  built = buildBasemap(source);
});

describe('the committed basemap', () => {
  it('is exactly what `npm run basemap` produces from world-atlas', () => {
    for (const [path, text] of Object.entries(basemapOutputs(source))) {
      expect(
        readFileSync(new URL(path, ROOT), 'utf8'),
        `${path} is stale: run npm run basemap`,
      ).toBe(text);
    }
  });
});

describe('buildBasemap', () => {
  const byIso = (iso: string) => built.countries.features.find((f) => f.properties.iso_a3 === iso);

  it('has every state of the story, whole, with ISO codes and English names', () => {
    for (const [iso, name] of [
      ['AFG', 'Afghanistan'],
      ['RUS', 'Russia'],
      ['KAZ', 'Kazakhstan'],
      ['BLR', 'Belarus'],
      ['ARM', 'Armenia'],
      ['KGZ', 'Kyrgyzstan'],
      ['TJK', 'Tajikistan'],
      ['UZB', 'Uzbekistan'],
      ['TKM', 'Turkmenistan'],
      ['PAK', 'Pakistan'],
      ['IRN', 'Iran'],
      ['CHN', 'China'],
      ['TUR', 'Türkiye'],
      ['MKD', 'North Macedonia'],
      ['GEO', 'Georgia'],
      ['AZE', 'Azerbaijan'],
      ['UKR', 'Ukraine'],
    ])
      expect(byIso(iso)?.properties.name).toBe(name);
    // Whole Russia: Chukotka reaches the antimeridian.
    const rus = JSON.stringify(byIso('RUS')?.geometry);
    expect(rus).toContain('180');
  });

  it('covers everywhere a reader can pan to', () => {
    for (const f of built.countries.features) {
      expect(f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon').toBe(true);
    }
    // Samples on land across the max bounds are inside some country.
    for (const p of [
      [2, 46], // France
      [20, 0], // DR Congo
      [110, 30], // China
      [30, 65], // Finland / Russia
      [78, 20], // India
    ]) {
      const inside = built.countries.features.some((f) => booleanPointInPolygon(p, f));
      expect(inside, `${p} should be land`).toBe(true);
    }
    expect(MAX_BOUNDS[0]).toBeLessThan(REGION_BOUNDS[0]);
  });

  it('winds exterior rings counterclockwise and holes clockwise (RFC 7946)', () => {
    for (const f of built.countries.features) {
      const polys =
        f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const [outer, ...holes] of polys) {
        expect(booleanClockwise(outer), f.properties.name).toBe(false);
        for (const h of holes) expect(booleanClockwise(h), f.properties.name).toBe(true);
      }
    }
  });

  it('never crosses the antimeridian (RFC 7946 §3.1.9), so MapLibre draws no band round the world', () => {
    const rings = [
      ...built.countries.features.flatMap((f) =>
        f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat(),
      ),
      ...built.boundaries.features.flatMap((f) => f.geometry.coordinates),
    ];
    for (const ring of rings)
      for (let i = 1; i < ring.length; i++)
        expect(Math.abs(ring[i][0] - ring[i - 1][0])).toBeLessThan(180);
  });

  it('has no self-intersecting rings in any country of the region', () => {
    for (const f of built.countries.features) {
      const [w, s, e, n] = bbox(f);
      const inRegion =
        w <= REGION_BOUNDS[2] &&
        e >= REGION_BOUNDS[0] &&
        s <= REGION_BOUNDS[3] &&
        n >= REGION_BOUNDS[1];
      if (inRegion) expect(kinks(f).features, f.properties.name).toEqual([]);
    }
  });

  it('rounds coordinates to at most three decimals', () => {
    const text = JSON.stringify(built.countries) + JSON.stringify(built.boundaries);
    expect(text).not.toMatch(/\d\.\d{4,}/);
  });

  it('labels each sizeable country once, inside the country, and no slivers', () => {
    const names = built.labels.features.map((f) => f.properties.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain('Siachen Glacier');
    expect(names).toContain('Armenia');
    for (const l of built.labels.features) {
      const c = byIso(l.properties.iso_a3);
      expect(c, l.properties.name).toBeDefined();
      expect(booleanPointInPolygon(l, c!), l.properties.name).toBe(true);
    }
    // Russia's label is where this map shows Russia, west of the Yenisei.
    const rus = built.labels.features.find((f) => f.properties.iso_a3 === 'RUS')!;
    expect(rus.geometry.coordinates[0]).toBeLessThan(90);
  });

  it('has borders and coasts as separate lines', () => {
    expect(built.boundaries.features.map((f) => f.properties.kind)).toEqual(['border', 'coast']);
    for (const f of built.boundaries.features)
      expect(f.geometry.coordinates.length).toBeGreaterThan(50);
  });
});
