/**
 * Any opened GeoJSON file made into a story layer: a draft the contributor completes (the
 * layer's name, title and kind; per feature an id suggested from its name, a kind, a summary,
 * passages and a source), written exactly as geo/*.geojson files are. Pure and light (no turf,
 * no validator): the page loads it with the preview.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { formatLayer, PROPERTY_KEYS } from '../geo/format.ts';
import { roundGeometry } from '../edit/edit.ts';

export interface FeatureDraft {
  id: string;
  name: string;
  kind: string;
  summary: string;
  passages: string[];
  sourceTitle: string;
  sourceUrl: string;
  /** Schema properties the file already had (start, end, iso_a3…), kept as they are. */
  kept: Record<string, unknown>;
  /** Properties the schema does not know (stroke, fill, OBJECTID…): left out of the layer. */
  dropped: string[];
  geometry: Geometry | null;
}

export interface LayerDraft {
  name: string;
  title: string;
  description: string;
  /** The kind given to every feature that has none of its own. */
  kind: string;
  features: FeatureDraft[];
}

/** An id as the schema wants it: lowercase ASCII words and digits joined by hyphens. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** `base`, or base-2, base-3… when it is taken. */
export function unique(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const OWN = new Set(['id', 'name', 'kind', 'passages', 'summary', 'sources']);
const KNOWN = new Set<string>(PROPERTY_KEYS);

/** A draft from the opened file; `taken` holds the ids already in the story. */
export function draftFrom(
  fileName: string,
  fc: FeatureCollection,
  taken: ReadonlySet<string> = new Set(),
): LayerDraft {
  const base = fileName.replace(/\.(geo)?json$/i, '');
  const name = slug(base) || 'new-layer';
  const used = new Set(taken);
  const features = fc.features.map((f, i) => {
    const p: Record<string, unknown> = f.properties ?? {};
    const label = text(p.name) || text(p.title) || text(p.NAME) || text(f.id) || '';
    const id = unique(slug(text(p.id)) || slug(label) || `${name}-${i + 1}`, used);
    used.add(id);
    const sources = Array.isArray(p.sources) ? (p.sources as Record<string, unknown>[]) : [];
    const kept = Object.fromEntries(Object.entries(p).filter(([k]) => KNOWN.has(k) && !OWN.has(k)));
    return {
      id,
      name: label || `${base} ${i + 1}`,
      kind: text(p.kind),
      summary: text(p.summary) || text(p.description),
      passages: Array.isArray(p.passages) ? p.passages.filter((x) => typeof x === 'string') : [],
      sourceTitle: text(sources[0]?.title),
      sourceUrl: text(sources[0]?.url),
      kept,
      dropped: Object.keys(p).filter((k) => !KNOWN.has(k)),
      geometry: f.geometry ?? null,
    };
  });
  const title = text((fc as { title?: unknown }).title) || base;
  return { name, title, description: '', kind: '', features };
}

/** Rings as RFC 7946 and the validator want them: exteriors counterclockwise, holes clockwise. */
export function rewound(g: Geometry | null): Geometry | null {
  if (!g) return g;
  const area = (ring: Position[]) =>
    ring.reduce((sum, p, i) => {
      const q = ring[(i + 1) % ring.length];
      return sum + p[0] * q[1] - q[0] * p[1];
    }, 0);
  const polygon = (rings: Position[][]) =>
    rings.map((r, i) => ((i === 0 ? area(r) < 0 : area(r) > 0) ? [...r].reverse() : r));
  if (g.type === 'Polygon') return { ...g, coordinates: polygon(g.coordinates) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map(polygon) };
  if (g.type === 'GeometryCollection') {
    return { ...g, geometries: g.geometries.map((m) => rewound(m) as Geometry) };
  }
  return g;
}

/** The layer as a FeatureCollection, properties in the schema's order (formatLayer sorts). */
export function layerOf(d: LayerDraft, passageOrder: readonly string[] = []): FeatureCollection {
  const order = (ids: string[]) =>
    [...ids].sort((a, b) => passageOrder.indexOf(a) - passageOrder.indexOf(b));
  const features: Feature[] = d.features.map((f) => {
    const source: Record<string, string> = { title: f.sourceTitle.trim() };
    if (f.sourceUrl.trim()) source.url = f.sourceUrl.trim();
    const geometry = rewound(f.geometry);
    return {
      type: 'Feature',
      properties: {
        ...f.kept,
        id: f.id.trim(),
        name: f.name.trim(),
        kind: f.kind || d.kind,
        passages: order(f.passages),
        summary: f.summary.trim(),
        sources: f.sourceTitle.trim() || f.sourceUrl.trim() ? [source] : [],
      },
      geometry: geometry ? roundGeometry(geometry) : (null as never),
    };
  });
  return {
    type: 'FeatureCollection',
    name: d.name,
    title: d.title.trim(),
    ...(d.description.trim() ? { description: d.description.trim() } : {}),
    features,
  } as FeatureCollection;
}

/** geo/NAME.geojson, written like the committed files. */
export function layerText(d: LayerDraft, passageOrder: readonly string[] = []): string {
  return formatLayer(layerOf(d, passageOrder));
}
