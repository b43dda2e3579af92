/**
 * "Download the data": the story layers as the files in geo/ (GeoJSON, in a zip with a README
 * naming the sources and licences) and as one KML file for Google Earth. fflate makes the zip
 * and @placemarkio/tokml the KML. Membership dates and passage ids are kept as properties, flat,
 * since KML's ExtendedData holds plain values.
 */
import { toKML } from '@placemarkio/tokml';
import { strToU8, zipSync } from 'fflate';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { formatLayer } from '../geo/format.ts';
import type { StoryLayer, StoryProps } from '../geo/types.ts';

/** A layer's file exactly as in geo/ (the app restored its outlines; the canonical format). */
export function layerFile(layer: StoryLayer): string {
  return formatLayer(layer);
}

const range = (start?: string, end?: string) =>
  start || end ? `${start ?? ''}–${end ?? ''}` : undefined;

/** Flat properties for KML: names, ids, dates, statuses, passage ids, sources. */
export function flatProperties(layer: StoryLayer, p: StoryProps): Record<string, string> {
  const out: Record<string, string | undefined> = {
    name: p.name,
    id: p.id,
    layer: layer.title,
    kind: p.kind,
    summary: p.summary,
    passages: p.passages.join(', '),
    status: p.status,
    dates: range(p.start, p.end),
    periods: p.periods?.map((x) => `${x.status} ${range(x.start, x.end)}`).join('; '),
    aliases: p.aliases?.join(', '),
    iso_a3: p.iso_a3,
    route: p.route,
    mode: p.mode,
    after_article: p.after_article ? 'after the article (April 2024)' : undefined,
    location_note: p.location_note,
    sources: p.sources.map((s) => (s.url ? `${s.title} <${s.url}>` : s.title)).join('; '),
  };
  return Object.fromEntries(Object.entries(out).filter((e): e is [string, string] => !!e[1]));
}

/** Every feature of every layer as one KML document, a placemark each. */
export function storyKml(layers: readonly StoryLayer[]): string {
  const features: Feature<Geometry | null>[] = layers.flatMap((layer) =>
    layer.features.map((f) => ({
      type: 'Feature' as const,
      geometry: f.geometry,
      properties: flatProperties(layer, f.properties),
    })),
  );
  return toKML({ type: 'FeatureCollection', features } as FeatureCollection<Geometry | null>);
}

/** The README of the zip: what is in it and whose it is. */
export function readme(layers: readonly StoryLayer[], written: string): string {
  const sources = new Map<string, string>();
  for (const l of layers)
    for (const f of l.features)
      for (const s of f.properties.sources)
        sources.set(
          `${s.title}|${s.url ?? ''}`,
          s.url ? `- ${s.title} — ${s.url}` : `- ${s.title}`,
        );
  return [
    'Russia, the Taliban and the terrorist list: the map data',
    '',
    'geo/*.geojson  the story layers, RFC 7946 GeoJSON, one file per layer, as in the project',
    'story.kml      every feature as a KML placemark, for Google Earth',
    '',
    'Each feature has an id, a name, a kind, a summary, the ids of the article passages that speak',
    `of it (the article, written about ${written}, is by Intigam Mamedov, first published by The`,
    'Conversation under CC BY-ND 4.0: https://creativecommons.org/licenses/by-nd/4.0/), dates and',
    'statuses where they matter, and its sources. Anything after the article is marked after_article.',
    '',
    "Licences: country outlines from Natural Earth (public domain), with Natural Earth's default",
    'boundaries (Crimea is drawn inside Russia; no endorsement of any claim). The layers are the',
    "project's work under the MIT licence. The facts come from these sources:",
    '',
    ...[...sources.values()].sort(),
    '',
  ].join('\n');
}

/** The zip: every layer's file, the KML and the README. */
export function dataZip(layers: readonly StoryLayer[], written: string): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'README.txt': strToU8(readme(layers, written)),
    'story.kml': strToU8(storyKml(layers)),
  };
  for (const l of layers) files[`geo/${l.name}.geojson`] = strToU8(layerFile(l));
  return zipSync(files, { level: 6 });
}
