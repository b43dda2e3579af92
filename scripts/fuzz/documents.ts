/**
 * Documents for `npm run fuzz`: random GeoJSON in every container (FeatureCollection, Feature,
 * bare geometry, GeometryCollection, nested), the faults RFC 7946 names, any JSON at all, and
 * real layers with characters cut, doubled, swapped or replaced at random places.
 */
import fc from 'fast-check';

/** Numbers a GIS file may hold, and some it should not. */
const coord = fc.oneof(
  fc.double({ min: -200, max: 200, noNaN: true }),
  fc.integer({ min: -180, max: 180 }),
  fc.constantFrom(0, -0, 180, -180, 90, -90, 1e308, 1.123456789012),
);
const position = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(coord, coord).map((p) => [...p]) },
  { weight: 1, arbitrary: fc.array(coord, { minLength: 0, maxLength: 5 }) },
);
const line = fc.array(position, { minLength: 0, maxLength: 8 });
/** Rings, closed most of the time, as a tool writes them. */
const ring = fc
  .tuple(fc.array(position, { minLength: 0, maxLength: 8 }), fc.boolean())
  .map(([ps, close]) => (close && ps.length ? [...ps, ps[0]] : ps));
const polygon = fc.array(ring, { maxLength: 3 });

const simple = fc.oneof(
  fc.record({ type: fc.constant('Point'), coordinates: position }),
  fc.record({ type: fc.constant('MultiPoint'), coordinates: line }),
  fc.record({ type: fc.constant('LineString'), coordinates: line }),
  fc.record({
    type: fc.constant('MultiLineString'),
    coordinates: fc.array(line, { maxLength: 3 }),
  }),
  fc.record({ type: fc.constant('Polygon'), coordinates: polygon }),
  fc.record({
    type: fc.constant('MultiPolygon'),
    coordinates: fc.array(polygon, { maxLength: 3 }),
  }),
  fc.record({ type: fc.string(), coordinates: fc.anything() }),
);
const bbox = fc.array(coord, { minLength: 0, maxLength: 7 });

const { geometry } = fc.letrec<{ geometry: unknown }>((tie) => ({
  geometry: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    simple,
    fc.record(
      {
        type: fc.constant('GeometryCollection'),
        geometries: fc.array(tie('geometry'), { maxLength: 3 }),
        bbox,
      },
      { requiredKeys: ['type', 'geometries'] },
    ),
  ),
}));

const properties = fc.oneof(
  fc.constant(null),
  fc.constant({}),
  fc.record(
    {
      id: fc.oneof(fc.string(), fc.constantFrom('kabul', 'termez', 'x-1')),
      name: fc.string(),
      kind: fc.oneof(fc.string(), fc.constantFrom('country', 'city', 'route-segment', 'event')),
      passages: fc.oneof(fc.array(fc.string()), fc.constant(['p01', 'p6'])),
      summary: fc.string(),
      sources: fc.anything(),
      from: fc.string(),
      to: fc.string(),
      start: fc.oneof(fc.string(), fc.constantFrom('2021', '2024-04', '1979-12-27')),
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
);
const feature = fc.record(
  {
    type: fc.constantFrom('Feature', 'Feature', 'feature'),
    id: fc.oneof(fc.string(), fc.integer(), fc.anything()),
    properties,
    geometry: fc.oneof(geometry, fc.constant(null)),
    bbox,
  },
  { requiredKeys: ['type'] },
);
const collection = fc.record(
  {
    type: fc.constantFrom('FeatureCollection', 'FeatureCollection', 'Topology'),
    name: fc.oneof(fc.constant('places'), fc.string()),
    title: fc.string(),
    features: fc.oneof(
      { weight: 5, arbitrary: fc.array(feature, { maxLength: 6 }) },
      fc.anything(),
    ),
    bbox,
  },
  { requiredKeys: ['type'] },
);

/** Any of the containers, written compactly or indented as tools do. */
const container = fc
  .tuple(fc.oneof(collection, feature, geometry), fc.constantFrom(0, 2, '\t'))
  .map(([value, indent]) => JSON.stringify(value, null, indent));

/** A text with characters cut, doubled, swapped or replaced at random places. */
export function mutated(texts: readonly string[]) {
  const edit = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    op: fc.nat({ max: 3 }),
    ch: fc.constantFrom(',', ']', '}', '[', '{', '"', ':', '0', '-', 'e', ' ', '\n', 'x'),
  });
  return fc
    .tuple(fc.constantFrom(...texts), fc.array(edit, { minLength: 1, maxLength: 6 }))
    .map(([base, edits]) =>
      edits.reduce((text, e) => {
        const at = Math.floor(e.at * text.length);
        if (e.op === 0) return text.slice(0, at) + text.slice(at + 1);
        if (e.op === 1) return text.slice(0, at) + e.ch + text.slice(at);
        if (e.op === 2) return text.slice(0, at) + e.ch + text.slice(at + 1);
        return (
          text.slice(0, at) +
          text
            .slice(at, at + 2)
            .split('')
            .reverse()
            .join('') +
          text.slice(at + 2)
        );
      }, base),
    );
}

/** The mix fed to the validator: generated containers and mutations weigh most. */
export function documents(texts: readonly string[]) {
  const generated = container.chain((text) =>
    fc.oneof({ weight: 3, arbitrary: fc.constant(text) }, mutated([text])),
  );
  return fc.oneof(
    { weight: 4, arbitrary: generated },
    { weight: 3, arbitrary: mutated(texts) },
    { weight: 1, arbitrary: fc.json() },
    { weight: 1, arbitrary: fc.string() },
  );
}
