import { readFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { decodeBasemap } from '../../../src/geo/basemap/decode.ts';
import { decimalsOf, encodeBasemap } from '../../../src/geo/basemap/encode.ts';

const read = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../geo/basemap/${name}.geojson`, import.meta.url), 'utf8'),
  ) as FeatureCollection;
const layers = {
  countries: read('countries'),
  boundaries: read('boundaries'),
  labels: read('labels'),
};

describe('the shipped basemap topology', () => {
  const topo = encodeBasemap(layers);

  it.each(Object.keys(layers) as (keyof typeof layers)[])(
    'gives back %s coordinate for coordinate',
    (name) => {
      // Through JSON, as the browser reads it.
      const decoded = decodeBasemap(JSON.parse(JSON.stringify(topo)), name);
      expect(decoded).toEqual(layers[name]);
      // Byte for byte: the story layers' country outlines are put back from it.
      expect(JSON.stringify(decoded)).toBe(JSON.stringify(layers[name]));
    },
  );

  it('is far smaller than the three files', () => {
    const br = (s: string) => brotliCompressSync(Buffer.from(s)).length;
    const files = Object.values(layers).reduce((n, fc) => n + br(JSON.stringify(fc)), 0);
    expect(br(JSON.stringify(topo))).toBeLessThan(files / 2);
  });

  it('is quantised at the data’s last decimal, with integer arcs', () => {
    expect(topo.transform?.scale).toEqual([0.001, 0.001]);
    expect(topo.arcs.flat(2).every(Number.isInteger)).toBe(true);
  });

  it('names a layer it lacks', () => {
    expect(() => decodeBasemap(topo, 'rivers')).toThrow('the basemap has no layer "rivers"');
  });
});

describe('decimalsOf', () => {
  it('finds the last decimal used', () => {
    expect(decimalsOf([[1, 2]])).toBe(0);
    expect(decimalsOf([[1.5, 2]])).toBe(1);
    expect(decimalsOf([[69.18, 34.531]])).toBe(3);
  });

  it('round-trips points and negative origins exactly', () => {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { n: 1 },
          geometry: { type: 'Point', coordinates: [-179.999, -89.5] },
        },
        {
          type: 'Feature',
          properties: { n: 2 },
          geometry: {
            type: 'LineString',
            coordinates: [
              [0.1, 0.2],
              [0.3, -0.7],
            ],
          },
        },
      ],
    };
    expect(decodeBasemap(encodeBasemap({ x: fc }), 'x')).toEqual(fc);
  });
});
