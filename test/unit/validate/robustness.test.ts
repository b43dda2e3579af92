/**
 * The validator will see whatever a contributor saves or a reader opens. Hundreds of generated
 * inputs (garbage text, mutated layers, odd JSON values) must each give back an array of
 * well-formed diagnostics, never an exception. Seeded, so a failure reproduces.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  layerContext,
  validateLayer,
  validateProject,
  type Diagnostic,
  type ProjectFile,
} from '../../../src/validate/index.ts';

const VALID = new URL('../../fixtures/validate/valid/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, VALID), 'utf8');
const ARTICLE = read('story/article.json');
const COUNTRIES = read('geo/basemap/countries.geojson');
const PLACES = read('geo/places.geojson');
const ROUTES = read('geo/routes.geojson');

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];

const KEYS = [
  'type',
  'features',
  'geometry',
  'properties',
  'coordinates',
  'geometries',
  'bbox',
  'id',
  'name',
  'title',
  'kind',
  'passages',
  'from',
  'to',
  'iso_a3',
  'start',
  'summary',
  'sources',
  '__proto__',
  'constructor',
  '',
  'passages ',
];
const STRINGS = [
  'FeatureCollection',
  'Feature',
  'Point',
  'LineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
  'route-segment',
  'country',
  'p01',
  'kabul',
  'AFG',
  'XXX',
  '2024-13-01',
  '',
  '\u0000',
  '<b>',
  'é'.repeat(3),
  'x'.repeat(300),
];
const NUMBERS = [0, -0, 1, -1, 181, -91, 1e308, -1e308, 5e-324, 69.1234567891, 2 ** 53, 0.1];

function randomValue(rng: Rng, depth: number): unknown {
  const roll = rng();
  if (depth <= 0 || roll < 0.35) return pick(rng, [null, true, false, ...NUMBERS, ...STRINGS]);
  if (roll < 0.65) {
    return Array.from({ length: Math.floor(rng() * 5) }, () => randomValue(rng, depth - 1));
  }
  const object: Record<string, unknown> = {};
  for (let i = Math.floor(rng() * 6); i > 0; i--) {
    Object.defineProperty(object, pick(rng, KEYS), {
      value: randomValue(rng, depth - 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return object;
}

/** Replaces one node somewhere in a valid value: the near-miss a hand edit makes. */
function mutateValue(rng: Rng, value: unknown): unknown {
  if (rng() < 0.2 || value === null || typeof value !== 'object') return randomValue(rng, 3);
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value)
    ? [...value]
    : { ...value };
  const keys = Object.keys(copy);
  if (!keys.length) return randomValue(rng, 3);
  const key = pick(rng, keys);
  (copy as Record<string, unknown>)[key] = mutateValue(rng, (copy as Record<string, unknown>)[key]);
  return copy;
}

/** Deletes, repeats or replaces a few characters: a broken save or a slip of the keyboard. */
function mutateText(rng: Rng, text: string): string {
  let out = text;
  for (let i = 1 + Math.floor(rng() * 4); i > 0; i--) {
    const at = Math.floor(rng() * out.length);
    const op = rng();
    const char = pick(rng, [
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"',
      '\\',
      '\n',
      '-',
      '1',
      'e',
      '\u2028',
    ]);
    if (op < 0.4) out = out.slice(0, at) + out.slice(at + 1);
    else if (op < 0.7) out = out.slice(0, at) + char + out.slice(at);
    else out = out.slice(0, at) + char + out.slice(at + 1);
  }
  return out;
}

const FIXED_INPUTS = [
  '',
  ' ',
  '\ufeff{}',
  'null',
  '42',
  '"FeatureCollection"',
  '[]',
  '{}',
  'NaN',
  '{"type":"FeatureCollection","features":"none"}',
  '{"type":"FeatureCollection","features":[null,null,null]}',
  '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[]]},"properties":{}}]}',
  '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"GeometryCollection","geometries":[{"type":"GeometryCollection","geometries":[]}]},"properties":null}]}',
  '{"__proto__":{"type":"FeatureCollection"},"features":[]}',
  '['.repeat(50_000) + ']'.repeat(50_000),
  '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000),
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { id: 'x', passages: [[[[[[]]]]]] },
        geometry: { type: 'MultiPolygon', coordinates: [[[[[[[1]]]]]]] },
      },
    ],
  }),
  '{"type":"FeatureCollection","features":[]}'.repeat(3),
  '// comment\n{}',
  '{"a":1,}',
];

