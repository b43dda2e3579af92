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
 * can be seen, and never in less than the middle 40 % of the map's width and height.
 */
export function covered(container: HTMLElement): Padding {
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
    const ways: Padding[] = [
      { ...pad, left: Math.max(pad.left, p.x1 - box.left + GAP) },
      { ...pad, right: Math.max(pad.right, box.right - p.x0 + GAP) },
      { ...pad, top: Math.max(pad.top, p.y1 - box.top + GAP) },
      { ...pad, bottom: Math.max(pad.bottom, box.bottom - p.y0 + GAP) },
    ];
    pad = ways.reduce((best, w) => (room(w, width, height) > room(best, width, height) ? w : best));
  }
  [pad.left, pad.right] = keepMiddle(pad.left, pad.right, width);
  [pad.top, pad.bottom] = keepMiddle(pad.top, pad.bottom, height);
  return pad;
}
