/**
 * Geometry rules beyond structure: position size, range and precision, enough positions, closed
 * rings, RFC 7946 winding and rings that do not cross themselves. Input is unchecked: every level
 * is tested before use, and nesting is followed only as deep as the geometry type allows.
 */
import { kinks } from '@turf/turf';
import type { MultiLineString, Position } from 'geojson';
import { isRecord, plural, type Issue } from './diagnostic.ts';
import { childPointer } from './pointer.ts';

/** 6 decimals of a degree is about 0.1 m: more is noise from a tool, and bloats the files. */
export const MAX_DECIMALS = 6;

/** How many array levels above a position each type has. */
export const POSITION_DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

const MAX_COLLECTION_NESTING = 8;

interface At<T> {
  value: T;
  pointer: string;
}

export function geometryIssues(geometry: unknown, pointer: string): Issue[] {
  const positions = collectPositions(geometry, pointer, 0);
  const sizes = positions.flatMap(positionSize);
  return [
    ...summarise(sizes.filter((i) => i.severity === 'error')),
    ...summarise(sizes.filter((i) => i.severity === 'warning')),
    ...summarise(positions.flatMap(finite)),
    ...summarise(positions.flatMap(range)),
    ...summarise(positions.flatMap(precision)),
    ...shapeIssues(geometry, pointer, 0),
  ];
}

function collectPositions(geometry: unknown, pointer: string, nesting: number): At<unknown[]>[] {
  if (!isRecord(geometry)) return [];
  if (geometry.type === 'GeometryCollection') {
    return members(geometry, pointer, nesting).flatMap((g) =>
      collectPositions(g.value, g.pointer, nesting + 1),
    );
  }
  const depth = POSITION_DEPTH[String(geometry.type)];
  if (depth === undefined) return [];
  return arraysAtDepth(geometry.coordinates, childPointer(pointer, 'coordinates'), depth);
}

function members(geometry: Record<string, unknown>, pointer: string, nesting: number) {
  const list = geometry.geometries;
  if (!Array.isArray(list) || nesting >= MAX_COLLECTION_NESTING) return [];
  return list.map((value: unknown, i) => ({
    value,
    pointer: childPointer(pointer, 'geometries', i),
  }));
}

/** The arrays found exactly `depth` levels down; anything else there is a structure error. */
function arraysAtDepth(value: unknown, pointer: string, depth: number): At<unknown[]>[] {
  if (!Array.isArray(value)) return [];
  if (depth === 0) return [{ value, pointer }];
  return value.flatMap((child: unknown, i) =>
    arraysAtDepth(child, childPointer(pointer, i), depth - 1),
  );
}

/**
 * RFC 7946 §3.1.1: a position has two or more numbers, and implementations SHOULD NOT extend it
 * beyond three. Fewer than two is an error; more than three a warning.
 */
function positionSize({ value, pointer }: At<unknown[]>): Issue[] {
  if (value.length >= 2 && value.length <= 3) return [];
  const extended = value.length > 3;
  return [
    {
      code: 'position-size',
      pointer,
      severity: extended ? 'warning' : 'error',
      message: `expected a position of 2 or 3 numbers (longitude, latitude, optional altitude), found ${plural(value.length, 'value')}${extended ? ' (RFC 7946 §3.1.1: readers may ignore the rest)' : ''}`,
    },
  ];
}

/** A number too large for a double (1e400) reads as Infinity: no reader can place it. */
function finite({ value, pointer }: At<unknown[]>): Issue[] {
  const i = value.findIndex((n) => typeof n === 'number' && !Number.isFinite(n));
  if (i < 0) return [];
  return [
    {
      code: 'out-of-range',
      pointer: childPointer(pointer, i),
      message: 'expected a finite number, found one too large to read (it becomes Infinity)',
    },
  ];
}

