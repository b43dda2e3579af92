import { describe, expect, it } from 'vitest';
import { roundLines, roundPolygonal } from '../../../scripts/basemap/round-geometry.ts';

describe('roundPolygonal', () => {
  it('drops the repeated points rounding creates', () => {
    const g = roundPolygonal(
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1.0001, 0],
            [1.0002, 0.0001],
            [1, 1],
            [0, 1],
            [0, 0],
          ],
        ],
      },
      2,
    );
    expect(g).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    });
  });
  it('drops holes and polygons that collapse, and returns null when nothing is left', () => {
    const tiny = [
      [10, 10],
      [10.001, 10],
      [10.001, 10.001],
      [10, 10],
    ];
    const big = [
      [0, 0],
      [5, 0],
      [5, 5],
      [0, 0],
    ];
    const mp = roundPolygonal({ type: 'MultiPolygon', coordinates: [[big, tiny], [tiny]] }, 1);
    expect(mp).toEqual({ type: 'Polygon', coordinates: [big] });
    expect(roundPolygonal({ type: 'Polygon', coordinates: [tiny] }, 1)).toBeNull();
  });
});

describe('roundLines', () => {
  it('keeps lines of two or more distinct points only', () => {
    expect(
      roundLines(
        {
          type: 'MultiLineString',
          coordinates: [
            [
              [0, 0],
              [0.001, 0],
            ],
            [
              [0, 0],
              [1, 1],
            ],
          ],
        },
        1,
      ).coordinates,
    ).toEqual([
      [
        [0, 0],
        [1, 1],
      ],
    ]);
  });
});
