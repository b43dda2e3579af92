import type { Map as MapLibreMap } from 'maplibre-gl';
import type { BBox } from '../geo/region.ts';

export const prefersReducedMotion = (): boolean =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * The presentation's zoom range: below `min` the region is a speck, above `max` (or `frame` for
 * a step's own view) a step about a city is a blank plain with two dots.
 */
export const PRESENT_ZOOM = { min: 2, max: 6, frame: 4.5 };

/** How the camera frames: room kept clear at each edge (an overlay's height) and a zoom cap. */
export interface Framing {
  padding: { top: number; right: number; bottom: number; left: number };
  maxZoom: number;
}

/**
 * Fits the map to a frame (frameBox: each feature by its part in the story's region, so Russia
 * does not frame the whole world), jumping instead of flying under reduced motion.
 */
export function fitBox(
  map: MapLibreMap,
  box: BBox,
  framing: Framing = {
    padding: { top: 48, right: 48, bottom: 48, left: 48 },
    maxZoom: 7,
  },
): void {
  const c = map.getContainer();
  const { top, right, bottom, left } = framing.padding;
  // A padding larger than the map leaves no room: MapLibre would refuse to fit.
  const room = Math.min(c.clientWidth - left - right, c.clientHeight - top - bottom);
  if (room < 40) return;
  map.fitBounds(
    [
      [box[0], box[1]],
      [box[2], box[3]],
    ],
    {
      padding: framing.padding,
      maxZoom: framing.maxZoom,
      animate: !prefersReducedMotion(),
      duration: 900,
    },
  );
}
