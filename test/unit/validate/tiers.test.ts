/**
 * Two tiers: RFC 7946 faults are found in every container (FeatureCollection, Feature, bare
 * geometry, GeometryCollection, nested too) and reported as GeoJSON faults; what the story needs
 * of a layer is reported apart, counted. Fixtures are built from RFC 7946 §3.
 */
import { describe, expect, it } from 'vitest';
import { readOpened } from '../../../src/preview/check-opened.ts';
import {
  forPreview,
  forProject,
  splitTiers,
  storyNeeds,
  validateLayer,
  type Diagnostic,
  type DiagnosticCode,
} from '../../../src/validate/index.ts';

const PATH = 'geo/opened.geojson';
const story = { article: { passages: [] }, layers: [] };

/** A geometry's JSON text placed in each container; `at` is where the geometry then sits. */
const CONTAINERS: [string, (g: string) => string, string][] = [
  ['bare geometry', (g) => g, ''],
  ['Feature', (g) => `{"type":"Feature","properties":{},"geometry":${g}}`, '/geometry'],
  [
    'FeatureCollection',
    (g) =>
      `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x"},"geometry":${g}}]}`,
    '/features/0/geometry',
  ],
  [
    'GeometryCollection',
    (g) => `{"type":"GeometryCollection","geometries":[${g}]}`,
    '/geometries/0',
  ],
  [
    'nested GeometryCollection in a Feature',
    (g) =>
      `{"type":"Feature","properties":null,"geometry":{"type":"GeometryCollection","geometries":[{"type":"GeometryCollection","geometries":[${g}]}]}}`,
    '/geometry/geometries/0/geometries/0',
  ],
];

interface Fault {
  name: string;
  geometry: string;
  code: DiagnosticCode;
  /** Below the geometry's own pointer. */
  pointer: string;
  severity?: 'warning';
}

const FAULTS: Fault[] = [
  {
    name: 'a ring whose last position differs from its first',
    geometry: '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}',
    code: 'unclosed-ring',
    pointer: '/coordinates/0/3',
  },
  {
    name: 'a ring of 3 positions',
    geometry: '{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}',
    code: 'too-few-positions',
    pointer: '/coordinates/0',
  },
  {
    name: 'a hole of 3 positions in a MultiPolygon',
    geometry:
      '{"type":"MultiPolygon","coordinates":[[[[0,0],[4,0],[4,4],[0,0]],[[1,1],[2,1],[1,1]]]]}',
    code: 'too-few-positions',
    pointer: '/coordinates/0/1',
  },
  {
    name: 'an empty ring',
    geometry: '{"type":"Polygon","coordinates":[[]]}',
    code: 'too-few-positions',
    pointer: '/coordinates/0',
  },
  {
    name: 'a Point whose position is nested one level too deep',
    geometry: '{"type":"Point","coordinates":[[0,0]]}',
    code: 'position-size',
    pointer: '/coordinates',
  },
  {
    name: 'a LineString of 1 position',
    geometry: '{"type":"LineString","coordinates":[[0,0]]}',
    code: 'too-few-positions',
    pointer: '/coordinates',
  },
  {
    name: 'a MultiLineString with a line of 1 position',
    geometry: '{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[2,2]]]}',
    code: 'too-few-positions',
    pointer: '/coordinates/1',
  },
  {
    name: 'a position of 1 number',
    geometry: '{"type":"Point","coordinates":[0]}',
    code: 'position-size',
    pointer: '/coordinates',
  },
  {
    name: 'a position of 4 numbers (SHOULD NOT: a warning)',
    geometry: '{"type":"MultiPoint","coordinates":[[0,0,0,0]]}',
    code: 'position-size',
    pointer: '/coordinates/0',
    severity: 'warning',
  },
  {
    name: 'a number too large to be finite',
    geometry: '{"type":"Point","coordinates":[1e400,0]}',
    code: 'out-of-range',
    pointer: '/coordinates/0',
  },
  {
    name: 'a number written as a string',
    geometry: '{"type":"Point","coordinates":["1",0]}',
    code: 'geojson',
    pointer: '/coordinates/0',
  },
  {
    name: 'a bbox of 3 numbers',
    geometry: '{"type":"Point","coordinates":[0,0],"bbox":[0,0,1]}',
    code: 'geojson',
    pointer: '/bbox',
  },
  {
    name: 'an unknown type',
    geometry: '{"type":"Pointy","coordinates":[0,0]}',
    code: 'geojson',
    pointer: '/type',
  },
  {
    name: 'a type in the wrong case',
    geometry: '{"type":"point","coordinates":[0,0]}',
    code: 'geojson',
    pointer: '/type',
  },
  {
    name: 'a duplicate key',
    geometry: '{"type":"Point","coordinates":[0,0],"coordinates":[1,1]}',
    code: 'duplicate-key',
    pointer: '/coordinates',
  },
];

