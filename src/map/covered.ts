import type { Map as MapLibreMap } from 'maplibre-gl';
import { MAX_BOUNDS, type BBox } from '../geo/region.ts';

/**
 * What lies over the map and hides what is under it: the legend, the tools, the year shown
 * (the pill at the top) and MapLibre's zoom buttons.
 */
export const OVERLAYS = '.layers, .tools, .asof, .maplibregl-ctrl-top-right';

/** Room kept at every edge, and between an overlay and what is framed beside it. */
const MARGIN = 48;
const GAP = 16;
/** The share of the map's width and of its height a fit always keeps between the paddings. */
const MIDDLE = 0.4;

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}
export type Side = keyof Padding;

const SIDES: readonly Side[] = ['left', 'right', 'top', 'bottom'];

const room = (p: Padding, width: number, height: number) =>
  Math.max(width - p.left - p.right, 0) * Math.max(height - p.top - p.bottom, 0);

/** Scales two paddings down together until they leave `MIDDLE` of `size` between them. */
function keepMiddle(a: number, b: number, size: number): [number, number] {
  const most = size * (1 - MIDDLE);
  if (a + b <= most) return [a, b];
  const k = Math.max(most, 0) / (a + b);
  return [a * k, b * k];
}

/**
 * Padding for a fit: 48 px at each edge, and around every overlay that covers part of the map
 * the side that costs the map the least area: a tall legend on the left pads the left, a short
 * strip along the top (a folded legend) the top, a small corner block (the tools, the zoom
 * buttons) whichever of its two sides is narrower in area. So what is chosen is framed where it
 * can be seen, and never in less than the middle 40 % of the map's width and height. `stuck`:
 * sides where the map cannot move further (see clearOf); an overlay there is kept clear by
 * another side.
 */
export function covered(container: HTMLElement, stuck: readonly Side[] = []): Padding {
  let pad: Padding = { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN };
  const box = container.getBoundingClientRect();
  const { width, height } = box;
  const area = container.closest('.map-area') ?? container.parentElement;
  const parts = [...(area?.querySelectorAll<HTMLElement>(OVERLAYS) ?? [])]
    .map((el) => {
      // Only the part over the map counts; hidden or beside the map, nothing.
      const r = el.getBoundingClientRect();
      const x0 = Math.max(r.left, box.left);
      const x1 = Math.min(r.right, box.right);
      const y0 = Math.max(r.top, box.top);
      const y1 = Math.min(r.bottom, box.bottom);
      return { x0, x1, y0, y1, size: Math.max(x1 - x0, 0) * Math.max(y1 - y0, 0) };
    })
    .filter((p) => p.size > 0)
    // The largest first: a smaller one may then lie in a padding already kept.
    .sort((a, b) => b.size - a.size);
  for (const p of parts) {
    const need: Padding = {
      left: p.x1 - box.left + GAP,
      right: box.right - p.x0 + GAP,
      top: p.y1 - box.top + GAP,
      bottom: box.bottom - p.y0 + GAP,
    };
    const ways = SIDES.filter((s) => !stuck.includes(s)).map((s) => ({
      ...pad,
      [s]: Math.max(pad[s], need[s]),
    }));
    if (!ways.length) continue;
    pad = ways.reduce((best, w) => (room(w, width, height) > room(best, width, height) ? w : best));
  }
  [pad.left, pad.right] = keepMiddle(pad.left, pad.right, width);
  [pad.top, pad.bottom] = keepMiddle(pad.top, pad.bottom, height);
  return pad;
}

/** Where a box lies on a map at `zoom`, in pixels of the whole world (Web Mercator, 512 px tiles). */
function worldPixels(box: BBox, zoom: number) {
  const size = 512 * 2 ** zoom;
  const x = (lng: number) => ((lng + 180) / 360) * size;
  const y = (lat: number) =>
    (0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI)) * size;
  return { left: x(box[0]), right: x(box[2]), top: y(box[3]), bottom: y(box[1]) };
}

/**
 * The sides on which, fitted at `zoom`, the reader's pan limits stop the map short of the padding
 * by more than the gap kept beside an overlay: MapLibre keeps the view within the limits, so the
 * frame would slide under an overlay there (China's east is at the limit, under the tools).
 */
export function atLimits(box: BBox, zoom: number, pad: Padding, limit = MAX_BOUNDS): Side[] {
  const b = worldPixels(box, zoom);
  const l = worldPixels(limit, zoom);
  const gap: Padding = {
    left: b.left - l.left,
    right: l.right - b.right,
    top: b.top - l.top,
    bottom: l.bottom - b.bottom,
  };
  return SIDES.filter((s) => gap[s] < pad[s] - GAP);
}

/**
 * The least zoom at which a map of this size stays within the pan limits: MapLibre zooms in to
 * keep it so, whatever a fit asks for.
 */
export function leastZoom(width: number, height: number, limit = MAX_BOUNDS): number {
  const l = worldPixels(limit, 0);
  return Math.log2(Math.max(width / (l.right - l.left), height / (l.bottom - l.top)));
}

/**
 * Padding for fitting `box`: clear of the overlays (covered), and where the frame would meet the
 * pan limits on an overlay's side, clear of that overlay by another side.
 */
export function clearOf(map: MapLibreMap, box: BBox, maxZoom: number): Padding {
  const container = map.getContainer();
  const bounds: [[number, number], [number, number]] = [
    [box[0], box[1]],
    [box[2], box[3]],
  ];
  const least = Math.max(
    leastZoom(container.clientWidth, container.clientHeight),
    map.getMinZoom(),
  );
  let pad = covered(container);
  let stuck: Side[] = [];
  // Padding another side zooms out, which brings the limits nearer: look again, twice at most.
  for (let i = 0; i < 3; i++) {
    const zoom = map.cameraForBounds(bounds, { padding: pad, maxZoom })?.zoom;
    const more = zoom === undefined ? [] : atLimits(box, Math.max(zoom, least), pad);
    if (more.every((s) => stuck.includes(s))) break;
    stuck = [...new Set([...stuck, ...more])];
    pad = covered(container, stuck);
  }
  return pad;
}
