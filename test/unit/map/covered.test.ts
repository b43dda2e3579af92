// @vitest-environment jsdom
// jsdom lays nothing out: each element's box is given, as the browser would measure it.
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_BOUNDS } from '../../../src/geo/region.ts';
import { atLimits, covered, leastZoom } from '../../../src/map/covered.ts';

type Box = { left: number; top: number; width: number; height: number };

/** The map area as the app builds it: the map, MapLibre's controls in it, panels over it. */
function mapArea(map: Box, overlays: Record<string, Box | null>): HTMLElement {
  document.body.innerHTML = `
    <div class="map-area">
      <div class="map-wrap"><div class="map"><div class="maplibregl-ctrl-top-right"></div></div></div>
      <section class="layers"></section>
      <div class="asof"></div>
      <div class="tools"></div>
    </div>`;
  const measure = (el: Element, b: Box | null) => {
    const r = b ?? { left: 0, top: 0, width: 0, height: 0 };
    el.getBoundingClientRect = () =>
      ({
        ...r,
        x: r.left,
        y: r.top,
        right: r.left + r.width,
        bottom: r.top + r.height,
        toJSON: () => r,
      }) as DOMRect;
  };
  const container = document.querySelector<HTMLElement>('.map')!;
  measure(container, map);
  for (const sel of ['.layers', '.asof', '.tools', '.maplibregl-ctrl-top-right'])
    measure(document.querySelector(sel)!, overlays[sel] ?? null);
  return container;
}

afterEach(() => {
  document.body.innerHTML = '';
});

/** The 1440×900 laptop: the map is 960×852 under a 48 px header, the panel to its right. */
const LAPTOP = { left: 0, top: 48, width: 960, height: 852 };
/** The tools column (Share, PNG, Print, Projector) at the top right, under the zoom buttons. */
const TOOLS = { left: 960 - 10 - 130, top: 48 + 84, width: 130, height: 120 };
const ZOOM = { left: 960 - 10 - 29, top: 48 + 10, width: 29, height: 58 };

describe('covered', () => {
  it('keeps 48 px at each edge when nothing lies over the map', () => {
    expect(covered(mapArea(LAPTOP, {}))).toEqual({ top: 48, right: 48, bottom: 48, left: 48 });
  });

  it('pads the left beside the open legend, a tall panel on the left', () => {
    const legend = { left: 8, top: 56, width: 256, height: 700 };
    const pad = covered(mapArea(LAPTOP, { '.layers': legend }));
    expect(pad.left).toBe(8 + 256 + 16);
    expect(pad).toMatchObject({ top: 48, right: 48, bottom: 48 });
  });

  it('pads the top under the folded legend, a short strip along the top', () => {
    const strip = { left: 8, top: 56, width: 150, height: 28 };
    const pad = covered(mapArea(LAPTOP, { '.layers': strip }));
    expect(pad.top).toBe(8 + 28 + 16);
    expect(pad).toMatchObject({ left: 48, right: 48, bottom: 48 });
  });

  it('pads the right beside the tools column and the zoom buttons, the cheaper side', () => {
    const pad = covered(mapArea(LAPTOP, { '.tools': TOOLS, '.maplibregl-ctrl-top-right': ZOOM }));
    // Right: 156 px of the height; top: 220 px of the width, which would cost more.
    expect(pad.right).toBe(10 + 130 + 16);
    expect(pad).toMatchObject({ top: 48, bottom: 48, left: 48 });
  });

  it('pads the top under a wide, short corner block (the phone\u2019s Tools button)', () => {
    const phone = { left: 0, top: 44, width: 390, height: 680 };
    const button = { left: 390 - 52 - 60, top: 44 + 10, width: 60, height: 28 };
    const pad = covered(mapArea(phone, { '.tools': button }));
    expect(pad.top).toBe(10 + 28 + 16);
    expect(pad.right).toBe(48);
  });

  it('frames beside all of them at once: legend left, tools right, the year on top', () => {
    const legend = { left: 8, top: 56, width: 256, height: 700 };
    const year = { left: 380, top: 56, width: 200, height: 30 };
    const pad = covered(
      mapArea(LAPTOP, {
        '.layers': legend,
        '.tools': TOOLS,
        '.maplibregl-ctrl-top-right': ZOOM,
        '.asof': year,
      }),
    );
    expect(pad).toEqual({ top: 8 + 30 + 16, right: 156, bottom: 48, left: 280 });
  });

  it('ignores what is hidden or lies beside the map', () => {
    const beside = { left: 1000, top: 100, width: 300, height: 600 };
    const pad = covered(mapArea(LAPTOP, { '.layers': null, '.tools': beside }));
    expect(pad).toEqual({ top: 48, right: 48, bottom: 48, left: 48 });
  });

  it('never leaves less than the middle 40 % of the map', () => {
    const small = { left: 0, top: 0, width: 400, height: 300 };
    const legend = { left: 8, top: 8, width: 300, height: 280 };
    const pad = covered(mapArea(small, { '.layers': legend, '.tools': { ...TOOLS, left: 300 } }));
    expect(400 - pad.left - pad.right).toBeCloseTo(400 * 0.4);
    expect(pad.left).toBeGreaterThan(pad.right);
    expect(300 - pad.top - pad.bottom).toBeGreaterThanOrEqual(300 * 0.4 - 1e-9);
  });

  it('keeps an overlay clear by another side where the map cannot move (the pan limits)', () => {
    const pad = covered(mapArea(LAPTOP, { '.tools': TOOLS, '.maplibregl-ctrl-top-right': ZOOM }), [
      'right',
    ]);
    expect(pad.right).toBe(48);
    expect(pad.top).toBe(84 + 120 + 16);
  });
});

