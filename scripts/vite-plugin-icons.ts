/**
 * The installed app's icons, named by the web app manifest (vite.config.ts): the favicon's drawing
 * (index.html: a ridge of land on water, a dot for a place), in the theme's colours, drawn with
 * pngjs when the site is built. Drawn rather than committed, they follow the theme and cannot go
 * stale beside it; the drawing is a handful of shapes, so no image tool is needed.
 *
 * The maskable icon fills its square, since launchers crop it to their own shape, and keeps the
 * drawing inside the safe zone every shape leaves: the central circle of 40 % of the size.
 */
import { PNG } from 'pngjs';
import type { Plugin } from 'vite';
import { theme, type Hex } from '../src/style/theme.ts';

export interface Icon {
  src: string;
  sizes: string;
  type: 'image/png';
  purpose: 'any' | 'maskable';
}

export const ICONS: Icon[] = [
  { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
];

type RGBA = [number, number, number, number];
type Point = [number, number];

const rgba = (hex: Hex): RGBA => {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
};

// The favicon's drawing, in its 32-unit box.
const RIDGE: Point[] = [
  [5, 22],
  [12, 9],
  [18, 17],
  [22, 12],
  [27, 22],
];
const STROKE_HALF = 1;
const DOT = { x: 19, y: 20, r: 3 };
const WATER = rgba(theme.water);
const LAND = rgba(theme.land);
const OUTLINE = rgba(theme.accent.blue);
const PLACE = rgba(theme.accent.vermillion);
const CORNER = 6;
/** The maskable icon's drawing, scaled about the box's centre into the safe zone. */
const MASKABLE_SCALE = 0.8;

function inside([x, y]: Point, ring: Point[]): boolean {
  let odd = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
  }
  return odd;
}

/** Squared distance from a point to a segment. */
function toSegment2([x, y]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2;
}

function inRoundedSquare([x, y]: Point): boolean {
  if (x < 0 || y < 0 || x > 32 || y > 32) return false;
  const cx = Math.min(Math.max(x, CORNER), 32 - CORNER);
  const cy = Math.min(Math.max(y, CORNER), 32 - CORNER);
  return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER ** 2;
}

/** The colour at a point of the 32-unit box: the topmost of the favicon's shapes there. */
function colourAt(p: Point, maskable: boolean): RGBA | null {
  if (!maskable && !inRoundedSquare(p)) return null;
  if ((p[0] - DOT.x) ** 2 + (p[1] - DOT.y) ** 2 <= DOT.r ** 2) return PLACE;
  if (RIDGE.some((a, i) => toSegment2(p, a, RIDGE[(i + 1) % RIDGE.length]) <= STROKE_HALF ** 2))
    return OUTLINE;
  return inside(p, RIDGE) ? LAND : WATER;
}

/**
 * One icon as PNG bytes. A pixel whose four corners have the same colour is that colour (every
 * shape is many pixels across); a pixel on an edge is the mean of 4×4 samples, so edges are smooth.
 */
export function renderIcon(size: number, maskable: boolean): Buffer {
  const png = new PNG({ width: size, height: size });
  const unit = size / 32;
  const at = (x: number, y: number) => {
    let p: Point = [x / unit, y / unit];
    if (maskable) p = [16 + (p[0] - 16) / MASKABLE_SCALE, 16 + (p[1] - 16) / MASKABLE_SCALE];
    return colourAt(p, maskable);
  };
  const corners = Array.from({ length: size + 1 }, (_, y) =>
    Array.from({ length: size + 1 }, (_, x) => at(x, y)),
  );
  const n = 4;
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      const c = corners[py][px];
      const uniform =
        c === corners[py][px + 1] && c === corners[py + 1][px] && c === corners[py + 1][px + 1];
      const samples = uniform
        ? [c]
        : Array.from({ length: n * n }, (_, s) =>
            at(px + ((s % n) + 0.5) / n, py + (Math.floor(s / n) + 0.5) / n),
          );
      const painted = samples.filter((s): s is RGBA => s !== null);
      const i = (py * size + px) * 4;
      for (let k = 0; k < 3; k++)
        png.data[i + k] = painted.length
          ? Math.round(painted.reduce((sum, s) => sum + s[k], 0) / painted.length)
          : 0;
      png.data[i + 3] = Math.round((255 * painted.length) / samples.length);
    }
  return PNG.sync.write(png);
}

/** Emits ICONS into the build (the hosted one: vite.single.config.ts leaves this plugin out). */
export function appIcons(): Plugin {
  return {
    name: 'app-icons',
    apply: 'build',
    generateBundle() {
      for (const icon of ICONS)
        this.emitFile({
          type: 'asset',
          fileName: icon.src,
          source: renderIcon(parseInt(icon.sizes, 10), icon.purpose === 'maskable'),
        });
    },
  };
}