function generatedInputs(count: number): string[] {
  const rng = random(7946);
  const layers = [JSON.parse(PLACES), JSON.parse(ROUTES)];
  return Array.from({ length: count }, (_, i) => {
    switch (i % 4) {
      case 0:
        return mutateText(rng, pick(rng, [PLACES, ROUTES]));
      case 1:
        return JSON.stringify(mutateValue(rng, pick(rng, layers)), null, 1);
      case 2:
        return JSON.stringify(randomValue(rng, 6));
      default:
        return Array.from({ length: Math.floor(rng() * 200) }, () =>
          String.fromCharCode(Math.floor(rng() * 0x3000)),
        ).join('');
    }
  });
}

function expectWellFormed(diagnostics: unknown): void {
  expect(Array.isArray(diagnostics)).toBe(true);
  for (const d of diagnostics as Diagnostic[]) {
    expect(['error', 'warning']).toContain(d.severity);
    expect(typeof d.file).toBe('string');
    expect(Number.isInteger(d.line) && d.line >= 1).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1).toBe(true);
    expect(typeof d.pointer).toBe('string');
    expect(d.message).toMatch(/\S/);
  }
}

const inputs = [...FIXED_INPUTS, ...generatedInputs(400)];

describe('the validator never throws', () => {
  const context = layerContext([
    { path: 'story/article.json', text: ARTICLE },
    { path: 'geo/basemap/countries.geojson', text: COUNTRIES },
    { path: 'geo/routes.geojson', text: ROUTES },
  ]);

  it(`validateLayer: ${inputs.length} inputs give arrays of well-formed diagnostics`, () => {
    for (const text of inputs) {
      expectWellFormed(validateLayer('geo/places.geojson', text, context));
      expectWellFormed(validateLayer('geo/places.geojson', text));
    }
  });

  it('validateProject: broken layers, articles and basemaps still give a result', () => {
    const rng = random(2024);
    for (const text of inputs.slice(0, 150)) {
      const files: ProjectFile[] = [
        { path: 'story/article.json', text: rng() < 0.3 ? mutateText(rng, ARTICLE) : ARTICLE },
        { path: 'geo/basemap/countries.geojson', text: rng() < 0.1 ? text : COUNTRIES },
        { path: 'geo/places.geojson', text },
        { path: 'geo/routes.geojson', text: rng() < 0.3 ? mutateText(rng, ROUTES) : ROUTES },
      ];
      const result = validateProject(files);
      expectWellFormed(result.diagnostics);
      expect(Array.isArray(result.coverage)).toBe(true);
    }
  });

  it('takes arguments of the wrong type without throwing', () => {
    const odd: unknown[] = [null, undefined, 42, 'files', [null], [{ path: 1, text: 2 }], [{}]];
    for (const input of odd) {
      expectWellFormed(validateProject(input as ProjectFile[]).diagnostics);
      expectWellFormed(validateLayer(input as string, input as string));
      expectWellFormed(layerContext(input as ProjectFile[]).features && []);
    }
  });

  it('reports the other files when one is broken', () => {
    const result = validateProject([
      { path: 'story/article.json', text: ARTICLE },
      { path: 'geo/basemap/countries.geojson', text: COUNTRIES },
      { path: 'geo/places.geojson', text: '{"type": "FeatureCollection",' },
      { path: 'geo/routes.geojson', text: ROUTES.replace('"uap-2023"', '"UAP 2023"') },
    ]);
    const files = new Set(result.diagnostics.map((d) => d.file));
    expect(files).toEqual(new Set(['geo/places.geojson', 'geo/routes.geojson']));
  });
});
