import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap, PaddingOptions } from 'maplibre-gl';
import { MAX_BOUNDS } from '../geo/region.ts';
import type { StoryFeature } from '../geo/types.ts';

export const prefersReducedMotion = (): boolean =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Fits the map to features (turf bbox), jumping instead of flying under reduced motion. */
export function fitFeatures(
  map: MapLibreMap,
  features: StoryFeature[],
  padding: number | PaddingOptions = 48,
): void {
  if (!features.length) return;
  const fc: FeatureCollection = { type: 'FeatureCollection', features };
  // Whole Russia reaches the antimeridian; framing all of it would show the
  // world. Only the part a reader can pan to counts.
  const [bw, bs, be, bn] = bbox(fc);
  const [w, s, e, n] = [
    Math.max(bw, MAX_BOUNDS[0]),
    Math.max(bs, MAX_BOUNDS[1]),
    Math.min(be, MAX_BOUNDS[2]),
    Math.min(bn, MAX_BOUNDS[3]),
  ];
  map.fitBounds(
    [
      [w, s],
      [e, n],
    ],
    { padding, maxZoom: 7, animate: !prefersReducedMotion(), duration: 900 },
  );
}