function range({ value, pointer }: At<unknown[]>): Issue[] {
  const [lon, lat] = value;
  if (typeof lon !== 'number' || typeof lat !== 'number') return [];
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return [];
  if (lon < -180 || lon > 180) {
    return [outOfRange(childPointer(pointer, 0), `a longitude from -180 to 180, found ${lon}`)];
  }
  if (lat < -90 || lat > 90) {
    const swapped = Math.abs(lon) <= 90 && Math.abs(lat) <= 180;
    const hint = swapped ? ' (GeoJSON puts longitude first: are the two swapped?)' : '';
    return [outOfRange(childPointer(pointer, 1), `a latitude from -90 to 90, found ${lat}${hint}`)];
  }
  return [];
}

const outOfRange = (pointer: string, expected: string): Issue => ({
  code: 'out-of-range',
  pointer,
  message: `expected ${expected}`,
});

function precision({ value, pointer }: At<unknown[]>): Issue[] {
  const i = value.findIndex((n) => typeof n === 'number' && overPrecise(n));
  if (i < 0) return [];
  const n = value[i] as number;
  return [
    {
      code: 'over-precise',
      pointer: childPointer(pointer, i),
      message: `expected at most ${MAX_DECIMALS} decimal places (about 0.1 m), found ${n} (${decimals(n)} places)`,
    },
  ];
}

/** Decimal places of the shortest text that gives the number back, as JSON.stringify writes it. */
export function decimals(n: number): number {
  const match = /^-?\d+(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(n));
  if (!match) return 0;
  return Math.max(0, (match[1]?.length ?? 0) - Number(match[2] ?? 0));
}

const SCALE = 10 ** MAX_DECIMALS;

/**
 * Division is correctly rounded, so the round trip gives n back whenever it has few enough
 * places: the usual case, settled without building a string. (Huge numbers fail the round trip
 * by overflow, hence the second test.)
 */
export function overPrecise(n: number): boolean {
  return Math.round(n * SCALE) / SCALE !== n && decimals(n) > MAX_DECIMALS;
}

/** One diagnostic per class and geometry: a traced line can have hundreds of the same fault. */
function summarise(issues: Issue[]): Issue[] {
  if (issues.length <= 1) return issues;
  const [first] = issues;
  const more = plural(issues.length - 1, 'more position');
  return [{ ...first, message: `${first.message}; ${more} like it in this geometry` }];
}

function shapeIssues(geometry: unknown, pointer: string, nesting: number): Issue[] {
  if (!isRecord(geometry)) return [];
  const coordinates = childPointer(pointer, 'coordinates');
  const list = (value: unknown) => (Array.isArray(value) ? (value as unknown[]) : []);
  switch (geometry.type) {
    case 'GeometryCollection':
      return members(geometry, pointer, nesting).flatMap((g) =>
        shapeIssues(g.value, g.pointer, nesting + 1),
      );
    case 'LineString':
      return lineIssues(geometry.coordinates, coordinates);
    case 'MultiLineString':
      return list(geometry.coordinates).flatMap((l, i) =>
        lineIssues(l, childPointer(coordinates, i)),
      );
    case 'Polygon':
      return polygonIssues(geometry.coordinates, coordinates);
    case 'MultiPolygon':
      return list(geometry.coordinates).flatMap((p, i) =>
        polygonIssues(p, childPointer(coordinates, i)),
      );
    default:
      return [];
  }
}

function lineIssues(line: unknown, pointer: string): Issue[] {
  if (!Array.isArray(line) || line.length >= 2) return [];
  return [tooFew(pointer, `a line of at least 2 positions, found ${line.length}`)];
}

const tooFew = (pointer: string, expected: string): Issue => ({
  code: 'too-few-positions',
  pointer,
  message: `expected ${expected}`,
});

function polygonIssues(rings: unknown, pointer: string): Issue[] {
  if (!Array.isArray(rings)) return [];
  return rings.flatMap((ring: unknown, i) =>
    ringIssues(ring, childPointer(pointer, i), i === 0 ? 'exterior' : 'hole'),
  );
}

type Role = 'exterior' | 'hole';