const codesOf = (list: Diagnostic[]) => list.map((d) => `${d.severity} ${d.code} ${d.pointer}`);

describe('RFC 7946 faults in every container', () => {
  for (const [container, wrap, at] of CONTAINERS) {
    describe(container, () => {
      it.each(FAULTS)('$name', (fault) => {
        const text = wrap(fault.geometry);
        const want = `${fault.severity ?? 'error'} ${fault.code} ${at}${fault.pointer}`;
        const { geojson } = splitTiers(validateLayer(PATH, text));
        expect(codesOf(geojson)).toContain(want);
        // One fault, one error: no echo of it, no "the check stopped" beside it.
        const errors = codesOf(geojson).filter((c) => c.startsWith('error'));
        expect(errors).toEqual(fault.severity ? [] : [want]);
        // The file preview reports it too, as a GeoJSON fault, whatever the container.
        const opened = readOpened('opened.geojson', text, story);
        expect(codesOf(forPreview(opened.diagnostics).geojson)).toContain(want);
      });
    });
  }

  it('a Feature without a geometry member, alone or in a FeatureCollection', () => {
    const feature = '{"type":"Feature","properties":{}}';
    expect(codesOf(splitTiers(validateLayer(PATH, feature)).geojson)).toEqual([
      'error geojson /geometry',
    ]);
    const fc = `{"type":"FeatureCollection","features":[${feature}]}`;
    expect(codesOf(splitTiers(validateLayer(PATH, fc)).geojson)).toEqual([
      'error geojson /features/0/geometry',
    ]);
  });

  it('a GeometryCollection inside another is a warning (SHOULD avoid), not an error', () => {
    const text =
      '{"type":"GeometryCollection","geometries":[{"type":"GeometryCollection","geometries":[]}]}';
    expect(codesOf(splitTiers(validateLayer(PATH, text)).geojson)).toEqual([
      'warning geojson /geometries/0/type',
    ]);
  });

  it('winding and crossing rings are warnings in a preview, errors in a story layer', () => {
    const clockwise = '{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]}';
    const found = splitTiers(validateLayer(PATH, clockwise)).geojson;
    expect(codesOf(found)).toEqual(['error wrong-winding /coordinates/0']);
    expect(codesOf(forPreview(found).geojson)).toEqual(['warning wrong-winding /coordinates/0']);
    // In geo/ (the CLI, the dev server, the editor): a GeoJSON warning, and a story-layer error.
    const project = forProject(validateLayer(PATH, clockwise));
    expect(codesOf(project.geojson)).toEqual(['warning wrong-winding /coordinates/0']);
    expect(codesOf(project.story)).toContain('error wrong-winding /coordinates/0');
    expect(storyNeeds(project.story)).toContain('1 ring wound the wrong way (RFC 7946 §3.1.6)');
  });

  it('names the feature of a lone Feature by its id, or as "the Feature"', () => {
    const text =
      '{"type":"Feature","properties":{"id":"kabul"},"geometry":{"type":"Point","coordinates":[0]}}';
    expect(validateLayer(PATH, text).find((d) => d.code === 'position-size')?.feature).toBe(
      'kabul',
    );
    const anonymous = text.replace('"id":"kabul"', '');
    expect(validateLayer(PATH, anonymous).find((d) => d.code === 'position-size')?.feature).toBe(
      'the Feature',
    );
  });
});

