/** The validator's modules one by one: what the fixtures show end to end, here at the seams. */
import { readFileSync } from 'node:fs';
import { kinks } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { buildCoverage, firstWords, formatCoverage } from '../../../src/validate/coverage.ts';
import { closest, formatDiagnostic } from '../../../src/validate/diagnostic.ts';
import {
  decimals,
  geometryIssues,
  overPrecise,
  signedArea,
} from '../../../src/validate/geometry.ts';
import { parseJson } from '../../../src/validate/json.ts';
import {
  LineIndex,
  nodeAtPointer,
  parsePointer,
  toPointer,
} from '../../../src/validate/pointer.ts';
import { layerContext, validateLayer } from '../../../src/validate/index.ts';

const syntax = (text: string) => parseJson('x.json', text, 'other').diagnostics[0];

describe('json', () => {
  it('gives the line and column of the first syntax error; for a trailing comma, the comma', () => {
    const d = syntax('{\n  "a": 1,\n}\n');
    expect([d.line, d.column, d.code]).toEqual([2, 9, 'json-syntax']);
    expect(d.message).toBe(
      'expected no comma after the last property of an object (JSON allows none), found ","',
    );
  });

  it('names what it found: the end of the file, a comment, a byte order mark', () => {
    expect(syntax('{"a": [1, 2').message).toBe(
      'expected "]" to close the array, found the end of the file',
    );
    expect(syntax('// note\n{}').message).toMatch(/^expected no comments/);
    expect(syntax('\ufeff{}').message).toMatch(/byte order mark/);
    expect(syntax('').message).toBe('expected a JSON value, found an empty file');
  });

  it('reports a repeated key at the repeat, and keeps parsing', () => {
    const { diagnostics, ok } = parseJson('x.json', '{\n"a": 1,\n"a": 2\n}', 'other');
    expect(ok).toBe(true);
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['duplicate-key', 3, 1]]);
  });

  it('keeps "__proto__" as a plain key', () => {
    const { doc } = parseJson('x.json', '{"__proto__": {"polluted": true}}', 'other');
    expect(Object.getPrototypeOf(doc.value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('pointer', () => {
  it('escapes ~ and / both ways', () => {
    expect(toPointer(['a/b', 'c~d', 3])).toBe('/a~1b/c~0d/3');
    expect(parsePointer('/a~1b/c~0d/3')).toEqual(['a/b', 'c~d', '3']);
  });

  it('maps offsets to 1-based lines and columns, CRLF included', () => {
    const index = new LineIndex('ab\r\ncd\nef');
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.position(5)).toEqual({ line: 2, column: 2 });
    expect(index.position(7)).toEqual({ line: 3, column: 1 });
  });

  it('falls back to the deepest ancestor when the pointer names a missing member', () => {
    const { doc } = parseJson('x.json', '{"a": {"b": [1, 2]}}', 'other');
    expect(nodeAtPointer(doc.root!, '/a/b/1')).toMatchObject({ exact: true, node: { value: 2 } });
    expect(nodeAtPointer(doc.root!, '/a/c')).toMatchObject({
      exact: false,
      node: { type: 'object', offset: 6 },
    });
  });
});

describe('geometry', () => {
  it('counts decimals as JSON writes the number, exponents included', () => {
    expect([
      decimals(1),
      decimals(69.123456),
      decimals(69.1234567),
      decimals(1e-7),
      decimals(1.5e-7),
    ]).toEqual([0, 6, 7, 7, 8]);
  });

  it('finds more than 6 places quickly, and only then', () => {
    const cases = [69.123456, 69.1234567, -0.000001, 0.0000001, 1e308, -1e-300, 180, 2 ** 53];
    expect(cases.map(overPrecise)).toEqual([false, true, false, true, false, true, false, false]);
  });

  it('takes a counterclockwise ring as positive', () => {
    expect(
      signedArea([
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ]),
    ).toBeGreaterThan(0);
    expect(
      signedArea([
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 0],
      ]),
    ).toBeLessThan(0);
  });

  it('finds the same crossings as turf kinks over every pair, in the same order', () => {
    let seed = 42;
    const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 10;
    for (let n = 0; n < 200; n++) {
      const ring = Array.from({ length: 4 + (n % 30) }, () => [next(), next()]);
      ring.push([...ring[0]]);
      const everyPair = kinks({ type: 'Polygon', coordinates: [ring] }).features;
      const [issue] = geometryIssues({ type: 'Polygon', coordinates: [ring] }, '').filter(
        (i) => i.code === 'self-intersection',
      );
      if (!everyPair.length) {
        expect(issue).toBeUndefined();
        continue;
      }
      const [x, y] = everyPair[0].geometry.coordinates.map((v) => Math.round(v * 1e6) / 1e6);
      expect(issue.message).toContain(`crossing at [${x}, ${y}]`);
      if (everyPair.length > 1)
        expect(issue.message).toContain(`(${everyPair.length} crossings in all)`);
    }
  });

  it('does not take a repeated position for a crossing', () => {
    const ring = [
      [0, 0],
      [1, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    expect(geometryIssues({ type: 'Polygon', coordinates: [ring] }, '/geometry')).toEqual([]);
  });

  it('says one thing per class and geometry, with a count', () => {
    const line = {
      type: 'LineString',
      coordinates: [
        [0.12345678, 0],
        [1.12345678, 0],
        [2.12345678, 0],
      ],
    };
    const issues = geometryIssues(line, '/g');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'over-precise', pointer: '/g/coordinates/0/0' });
    expect(issues[0].message).toMatch(/2 more positions like it in this geometry$/);
  });

  it('follows GeometryCollections only so deep', () => {
    let g: unknown = { type: 'Point', coordinates: [999, 0] };
    for (let i = 0; i < 20; i++) g = { type: 'GeometryCollection', geometries: [g] };
    expect(geometryIssues(g, '')).toEqual([]);
  });
});

describe('coverage', () => {
  it('prints the first words, the features, or why there are none', () => {
    const passages = [
      {
        id: 'p01',
        text: 'Kabul is the capital of Afghanistan and more.',
        geographic: true,
        pointer: '',
      },
      { id: 'p02', text: 'Nothing here.', geographic: true, pointer: '' },
      { id: 'h01', text: 'Heading', geographic: false, pointer: '' },
    ];
    const lines = formatCoverage(
      buildCoverage(passages, new Map([['p01', ['kabul', 'afghanistan']]])),
    );
    expect(lines).toEqual([
      'p01  Kabul is the capital of Afghanistan…  kabul, afghanistan',
      'p02  Nothing here.                         !! unlinked',
      'h01  Heading                               — not geographic',
    ]);
  });

  it('cuts at a word boundary', () => {
    expect(firstWords('Supercalifragilisticexpialidocious words follow here')).toBe(
      'Supercalifragilisticexpialidocious words…',
    );
  });
});

describe('diagnostic', () => {
  it('prints location first, then feature, pointer and message', () => {
    const line = formatDiagnostic({
      severity: 'error',
      code: 'schema',
      file: 'geo/csto.geojson',
      line: 41,
      column: 18,
      feature: 'csto-arm',
      pointer: '/features/3/properties/start',
      message: 'expected an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD), found "2024-13-01"',
    });
    expect(line).toBe(
      'geo/csto.geojson:41:18  csto-arm  /features/3/properties/start  expected an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD), found "2024-13-01"',
    );
  });

  it('suggests the property a typo most likely meant', () => {
    expect(closest('pasages', ['passages', 'name'])).toBe('passages');
    expect(closest('colour', ['passages', 'name'])).toBeUndefined();
  });
});

describe('validateLayer', () => {
  const fixture = (path: string) =>
    readFileSync(new URL(`../../fixtures/validate/valid/${path}`, import.meta.url), 'utf8');
  const files = [
    'story/article.json',
    'geo/basemap/countries.geojson',
    'geo/places.geojson',
    'geo/routes.geojson',
  ].map((path) => ({ path, text: fixture(path) }));

  it('checks one file against the rest of the project, and reports on that file only', () => {
    const context = layerContext(files);
    const routes = fixture('geo/routes.geojson').replace('"to": "kabul"', '"to": "kabull"');
    expect(validateLayer('geo/routes.geojson', fixture('geo/routes.geojson'), context)).toEqual([]);
    expect(validateLayer('geo/routes.geojson', routes, context).map((d) => d.code)).toEqual([
      'unknown-node',
    ]);
  });

  it('finds ids another layer already uses', () => {
    const context = layerContext(files);
    const copy = fixture('geo/places.geojson').replace('"name": "places"', '"name": "copy"');
    const codes = validateLayer('geo/copy.geojson', copy, context).map((d) => d.code);
    expect(codes).toEqual(['duplicate-id', 'duplicate-id', 'duplicate-id']);
  });

  it('tells a feature without a kind only that, not what each kind would require', () => {
    const places = fixture('geo/places.geojson').replace('"kind": "country",', '');
    const messages = validateLayer('geo/places.geojson', places).map((d) => d.message);
    expect(messages).toEqual(['expected a "kind" property, found none']);
  });

  it('passes on a check that stops, and keeps what the other checks found', () => {
    // check-geojson throws on an empty ring it has to read (one beside a malformed ring).
    const layer = {
      type: 'FeatureCollection',
      name: 'places',
      title: 'Places',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: { type: 'Polygon', coordinates: [[], ['x']] },
        },
      ],
    };
    const codes = validateLayer('geo/places.geojson', JSON.stringify(layer)).map((d) => d.code);
    expect(codes).toContain('check-failed');
    expect(codes).toContain('too-few-positions');
    expect(codes).toContain('schema');
  });

  it('without a context, says nothing it cannot know: no unknown nodes, passages or codes', () => {
    const routes = fixture('geo/routes.geojson').replace('"to": "kabul"', '"to": "kabull"');
    expect(validateLayer('geo/routes.geojson', routes)).toEqual([]);
  });
});
