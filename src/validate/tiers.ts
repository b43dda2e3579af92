/**
 * Two tiers of findings. GeoJSON faults (RFC 7946: syntax, structure, positions, rings, lines,
 * numbers, bbox, types, duplicate keys) make a file broken for any reader and are always
 * reported as such, whatever holds the geometry. What the story needs of its layers (the schemas'
 * ids, names, kinds, passages, sources, dates; links between files; the project's precision) is
 * the second tier: in geo/ every file must be a story layer, so those are errors there too, but a
 * file opened to preview is not broken for lacking them; it is "not a story layer yet".
 */
import { plural, type Diagnostic, type DiagnosticCode } from './diagnostic.ts';

export type Tier = 'geojson' | 'story';

const STORY: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'schema',
  'over-precise',
  'duplicate-id',
  'unknown-passage',
  'unknown-node',
  'endpoint-far-from-node',
  'route-geometry',
  'unknown-country-code',
  'layer-name-mismatch',
  'article',
  'duplicate-passage',
  'unlinked-passage',
  'linked-non-geographic',
]);

/**
 * RFC 7946 asks for these (winding, §3.1.6) or leaves them to the reader (rings that cross
 * themselves): a reader copes, so in a file opened to preview they are warnings. Story layers
 * must follow them (the map's fills and turf's areas rely on it): there they stay errors.
 */
const ADVISORY: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'wrong-winding',
  'self-intersection',
]);

export function tierOf(code: DiagnosticCode): Tier {
  return STORY.has(code) ? 'story' : 'geojson';
}

export interface Tiers {
  geojson: Diagnostic[];
  story: Diagnostic[];
}

export function splitTiers(list: readonly Diagnostic[]): Tiers {
  return {
    geojson: list.filter((d) => tierOf(d.code) === 'geojson'),
    story: list.filter((d) => tierOf(d.code) === 'story'),
  };
}

/** For a file opened to preview: the advisory RFC 7946 rules become warnings. */
export function forPreview(list: readonly Diagnostic[]): Tiers {
  const { geojson, story } = splitTiers(list);
  return {
    geojson: geojson.map((d) => (ADVISORY.has(d.code) ? { ...d, severity: 'warning' } : d)),
    story,
  };
}

/**
 * For a file in geo/: an advisory RFC 7946 rule broken is a GeoJSON warning (any reader copes)
 * and, apart, a story-layer error (the map's fills and turf's areas rely on it). Every other
 * finding keeps its tier and severity.
 */
export function forProject(list: readonly Diagnostic[]): Tiers {
  const { geojson, story } = splitTiers(list);
  const advisory = geojson.filter((d) => ADVISORY.has(d.code) && d.severity === 'error');
  return {
    geojson: geojson.map((d) => (ADVISORY.has(d.code) ? { ...d, severity: 'warning' } : d)),
    story: [
      ...story,
      ...advisory.map((d) => ({
        ...d,
        message: `${d.message} (a story layer must follow this RFC 7946 rule: the map's fills and turf's areas rely on it)`,
      })),
    ],
  };
}

/** schema/feature.schema.json's required properties, in its order. */
const ORDER = ['id', 'name', 'kind', 'passages', 'summary', 'sources'];

const REQUIRED = /^expected an? "([^"]+)" property, found none$/;
const FEATURE_PROPERTY = /^\/features\/(\d+)\/properties\/([^/]+)$/;

/**
 * What a file lacks to become a story layer, counted: "3 features lack "id"", "the layer lacks
 * "title"". Anything else the story tier found is counted as "other" so nothing is hidden.
 */
export function storyNeeds(story: readonly Diagnostic[], listed = true): string[] {
  const featureMissing = new Map<string, Set<string>>();
  const layerMissing: string[] = [];
  const notCollection = story.find(
    (d) => d.code === 'schema' && d.pointer === '/type' && /"FeatureCollection"/.test(d.message),
  );
  let other = 0;
  let wound = 0;
  let crossing = 0;
  for (const d of story) {
    if (d.code === 'wrong-winding') wound++;
    if (d.code === 'self-intersection') crossing++;
    if (ADVISORY.has(d.code)) continue;
    const required = d.code === 'schema' ? REQUIRED.exec(d.message) : null;
    const inFeature = required ? FEATURE_PROPERTY.exec(d.pointer) : null;
    if (required && inFeature) {
      const name = inFeature[2];
      featureMissing.set(name, (featureMissing.get(name) ?? new Set()).add(inFeature[1]));
    } else if (required && d.pointer === `/${required[1]}`) layerMissing.push(required[1]);
    else if (d !== notCollection) other++;
  }
  const needs: string[] = [];
  if (notCollection) needs.push('the file is not a FeatureCollection');
  if (layerMissing.length) {
    needs.push(`the layer lacks ${layerMissing.map((n) => `"${n}"`).join(', ')}`);
  }
  const order = (name: string) => (ORDER.indexOf(name) + ORDER.length + 1) % (ORDER.length + 1);
  const names = [...featureMissing.keys()].sort((a, b) => order(a) - order(b));
  for (const [name, features] of names.map((n) => [n, featureMissing.get(n)!] as const)) {
    const n = features.size;
    needs.push(`${plural(n, 'feature')} ${n === 1 ? 'lacks' : 'lack'} "${name}"`);
  }
  if (wound) needs.push(`${plural(wound, 'ring')} wound the wrong way (RFC 7946 §3.1.6)`);
  if (crossing)
    needs.push(`${plural(crossing, 'ring')} crossing ${crossing === 1 ? 'itself' : 'themselves'}`);
  if (other) needs.push(`${plural(other, 'other problem')}${listed ? ' (listed below)' : ''}`);
  return needs;
}