const VALID: [string, string][] = [
  ['Point', '{"type":"Point","coordinates":[69.2,34.5]}'],
  ['Point with altitude', '{"type":"Point","coordinates":[69.2,34.5,1790]}'],
  ['MultiPoint', '{"type":"MultiPoint","coordinates":[[0,0],[1,1]]}'],
  ['LineString', '{"type":"LineString","coordinates":[[0,0],[1,1]]}'],
  ['MultiLineString', '{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[2,2],[3,3]]]}'],
  ['Polygon', '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}'],
  [
    'Polygon with a hole',
    '{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[1,2],[2,2],[2,1],[1,1]]]}',
  ],
  ['MultiPolygon', '{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]]]}'],
  [
    'GeometryCollection',
    '{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[0,0]},{"type":"LineString","coordinates":[[0,0],[1,1]]}]}',
  ],
  ['empty GeometryCollection', '{"type":"GeometryCollection","geometries":[]}'],
  ['Feature with null geometry', '{"type":"Feature","properties":null,"geometry":null}'],
  ['Feature with a string id', '{"type":"Feature","id":"a","properties":{},"geometry":null}'],
  ['empty FeatureCollection', '{"type":"FeatureCollection","features":[]}'],
  [
    'a line across the antimeridian, cut in two (RFC 7946 §3.1.9)',
    '{"type":"MultiLineString","coordinates":[[[170,45],[180,48]],[[-180,48],[-170,45]]]}',
  ],
  [
    'a line across the antimeridian, uncut',
    '{"type":"LineString","coordinates":[[179,0],[-179,1]]}',
  ],
  [
    'a bbox across the antimeridian',
    '{"type":"Point","coordinates":[180,0],"bbox":[177,-1,-178,1]}',
  ],
  [
    'a geojson.io file: many decimals, no story properties',
    '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[69.20751953125,34.53493190517523]}}]}',
  ],
];

describe('valid GeoJSON gives no GeoJSON fault', () => {
  it.each(VALID)('%s', (_, text) => {
    expect(codesOf(splitTiers(validateLayer(PATH, text)).geojson)).toEqual([]);
    const opened = readOpened('opened.geojson', text, story);
    expect(opened.ok).toBe(true);
    expect(codesOf(forPreview(opened.diagnostics).geojson)).toEqual([]);
  });
});

describe('what a story layer needs, apart and counted', () => {
  it('counts the properties a FeatureCollection from geojson.io lacks', () => {
    const feature = (name?: string) => ({
      type: 'Feature',
      properties: name ? { name } : {},
      geometry: { type: 'Point', coordinates: [69.123456789, 34.5] },
    });
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [feature('Kabul'), feature(), feature()],
    });
    const opened = readOpened('drawn.geojson', text, story);
    const { geojson, story: needs } = forPreview(opened.diagnostics);
    expect(geojson).toEqual([]);
    expect(storyNeeds(needs)).toEqual([
      'the layer lacks "name", "title"',
      '3 features lack "id"',
      '2 features lack "name"',
      '3 features lack "kind"',
      '3 features lack "passages"',
      '3 features lack "summary"',
      '3 features lack "sources"',
      '3 other problems (listed below)',
    ]);
  });

  it('judges a bare geometry as it would sit in a layer', () => {
    const opened = readOpened('shape.geojson', '{"type":"Point","coordinates":[1,2]}', story);
    expect(opened.ok && opened.needs).toEqual([
      'the file is a Point; a story layer is a FeatureCollection',
      'the layer lacks "name", "title"',
      '1 feature lacks "id"',
      '1 feature lacks "name"',
      '1 feature lacks "kind"',
      '1 feature lacks "passages"',
      '1 feature lacks "summary"',
      '1 feature lacks "sources"',
    ]);
    expect(opened.diagnostics).toEqual([]);
  });
});
