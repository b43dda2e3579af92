/**
 * A synthetic story FACTOR times the real one, for `npm run bench` (issue 13: "a story 10× larger
 * — first idle and click → card grow less than 2×"). Pure: growStory takes the parsed article and
 * layers and returns new ones; readStory and storyFiles are the thin file ends around it.
 *
 * - Every passage is copied FACTOR − 1 times (`p04` → `p04-x1` … `p04-x9`), same kind, text and
 *   `geographic` flag; the copies follow the originals, one whole copy of the article after
 *   another, so the article is FACTOR times as long.
 * - Every feature but a country outline is copied FACTOR − 1 times into its own layer, after the
 *   originals (`kabul` → `kabul-x3`, "Kabul (copy 3)"). A copy's aliases get the same suffix, so
 *   no two features share a name; its passages are the copy's passages (`p04` → `p04-x3`); a route
 *   section's `from` and `to` name the copied nodes and its `route` the copied route
 *   (`uap-2023-x3`), so each copy of a route is whole and joins its own nodes.
 * - Copy k is shifted k × 0.07° east and k × 0.05° north (never outside lon 20..100, lat 20..60):
 *   near its original, inside the region, and a route section still ends on its node.
 * - Country outlines are not copied: one outline per country is a rule of the data (the build
 *   ships each as a reference to the basemap's, src/model/outlines.ts). A country links the
 *   copies of its passages as well as the originals: some passages are linked by countries alone,
 *   and the validator wants every passage linked.
 *
 * story/events.json and story/tour.json are left as they are: they name original passages and
 * features, which the grown story keeps.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatLayer } from '../src/geo/format.ts';

export const GROWTH_FACTOR = 10;
/** Degrees per copy. */
const SHIFT = { east: 0.07, north: 0.05 } as const;
const LIMITS = { west: 20, east: 100, south: 20, north: 60 } as const;

export interface PassageJson {
  id: string;
  kind: string;
  text: string;
  geographic?: false;
}

export interface ArticleJson {
  passages: PassageJson[];
  [member: string]: unknown;
}

export interface FeatureJson {
  type: 'Feature';
  properties: { id: string; name: string; kind: string; [key: string]: unknown };
  geometry: unknown;
  [member: string]: unknown;
}

export interface LayerJson {
  type: 'FeatureCollection';
  features: FeatureJson[];
  [member: string]: unknown;
}

export interface StoryJson {
  /** story/article.json */
  article: ArticleJson;
  /** geo/*.geojson (not geo/basemap/), by project-relative path, e.g. `geo/csto.geojson`. */
  layers: Record<string, LayerJson>;
}

/** The id of copy k (1 … factor − 1) of a passage, a feature or a route. */
export const copyId = (id: string, k: number): string => `${id}-x${k}`;

/** The real story and layers, as they are in the project at `root`. */
export function readStory(root: string): StoryJson {
  const read = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
  const layers: Record<string, LayerJson> = {};
  for (const name of readdirSync(join(root, 'geo'))
    .filter((n) => n.endsWith('.geojson'))
    .sort())
    layers[`geo/${name}`] = read(`geo/${name}`) as LayerJson;
  return { article: read('story/article.json') as ArticleJson, layers };
}

/** The story as project files: path and text, the layers in the project's own format. */
export function storyFiles(story: StoryJson): { path: string; text: string }[] {
  return [
    { path: 'story/article.json', text: `${JSON.stringify(story.article, null, 2)}\n` },
    ...Object.entries(story.layers).map(([path, layer]) => ({ path, text: formatLayer(layer) })),
  ];
}

/** The story `factor` times larger in passages and in features other than country outlines. */
export function growStory(story: StoryJson, factor = GROWTH_FACTOR): StoryJson {
  if (!Number.isInteger(factor) || factor < 1)
    throw new Error(`expected a whole factor ≥ 1, found ${factor}`);
  const copies = Array.from({ length: factor - 1 }, (_, i) => i + 1);
  const passages = story.article.passages;
  const article: ArticleJson = {
    ...story.article,
    passages: [
      ...passages.map((p) => ({ ...p })),
      ...copies.flatMap((k) => passages.map((p) => ({ ...p, id: copyId(p.id, k) }))),
    ],
  };
  // Route ends name Point features, which are copied whenever they are not countries.
  const copied = new Set(
    Object.values(story.layers).flatMap((l) =>
      l.features.filter((f) => !isCountry(f)).map((f) => f.properties.id),
    ),
  );
  const layers: Record<string, LayerJson> = {};
  for (const [path, layer] of Object.entries(story.layers)) {
    const originals = layer.features.map((f) =>
      isCountry(f) ? outlineLinkingCopies(f, copies) : structuredClone(f),
    );
    const grown = copies.flatMap((k) =>
      layer.features.filter((f) => !isCountry(f)).map((f) => copyFeature(f, k, copied)),
    );
    layers[path] = { ...layer, features: [...originals, ...grown] };
  }
  return { article, layers };
}

const isCountry = (f: FeatureJson) => f.properties.kind === 'country';

/**
 * A country stays one feature but links the copies of its passages too, in article order (some
 * passages are linked by countries alone, and every passage must be linked by some feature).
 */
function outlineLinkingCopies(f: FeatureJson, copies: readonly number[]): FeatureJson {
  const country = structuredClone(f);
  const passages = country.properties.passages;
  if (Array.isArray(passages))
    country.properties.passages = [
      ...passages,
      ...copies.flatMap((k) => passages.map((id) => copyId(String(id), k))),
    ];
  return country;
}

function copyFeature(f: FeatureJson, k: number, copied: ReadonlySet<string>): FeatureJson {
  const p = structuredClone(f.properties);
  const suffix = ` (copy ${k})`;
  p.id = copyId(p.id, k);
  p.name = `${p.name}${suffix}`;
  if (Array.isArray(p.aliases)) p.aliases = p.aliases.map((a) => `${String(a)}${suffix}`);
  if (Array.isArray(p.passages)) p.passages = p.passages.map((id) => copyId(String(id), k));
  for (const end of ['from', 'to'] as const) {
    const node = p[end];
    if (typeof node === 'string' && copied.has(node)) p[end] = copyId(node, k);
  }
  if (typeof p.route === 'string') p.route = copyId(p.route, k);
  return {
    ...structuredClone(f),
    properties: p,
    geometry: shiftGeometry(f.geometry, k * SHIFT.east, k * SHIFT.north),
  };
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
/** Sums such as 69.17 + 0.07 = 69.24000000000001 written as 69.24: six decimals, about 0.1 m. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

function shiftGeometry(geometry: unknown, east: number, north: number): unknown {
  if (!geometry || typeof geometry !== 'object') return geometry;
  const g = geometry as { coordinates?: unknown; geometries?: unknown[] };
  const shift = (c: unknown): unknown => {
    if (!Array.isArray(c)) return c;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      const [lon, lat, ...rest] = c as number[];
      return [
        round(clamp(lon + east, LIMITS.west, LIMITS.east)),
        round(clamp(lat + north, LIMITS.south, LIMITS.north)),
        ...rest,
      ];
    }
    return c.map(shift);
  };
  return {
    ...structuredClone(g),
    ...(g.coordinates !== undefined ? { coordinates: shift(g.coordinates) } : {}),
    ...(Array.isArray(g.geometries)
      ? { geometries: g.geometries.map((x) => shiftGeometry(x, east, north)) }
      : {}),
  };
}
