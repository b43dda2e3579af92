import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outlinesByIso, restoreOutlines, stripOutlines } from '../../../src/model/outlines.ts';

const ROOT = new URL('../../../', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, ROOT), 'utf8'));
const basemap = outlinesByIso(read('geo/basemap/countries.geojson'));
const files = readdirSync(new URL('geo/', ROOT)).filter((f) => f.endsWith('.geojson'));

describe('country outlines shipped once', () => {
  it.each(files)('geo/%s compiles with no country outline of its own', (file) => {
    const layer = read(`geo/${file}`);
    const compiled = stripOutlines(layer, basemap);
    for (const f of compiled.features.filter(
      (x: { properties: { kind: string } }) => x.properties.kind === 'country',
    )) {
      expect(f.geometry, f.properties.id).toBeNull();
      expect(f.outline, f.properties.id).toBe(f.properties.iso_a3);
    }
    // Nothing else is touched, and restoring gives the file back exactly.
    const { layer: back, missing } = restoreOutlines(compiled, basemap);
    expect(missing).toEqual([]);
    expect(back).toEqual(layer);
  });

  it('every story country outline, compared by country code, appears once: in the basemap', () => {
    const seen = new Map<string, number>();
    for (const file of files) {
      const compiled = JSON.stringify(stripOutlines(read(`geo/${file}`), basemap));
      for (const [iso, geometry] of basemap) {
        const text = JSON.stringify(geometry);
        if (compiled.includes(text)) seen.set(iso, (seen.get(iso) ?? 0) + 1);
      }
    }
    expect([...seen]).toEqual([]);
  });

  it('keeps a hand-drawn outline that differs from the basemap, and says what it lacks', () => {
    const layer = {
      type: 'FeatureCollection' as const,
      features: [
        {
          type: 'Feature' as const,
          properties: { kind: 'country', iso_a3: 'KAZ' },
          geometry: { type: 'Point' as const, coordinates: [60, 45] },
        },
      ],
    };
    expect(stripOutlines(layer, basemap)).toEqual(layer);
    const ref = { ...layer, features: [{ ...layer.features[0], geometry: null, outline: 'XXX' }] };
    expect(restoreOutlines(ref, basemap).missing).toEqual(['XXX']);
  });
});
