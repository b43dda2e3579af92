import { bboxClip } from '@turf/turf';
import type { Feature, Geometry, Position } from 'geojson';
import { MAX_BOUNDS, REGION_BOUNDS, type BBox } from '../geo/region.ts';

/*
 * What the camera frames for a set of features: pure, so it is tested in Node.
 *
 * Russia reaches across the antimeridian: its bbox is the whole world. A feature that crosses
 * it therefore counts only by its part inside the story's region (REGION_BOUNDS); any other by
 * its part inside the reader's pan limits (MAX_BOUNDS), so Oman keeps its south. And a feature
 * that would blow the frame up (Russia beside the Gulf states) counts only by its part nearest
 * the others: "the part the step is about".
 */

function walk(coords: unknown, out: Position[]): void {
  if (!Array.isArray(coords)) return;
  if (typeof coords[0] === 'number') out.push(coords as Position);
  else for (const c of coords) walk(c, out);
}

function positions(g: Geometry): Position[] {
  const out: Position[] = [];
  if (g.type === 'GeometryCollection')
    for (const part of g.geometries) out.push(...positions(part));
  else walk(g.coordinates, out);
  return out;
}

function boxOf(points: Position[]): BBox | null {
  if (!points.length) return null;
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    b[0] = Math.min(b[0], x);
    b[1] = Math.min(b[1], y);
    b[2] = Math.max(b[2], x);
    b[3] = Math.max(b[3], y);
  }
  return b;
}

const inside = (b: BBox, [x, y]: Position) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];

/** The bbox of the parts of a feature inside `clip`, or null when no part is. */
export function clippedBox(f: Feature, clip: BBox): BBox | null {
  const g = f.geometry;
  if (!g) return null;
  if (g.type === 'Point' || g.type === 'MultiPoint' || g.type === 'GeometryCollection')
    return boxOf(positions(g).filter((p) => inside(clip, p)));
  const clipped = bboxClip(f as Feature<typeof g>, clip);
  return boxOf(positions(clipped.geometry));
}

export function union(boxes: BBox[]): BBox | null {
  if (!boxes.length) return null;
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}

const area = (b: BBox) => Math.max(b[2] - b[0], 0.01) * Math.max(b[3] - b[1], 0.01);
const grow = (b: BBox, d: number): BBox => [b[0] - d, b[1] - d, b[2] + d, b[3] + d];
const intersect = (a: BBox, b: BBox): BBox => [
  Math.max(a[0], b[0]),
  Math.max(a[1], b[1]),
  Math.min(a[2], b[2]),
  Math.min(a[3], b[3]),
];

/**
 * A feature that more than doubles the frame of SEVERAL or more others is framed only by its
 * part nearest them.
 */
const LARGE = 2;
const SEVERAL = 3;

/**
 * The part of each feature the frame is made to hold, in the order given: a feature that crosses
 * the antimeridian by its part inside `region`, any other by its part inside `limit`, and a huge
 * one beside several others by its part nearest them. Null for a feature with no part in reach.
 * The framing test checks each of these boxes lies in the map's uncovered area.
 */
export function frameParts(
  features: Feature[],
  region: BBox = REGION_BOUNDS,
  limit: BBox = MAX_BOUNDS,
): (BBox | null)[] {
  const crosses = (f: Feature) => {
    const all = f.geometry ? boxOf(positions(f.geometry)) : null;
    return !!all && all[2] - all[0] > 180;
  };
  const parts = features.map(() => null as BBox | null);
  const items = features
    .map((f, i) => ({
      f,
      i,
      box: (crosses(f) ? clippedBox(f, region) : null) ?? clippedBox(f, limit),
    }))
    .filter((it): it is { f: Feature; i: number; box: BBox } => !!it.box);
  if (!items.length) return parts;
  // Only beside several others is a huge feature the step's context rather than its subject
  // (Russia and Afghanistan: both subjects; Russia and six Gulf monarchies: the Gulf).
  const large = items.filter((it) => {
    if (items.length - 1 < SEVERAL) return false;
    const others = union(items.filter((o) => o !== it).map((o) => o.box));
    if (!others || Math.max(others[2] - others[0], others[3] - others[1]) < 2) return false;
    return area(union([others, it.box])!) > LARGE * area(others);
  });
  // When everything is "large" (two huge countries alone), frame them all as they are.
  const core = large.length === items.length ? items : items.filter((i) => !large.includes(i));
  for (const it of core) parts[it.i] = it.box;
  let frame = union(core.map((i) => i.box))!;
  for (const it of large.length === items.length ? [] : large) {
    // Grow the frame of the others until it reaches the large feature; take the part inside.
    const step = Math.max(frame[2] - frame[0], frame[3] - frame[1], 4) / 4;
    for (let k = 0; k <= 12; k++) {
      const near = clippedBox(it.f, intersect(grow(frame, step * k), limit));
      if (near) {
        parts[it.i] = near;
        frame = union([frame, near])!;
        break;
      }
    }
  }
  return parts;
}

/**
 * The box to frame for these features, within MAX_BOUNDS: every feature has a part in it (the
 * union of frameParts). Null when no feature has a part in MAX_BOUNDS.
 */
export function frameBox(
  features: Feature[],
  region: BBox = REGION_BOUNDS,
  limit: BBox = MAX_BOUNDS,
): BBox | null {
  const frame = union(frameParts(features, region, limit).filter((b): b is BBox => b !== null));
  return frame && intersect(frame, limit);
}
