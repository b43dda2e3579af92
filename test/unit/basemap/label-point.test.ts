import { booleanPointInPolygon } from '@turf/turf';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaKm2, labelPoint } from '../../../scripts/basemap/label-point.ts';

const square = (x: number, y: number, s: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ],
  ],
});

describe('labelPoint', () => {
  it('puts a square’s label at its centre', () => {
    const p = labelPoint(square(10, 10, 2), [0, 0, 90, 80]);
    expect(p?.[0]).toBeCloseTo(11, 1);
    expect(p?.[1]).toBeCloseTo(11, 1);
  });

  it('labels the part of the country inside the frame', () => {
    // A strip from 0° to 100° E, framed to 0–20° E: the label belongs near 10° E.
    const strip: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 40],
          [100, 40],
          [100, 42],
          [0, 42],
          [0, 40],
        ],
      ],
    };
    const p = labelPoint(strip, [0, 0, 20, 80]);
    expect(p?.[0]).toBeCloseTo(10, 0);
  });

  it('chooses the largest part and keeps the point inside a U-shaped country', () => {
    const u: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [8, 10],
          [8, 2],
          [2, 2],
          [2, 10],
          [0, 10],
          [0, 0],
        ],
      ],
    };
    const p = labelPoint(
      { type: 'MultiPolygon', coordinates: [u.coordinates, square(30, 30, 0.5).coordinates] },
      [-10, -10, 50, 50],
    );
    expect(p).not.toBeNull();
    expect(booleanPointInPolygon(p as number[], u)).toBe(true);
  });

  it('is null for a country wholly outside the frame', () => {
    expect(labelPoint(square(100, 10, 1), [0, 0, 50, 50])).toBeNull();
  });
});

describe('areaKm2', () => {
  it('measures a 1°×1° square at the equator as about 12,300 km²', () => {
    expect(areaKm2(square(0, 0, 1))).toBeGreaterThan(12_200);
    expect(areaKm2(square(0, 0, 1))).toBeLessThan(12_400);
  });
});
