import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { MAX_BOUNDS, REGION_BOUNDS, type BBox } from '../../../src/geo/region.ts';
import { clippedBox, frameBox, frameParts, union } from '../../../src/map/frame.ts';

/** Story features by id, from geo/ (countries there are full outlines). */
const byId = new Map<string, Feature>();
for (const file of ['places', 'csto', 'afghanistan'] as const) {
  const fc = JSON.parse(
    readFileSync(new URL(`../../../geo/${file}.geojson`, import.meta.url), 'utf8'),
  ) as FeatureCollection;
  for (const f of fc.features) byId.set(String(f.properties!.id), f);
}
const features = (...ids: string[]) => ids.map((id) => byId.get(id)!);
const within = (inner: BBox, outer: BBox) =>
  inner[0] >= outer[0] - 1e-9 &&
  inner[1] >= outer[1] - 1e-9 &&
  inner[2] <= outer[2] + 1e-9 &&
  inner[3] <= outer[3] + 1e-9;
const meets = (a: BBox, b: BBox) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

describe('frameBox', () => {
  it('frames Russia, which crosses the antimeridian, by its part in the story region', () => {
    const box = frameBox(features('russia'))!;
    expect(within(box, REGION_BOUNDS)).toBe(true);
    expect(box[2] - box[0]).toBeGreaterThan(40);
  });

  it('frames the Gulf monarchies with the part of Russia nearest them, not all of Russia', () => {
    const gulf = ['saudi-arabia', 'united-arab-emirates', 'qatar', 'bahrain', 'kuwait', 'oman'];
    const box = frameBox(features(...gulf, 'russia'))!;
    for (const f of features(...gulf)) expect(within(clippedBox(f, MAX_BOUNDS)!, box)).toBe(true);
    // Russia has a part in the frame, and the frame stays south of Moscow.
    expect(clippedBox(byId.get('russia')!, box)).not.toBeNull();
    expect(box[3]).toBeLessThan(50);
    // Oman keeps its south, below the region's edge.
    expect(box[1]).toBeLessThan(REGION_BOUNDS[1]);
  });

  it('frames all of Russia in the region when the step is about Russia and Afghanistan', () => {
    const box = frameBox(features('russia', 'afghanistan'))!;
    expect(box[3]).toBeGreaterThan(55.8); // Moscow is in
    expect(box[1]).toBeLessThan(30); // and all of Afghanistan
    expect(within(box, MAX_BOUNDS)).toBe(true);
  });

  it('frames the CSTO members from Belarus to Kyrgyzstan, Russia among them', () => {
    const box = frameBox(
      features('csto-rus', 'csto-arm', 'csto-blr', 'csto-kaz', 'csto-kgz', 'csto-tjk'),
    )!;
    for (const id of ['csto-arm', 'csto-blr', 'csto-kaz', 'csto-kgz', 'csto-tjk'])
      expect(within(clippedBox(byId.get(id)!, MAX_BOUNDS)!, box), id).toBe(true);
    expect(box[2]).toBeLessThan(90);
  });

  it('frames points, and nothing when nothing lies within reach', () => {
    const box = frameBox(features('moscow', 'kabul'))!;
    expect(box[0]).toBeCloseTo(37.6, 0);
    expect(box[3]).toBeCloseTo(55.8, 0);
    const far: Feature = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: [-100, 40] },
    };
    expect(frameBox([far])).toBeNull();
    expect(meets(frameBox(features('moscow'))!, REGION_BOUNDS)).toBe(true);
  });

  it('gives each feature the part the frame holds, whose union is the frame', () => {
    const gulf = ['saudi-arabia', 'united-arab-emirates', 'qatar', 'bahrain', 'kuwait', 'oman'];
    const ids = [...gulf, 'russia'];
    const parts = frameParts(features(...ids));
    expect(union(parts as BBox[])).toEqual(frameBox(features(...ids)));
    // Russia by its part nearest the Gulf (the Caucasus), not by its part in the whole region.
    const russia = parts[ids.indexOf('russia')]!;
    expect(russia[3]).toBeLessThan(50);
    expect(russia[1]).toBeGreaterThan(40);
    // A feature out of reach has no part.
    const far: Feature = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: [-100, 40] },
    };
    expect(frameParts([far, ...features('moscow')])[0]).toBeNull();
  });
});