describe('atLimits', () => {
  const pad = { top: 48, right: 156, bottom: 48, left: 280 };
  it('finds a frame at the east limit (China) stuck on the right', () => {
    expect(atLimits([73.5, 18.2, MAX_BOUNDS[2], 53.5], 3, pad)).toEqual(['right']);
  });
  it('finds one a little short of it stuck when the padding is wider than the gap', () => {
    // 1° of longitude is 512 × 2^4 / 360 ≈ 23 px at zoom 4: 5° is 114 px, less than 156.
    expect(atLimits([90, 30, MAX_BOUNDS[2] - 5, 45], 4, pad)).toEqual(['right']);
    expect(atLimits([90, 30, MAX_BOUNDS[2] - 8, 45], 4, pad)).toEqual([]);
  });
  it('finds nothing for a frame well inside the limits', () => {
    expect(atLimits([60, 29, 75, 39], 4, pad)).toEqual([]);
  });
  it('measures latitude in Mercator: the north and south limits too', () => {
    expect(atLimits([30, MAX_BOUNDS[1] + 0.5, 40, MAX_BOUNDS[3] - 0.5], 3, pad)).toEqual([
      'top',
      'bottom',
    ]);
  });

  it('measures at the zoom the map will have: never less than the pan limits allow', () => {
    // 125° of longitude across 960 px: 2^z = 960 / (512 × 125 / 360).
    expect(leastZoom(960, 835)).toBeCloseTo(Math.log2(960 / ((512 * 125) / 360)), 6);
    // A tall phone's map is held by the limits' latitudes (−12° to 78°) instead.
    expect(leastZoom(390, 682)).toBeGreaterThan(leastZoom(390, 100));
    // The frame of a passage naming Russia, China and Central Asia, on the laptop beside the
    // legend: 37° from the west limit is 287 px at the least zoom, room enough for the legend.
    const frame: [number, number, number, number] = [27.35, 18.2, 115, 58];
    expect(atLimits(frame, leastZoom(960, 835), { ...pad, right: 48 })).toEqual(['right']);
  });
});
