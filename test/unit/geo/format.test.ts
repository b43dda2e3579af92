import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatLayer, PROPERTY_KEYS, PERIOD_KEYS, SOURCE_KEYS } from '../../../src/geo/format.ts';

const ROOT = new URL('../../../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('schema/feature.schema.json', ROOT), 'utf8'));
const layerFiles = readdirSync(new URL('geo/', ROOT)).filter((f) => f.endsWith('.geojson'));

/** A small layer written with every key out of order. */
function scrambled() {
  return {
    features: [
      {
        geometry: { coordinates: [69.21, 34.56], type: 'Point' },
        properties: {
          sources: [{ url: 'https://example.org', note: 'n', title: 'T', publisher: 'P' }],
          passages: ['p06'],
          kind: 'capital',
          zz_unknown: 1,
          aa_unknown: 2,
          name: 'Kabul',
          id: 'kabul',
          summary: 'Afghanistan’s capital, where the story begins and ends.',
        },
        type: 'Feature',
      },
      {
        properties: {
          to: 'b',
          from: 'a',
          periods: [{ status: 'member', note: 'x', start: '2002' }],
          id: 'a-b',
          kind: 'route-segment',
        },
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [1, 2],
            [3.5, 4.25],
          ],
        },
      },
    ],
    description: 'd',
    title: 'Test',
    name: 'test',
    type: 'FeatureCollection',
  };
}

/** Keys in the order they appear in an object of the output. */
const keysOf = (text: string, indent: number) =>
  [...text.matchAll(new RegExp(`^ {${indent}}"([^"]+)":`, 'gm'))].map((m) => m[1]);

describe('formatLayer', () => {
  it('lists properties in the order of the schema', () => {
    expect([...PROPERTY_KEYS]).toEqual(Object.keys(schema.properties));
    expect([...SOURCE_KEYS]).toEqual(Object.keys(schema.properties.sources.items.properties));
    expect([...PERIOD_KEYS]).toEqual(Object.keys(schema.properties.periods.items.properties));
  });

  it('is idempotent', () => {
    const once = formatLayer(scrambled());
    expect(formatLayer(JSON.parse(once))).toBe(once);
  });

  it('gives the same text whatever the key order of its input', () => {
    const a = scrambled();
    const b = JSON.parse(formatLayer(a));
    expect(formatLayer(b)).toBe(formatLayer(a));
  });

  it('orders collection, feature, properties, sources and geometry keys', () => {
    const text = formatLayer(scrambled());
    expect(keysOf(text, 2)).toEqual(['type', 'name', 'title', 'description', 'features']);
    expect(keysOf(text, 6).slice(0, 3)).toEqual(['type', 'properties', 'geometry']);
    const props = JSON.parse(text).features[0].properties;
    // Known keys in schema order, then unknown ones alphabetically.
    expect(Object.keys(props)).toEqual([
      'id',
      'name',
      'kind',
      'passages',
      'summary',
      'sources',
      'aa_unknown',
      'zz_unknown',
    ]);
    expect(Object.keys(props.sources[0])).toEqual(['title', 'publisher', 'url', 'note']);
    const seg = JSON.parse(text).features[1];
    expect(Object.keys(seg.properties)).toEqual(['id', 'kind', 'periods', 'from', 'to']);
    expect(Object.keys(seg.properties.periods[0])).toEqual(['start', 'status', 'note']);
    expect(Object.keys(seg.geometry)).toEqual(['type', 'coordinates']);
  });

  it('keeps each position on one line, one position per line, with 2-space indents and a final newline', () => {
    const text = formatLayer(scrambled());
    expect(text).toContain('"coordinates": [69.21, 34.56]');
    expect(text).toMatch(/"coordinates": \[\n {10}\[1, 2\],\n {10}\[3\.5, 4\.25\]\n {8}\]/);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "type": "FeatureCollection",\n')).toBe(true);
  });

  it('changes no value', () => {
    const input = scrambled();
    expect(JSON.parse(formatLayer(input))).toEqual(input);
  });
});

describe('the committed story layers', () => {
  it('exist', () => {
    expect(layerFiles.length).toBeGreaterThan(0);
  });

  it.each(layerFiles)('geo/%s is exactly formatLayer of itself', (file) => {
    const text = readFileSync(new URL(`geo/${file}`, ROOT), 'utf8');
    expect(text, `geo/${file}: rewrite it with formatLayer`).toBe(formatLayer(JSON.parse(text)));
  });
});
