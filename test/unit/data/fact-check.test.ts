/**
 * The corrections of an outside fact-check, held in place: each assertion names a statement a
 * teacher would otherwise have to correct in front of a class. Read from the files a contributor
 * edits (geo/, story/) and the credits the app and its exports print.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StoryFeature, StoryLayer } from '../../../src/geo/types.ts';
import { CREDITS } from '../../../src/map/export.ts';

const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const layers = readdirSync('geo')
  .filter((f) => f.endsWith('.geojson'))
  .map((f) => read<StoryLayer>(`geo/${f}`));
const features: StoryFeature[] = layers.flatMap((l) => l.features);
const feature = (id: string) => {
  const f = features.find((x) => x.properties.id === id);
  expect(f, id).toBeDefined();
  return f!;
};
const events =
  read<{ id: string; sources: { url?: string; title: string }[] }[]>('story/events.json');
const tour = read<{ steps: { id: string; caption: string; features: string[] }[] }>(
  'story/tour.json',
);
const basemapNames = read<GeoJSON.FeatureCollection>('geo/basemap/labels.geojson').features.map(
  (f) => String(f.properties?.name),
);

describe('the fact-check’s corrections stay made', () => {
  it('links Kabul and Turkmenistan to the passage on the routes that cross them (p10)', () => {
    expect(feature('kabul').properties.passages).toContain('p10');
    expect(feature('turkmenistan').properties.passages).toContain('p10');
  });

  it('does not cite the passage on the alliances for Uzbekistan, which it does not name', () => {
    expect(feature('csto-uzb').properties.passages ?? []).not.toContain('p13');
  });

  it('gives the Valdai remarks their kremlin.ru address', () => {
    const valdai = events.find((e) => /valdai/i.test(e.id));
    expect(valdai).toBeDefined();
    expect(valdai!.sources.map((s) => s.url)).toContainEqual(
      expect.stringMatching(/^https?:\/\/en\.kremlin\.ru\/events\/president\/news\/\d+$/),
    );
  });

  it('names the sanctions decree in the tour step about the 1999 sanctions', () => {
    const step = tour.steps.find((s) => s.caption.includes('1999'));
    expect(step).toBeDefined();
    expect(step!.features).toContain('sanctions-decree');
  });

  it('spells Türkiye and North Macedonia one way in labels, captions, names and summaries', () => {
    const texts = [
      ...basemapNames,
      ...tour.steps.map((s) => s.caption),
      ...features.flatMap((f) => [f.properties.name, f.properties.summary ?? '']),
    ];
    // "Turkey" survives only in source titles and addresses (e.g. a Wikipedia article's name).
    expect(texts.filter((t) => /\bTurkey\b/.test(t))).toEqual([]);
    expect(texts.filter((t) => /\bMacedonia\b/.test(t) && !/North Macedonia/.test(t))).toEqual([]);
    expect(basemapNames).toEqual(expect.arrayContaining(['Türkiye', 'North Macedonia']));
  });

  it('says which boundaries are drawn, and where the story’s shapes include disputed ground', () => {
    expect(CREDITS).toMatch(/Natural Earth.*default boundaries/);
    expect(CREDITS).toMatch(/Crimea/);
    expect(CREDITS).not.toMatch(/de facto/i);
    for (const id of ['csto-rus', 'eaeu-rus']) {
      expect(feature(id).properties.location_note, id).toMatch(/Crimea/);
    }
  });
});
