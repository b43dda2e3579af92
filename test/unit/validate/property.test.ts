import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readOpened } from '../../../src/preview/check-opened.ts';
import type { StoryLayer } from '../../../src/geo/types.ts';
import { validateLayer, validateProject } from '../../../src/validate/index.ts';

const read = (p: string) => readFileSync(new URL(`../../../${p}`, import.meta.url), 'utf8');
const article = JSON.parse(read('story/article.json'));
const afghanistanText = read('geo/afghanistan.geojson');
// A small loaded story: the loader re-reads it for every file, and thousands of files are fed.
const story = { article, layers: [JSON.parse(read('geo/uap-railway.geojson')) as StoryLayer] };

/** Numbers a GIS file may hold, and some it should not. */
const coord = fc.oneof(
  fc.double({ min: -200, max: 200, noNaN: false }),
  fc.constantFrom(0, -0, 180, -180, 90, -90, Infinity, 1e308),
);
const position = fc.array(coord, { minLength: 0, maxLength: 4 });
const ring = fc.array(position, { minLength: 0, maxLength: 8 });
const geometry = fc.oneof(
  fc.record({ type: fc.constant('Point'), coordinates: position }),
  fc.record({ type: fc.constant('LineString'), coordinates: ring }),
  fc.record({ type: fc.constant('Polygon'), coordinates: fc.array(ring, { maxLength: 3 }) }),
  fc.record({
    type: fc.constant('MultiPolygon'),
    coordinates: fc.array(fc.array(ring, { maxLength: 2 }), { maxLength: 2 }),
  }),
  fc.record({ type: fc.string(), coordinates: fc.anything() }),
  fc.constant(null),
);
const properties = fc.oneof(
  fc.record(
    {
      id: fc.oneof(fc.string(), fc.constantFrom('kabul', 'afghanistan', 'x-1')),
      name: fc.string(),
      kind: fc.oneof(fc.string(), fc.constantFrom('country', 'route-segment', 'event')),
      passages: fc.oneof(fc.array(fc.string()), fc.constant(['p01'])),
      summary: fc.string(),
      sources: fc.anything(),
      from: fc.string(),
      to: fc.string(),
      start: fc.string(),
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
);
const feature = fc.record({
  type: fc.constantFrom('Feature', 'feature', 'Point'),
  properties,
  geometry,
});
const collection = fc.record(
  {
    type: fc.constantFrom('FeatureCollection', 'Feature', 'Topology'),
    name: fc.oneof(fc.constant('afghanistan'), fc.string()),
    title: fc.string(),
    features: fc.oneof(fc.array(feature, { maxLength: 6 }), fc.anything()),
  },
  { requiredKeys: ['type'] },
);

/** A real file with characters cut, doubled or swapped at random places. */
const mutated = fc
  .array(
    fc.record({
      at: fc.nat({ max: afghanistanText.length }),
      op: fc.nat({ max: 2 }),
      ch: fc.string({ minLength: 1, maxLength: 1 }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((edits) =>
    edits.reduce((text, e) => {
      if (e.op === 0) return text.slice(0, e.at) + text.slice(e.at + 1);
      if (e.op === 1) return text.slice(0, e.at) + e.ch + text.slice(e.at);
      return (
        text.slice(0, e.at) +
        text
          .slice(e.at, e.at + 2)
          .split('')
          .reverse()
          .join('') +
        text.slice(e.at + 2)
      );
    }, afghanistanText),
  );

const documents = fc.oneof(
  fc.json(),
  fc.string(),
  collection.map((c) => JSON.stringify(c)),
  mutated,
);

describe('validator and file loader under random and mutated input', () => {
  it('validateLayer never throws or hangs, and always answers with diagnostics', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const started = performance.now();
        const out = validateLayer('geo/afghanistan.geojson', text);
        expect(Array.isArray(out)).toBe(true);
        for (const d of out) {
          expect(typeof d.message).toBe('string');
          expect(d.line).toBeGreaterThanOrEqual(1);
        }
        expect(performance.now() - started).toBeLessThan(2000);
      }),
      { numRuns: 1000, seed: 20261128 },
    );
  }, 120_000);

  it('the file loader (open a GeoJSON file) gives ok or a message, never a throw', () => {
    fc.assert(
      fc.property(documents, fc.string(), (text, name) => {
        const opened = readOpened(`${name}.geojson`, text, story);
        if (opened.ok) expect(opened.data.type).toBe('FeatureCollection');
        else expect(opened.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 500, seed: 1128 },
    );
  }, 120_000);

  it('validateProject survives a random layer among the real files', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const r = validateProject([
          { path: 'story/article.json', text: read('story/article.json') },
          { path: 'geo/afghanistan.geojson', text },
        ]);
        expect(Array.isArray(r.diagnostics)).toBe(true);
      }),
      { numRuns: 300, seed: 7 },
    );
  }, 120_000);
});
