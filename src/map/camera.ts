import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap, PaddingOptions } from 'maplibre-gl';
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
  const [w, s, e, n] = bbox(fc);
  map.fitBounds(
    [
      [w, s],
      [e, n],
    ],
    { padding, maxZoom: 7, animate: !prefersReducedMotion(), duration: 900 },
  );
}