function ringIssues(ring: unknown, pointer: string, role: Role): Issue[] {
  if (!Array.isArray(ring)) return [];
  if (!ring.every(isPosition)) return [];
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length >= 2 && !samePosition(first, last)) {
    return [unclosed(pointer, ring.length - 1, first, last)];
  }
  if (ring.length < 4) {
    return [
      tooFew(
        pointer,
        `a ring of at least 4 positions (the last repeating the first), found ${ring.length}`,
      ),
    ];
  }
  return [...winding(ring, pointer, role), ...crossings(ring, pointer)];
}

export function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

export function inRange([lon, lat]: Position): boolean {
  return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
}

function samePosition(a: Position, b: Position): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

export const showPosition = (p: Position): string => `[${p.join(', ')}]`;

function unclosed(pointer: string, lastIndex: number, first: Position, last: Position): Issue {
  return {
    code: 'unclosed-ring',
    pointer: childPointer(pointer, lastIndex),
    message: `expected the ring to end where it starts, at ${showPosition(first)}, found it ending at ${showPosition(last)}: repeat the first position at the end`,
  };
}

/** Twice the signed area (shoelace, in degrees): positive when the ring runs counterclockwise. */
export function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return sum;
}

function winding(ring: Position[], pointer: string, role: Role): Issue[] {
  const area = signedArea(ring);
  const wrong = role === 'exterior' ? area < 0 : area > 0;
  if (!wrong) return [];
  const [want, got] =
    role === 'exterior' ? ['counterclockwise', 'clockwise'] : ['clockwise', 'counterclockwise'];
  const what = role === 'exterior' ? 'an exterior ring' : 'a hole';
  return [
    {
      code: 'wrong-winding',
      pointer,
      message: `expected ${what} to run ${want} (RFC 7946 §3.1.6), found it ${got}: reverse the order of its positions`,
    },
  ];
}

function crossings(ring: Position[], pointer: string): Issue[] {
  // turf counts a repeated position as the two segments around it touching; that is no crossing.
  const simple = ring.filter((p, i) => i === 0 || !samePosition(p, ring[i - 1]));
  if (simple.length < 4) return [];
  const points = candidatePairs(simple).flatMap(([i, k]) => {
    const pair: MultiLineString = {
      type: 'MultiLineString',
      coordinates: [simple.slice(i, i + 2), simple.slice(k, k + 2)],
    };
    return kinks(pair).features.slice(0, 1);
  });
  if (!points.length) return [];
  const where = points[0].geometry.coordinates.map((n) => Math.round(n * 1e6) / 1e6);
  const more = points.length > 1 ? ` (${plural(points.length, 'crossing')} in all)` : '';
  return [
    {
      code: 'self-intersection',
      pointer,
      message: `expected a ring that does not cross itself, found it crossing at ${showPosition(where)}${more}`,
    },
  ];
}

/**
 * turf's kinks tests every pair of segments: 1.4 million pairs for one traced border of 1,700
 * positions, most of the validator's time. Only segments whose boxes overlap can cross, so a
 * sweep along x finds those pairs and kinks judges each. Pairs come in kinks' own order (first
 * segment, then second) and skip the neighbours it skips, so the result is the same.
 */
export function candidatePairs(ring: readonly Position[]): [number, number][] {
  const last = ring.length - 2;
  const box = (i: number) => {
    const [[x1, y1], [x2, y2]] = [ring[i], ring[i + 1]];
    return {
      i,
      minX: Math.min(x1, x2),
      maxX: Math.max(x1, x2),
      minY: Math.min(y1, y2),
      maxY: Math.max(y1, y2),
    };
  };
  const boxes = Array.from({ length: last + 1 }, (_, i) => box(i)).sort((a, b) => a.minX - b.minX);
  const pairs: [number, number][] = [];
  let active: ReturnType<typeof box>[] = [];
  for (const b of boxes) {
    active = active.filter((a) => a.maxX >= b.minX);
    for (const a of active) {
      const [i, k] = a.i < b.i ? [a.i, b.i] : [b.i, a.i];
      const neighbours = k - i === 1 || (i === 0 && k === last);
      if (!neighbours && a.minY <= b.maxY && b.minY <= a.maxY) pairs.push([i, k]);
    }
    active.push(b);
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}
