/**
 * The geographic frame of the story. Shared by the basemap script (which decides
 * what data to ship) and the map (which decides what a reader can see), so the
 * two can never disagree.
 */

/** [west, south, east, north] in degrees, as GeoJSON bboxes are written. */
export type BBox = [number, number, number, number];

/**
 * The region the article is about: from Istanbul and Belarus in the west to
 * western China in the east, from the Arabian Sea to north of Kazan. The map
 * fits this on load.
 */
export const REGION_BOUNDS: BBox = [23, 20, 82, 58];

/**
 * How far a reader may pan. Large enough that fitting REGION_BOUNDS on a
 * 360×640 phone (which shows far more latitude than longitude) is never
 * clamped, small enough that nobody pans off to the Americas.
 */
export const MAX_BOUNDS: BBox = [-10, -12, 115, 78];

/** Below ~1.5 the whole of MAX_BOUNDS fits a phone; closer than 10 the 1:50m data looks coarse. */
export const MIN_ZOOM = 1;
export const MAX_ZOOM = 10;

/** The basemap keeps full 1:50m detail inside this frame and simplifies outside it. */
export const DETAIL_BOUNDS: BBox = [20, 15, 88, 62];

export function bboxContains(b: BBox, [x, y]: readonly number[]): boolean {
  return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
}

export function bboxIntersects(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}
