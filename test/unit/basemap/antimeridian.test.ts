import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { cutLines, cutPolygonal } from '../../../scripts/basemap/antimeridian.ts';

const maxJump = (coords: number[][]) =>
  Math.max(0, ...coords.slice(1).map((p, i) => Math.abs(p[0] - coords[i][0])));

describe('cutPolygonal', () => {
  it('leaves polygons that do not cross ±180° alone', () => {
    const p: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [10, 10],
          [20, 10],
          [20, 20],
          [10, 10],
        ],
      ],
    };
    expect(cutPolygonal(p)).toBe(p);
  });

  it('cuts a polygon stitched across the antimeridian into an east and a west part', () => {
    // As world-atlas has Chukotka: from 179.8° E straight on to -180°, and back.
    const p: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [170, 60],
          [179.8, 60],
          [-180, 60.1],
          [-170, 62],
          [-180, 65],
          [179.8, 65],
          [170, 65],
          [170, 60],
        ],
      ],
    };
    const cut = cutPolygonal(p) as MultiPolygon;
    expect(cut.type).toBe('MultiPolygon');
    expect(cut.coordinates).toHaveLength(2);
    for (const rings of cut.coordinates) {
      expect(maxJump(rings[0])).toBeLessThan(180);
      const xs = rings[0].map((q) => q[0]);
      expect(Math.min(...xs) >= 0 || Math.max(...xs) <= 0).toBe(true);
    }
  });

  it('leaves a ring round a pole as it is rather than throwing', () => {
    const polar: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [-180, -85],
          [0, -85],
          [179, -85],
          [-180, -85],
        ],
      ],
    };
    expect(() => cutPolygonal(polar)).not.toThrow();
  });
});

describe('cutLines', () => {
  it('splits a line at the crossing, with the crossing point on both sides', () => {
    const out = cutLines({
      type: 'MultiLineString',
      coordinates: [
        [
          [170, 0],
          [-170, 10],
        ],
      ],
    });
    expect(out.coordinates).toEqual([
      [
        [170, 0],
        [180, 5],
      ],
      [
        [-180, 5],
        [-170, 10],
      ],
    ]);
  });
});
