import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  copyId,
  growStory,
  readStory,
  storyFiles,
  type FeatureJson,
  type StoryJson,
} from '../../bench/grow.ts';
import { loadProject } from '../../scripts/validate/cli.ts';
import { validateProject } from '../../src/validate/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

const features = (story: StoryJson) => Object.values(story.layers).flatMap((l) => l.features);
const nonCountries = (story: StoryJson) =>
  features(story).filter((f) => f.properties.kind !== 'country');
const countries = (story: StoryJson) =>
  features(story).filter((f) => f.properties.kind === 'country');

function positions(geometry: unknown): number[][] {
  const out: number[][] = [];
  const walk = (c: unknown) => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') out.push(c as number[]);
    else c.forEach(walk);
  };
  const g = geometry as { coordinates?: unknown; geometries?: unknown[] } | null;
  walk(g?.coordinates);
  for (const x of g?.geometries ?? []) out.push(...positions(x));
  return out;
}

describe('bench/grow.ts: the story ten times larger', () => {
  const real = readStory(root);
  const grown = growStory(real, 10);

  it('has ten times the passages, the copies after the originals', () => {
    const n = real.article.passages.length;
    expect(n).toBeGreaterThan(0);
    expect(grown.article.passages).toHaveLength(10 * n);
    expect(grown.article.passages.slice(0, n)).toEqual(real.article.passages);
    const p = real.article.passages[3];
    const copy = grown.article.passages.find((x) => x.id === copyId(p.id, 3));
    expect(copy).toEqual({ ...p, id: `${p.id}-x3` });
    expect(grown.article.title).toBe(real.article.title);
  });

  it('has ten times the features other than country outlines, and each outline once', () => {
    expect(nonCountries(grown)).toHaveLength(10 * nonCountries(real).length);
    // Each outline once, linking the copies of its passages too.
    expect(countries(grown).map((f) => f.properties.id)).toEqual(
      countries(real).map((f) => f.properties.id),
    );
    const strip = (f: FeatureJson) => ({ ...f, properties: { ...f.properties, passages: [] } });
    expect(countries(grown).map(strip)).toEqual(countries(real).map(strip));
    const russia = countries(grown).find((f) => f.properties.id === 'russia');
    const linked = countries(real).find((f) => f.properties.id === 'russia')?.properties
      .passages as string[];
    expect(russia?.properties.passages).toEqual([
      ...linked,
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((k) => linked.map((p) => `${p}-x${k}`)),
    ]);
    expect(Object.keys(grown.layers)).toEqual(Object.keys(real.layers));
  });

  it('gives every feature and passage its own id, and every feature its own names', () => {
    const ids = features(grown).map((f) => f.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
    const passageIds = grown.article.passages.map((p) => p.id);
    expect(new Set(passageIds).size).toBe(passageIds.length);
    const names = features(grown).flatMap((f) => [
      f.properties.name,
      ...((f.properties.aliases as string[] | undefined) ?? []),
    ]);
    const copyNames = names.filter((n) => / \(copy \d\)$/.test(n));
    expect(new Set(copyNames).size).toBe(copyNames.length);
    expect(copyNames.some((n) => new Set(names.filter((m) => m === n)).size > 1)).toBe(false);
  });

  it('resolves every passage reference, and a copy refers to its own passages and nodes', () => {
    const passages = new Set(grown.article.passages.map((p) => p.id));
    const ids = new Set(features(grown).map((f) => f.properties.id));
    for (const f of features(grown)) {
      for (const p of (f.properties.passages as string[]) ?? []) expect(passages).toContain(p);
      for (const end of ['from', 'to'] as const) {
        const node = f.properties[end];
        if (typeof node === 'string') expect(ids).toContain(node);
      }
    }
    const kabul = features(grown).find((f) => f.properties.id === 'kabul-x3');
    const original = features(real).find((f) => f.properties.id === 'kabul');
    expect(kabul?.properties.name).toBe(`${original?.properties.name} (copy 3)`);
    expect(kabul?.properties.passages).toEqual(
      (original?.properties.passages as string[]).map((p) => `${p}-x3`),
    );
    const section = features(grown).find((f) => f.properties.id === 'uap-2021-mazar-kabul-x3');
    expect(section?.properties).toMatchObject({
      from: 'mazar-i-sharif-x3',
      to: 'kabul-x3',
      route: 'uap-2021-x3',
    });
  });

  it('shifts each copy a little and keeps it in the region', () => {
    const [lon, lat] = positions(
      features(real).find((f) => f.properties.id === 'kabul')?.geometry,
    )[0];
    const [lon3, lat3] = positions(
      features(grown).find((f) => f.properties.id === 'kabul-x3')?.geometry,
    )[0];
    expect(lon3 - lon).toBeCloseTo(0.21, 6);
    expect(lat3 - lat).toBeCloseTo(0.15, 6);
    for (const f of nonCountries(grown))
      for (const [x, y] of positions(f.geometry)) {
        expect(x).toBeGreaterThanOrEqual(20);
        expect(x).toBeLessThanOrEqual(100);
        expect(y).toBeGreaterThanOrEqual(20);
        expect(y).toBeLessThanOrEqual(60);
      }
  });

  it('passes the project validator with no errors', () => {
    const { files, problems } = loadProject(root);
    expect(problems).toEqual([]);
    const replaced = new Map(storyFiles(grown).map((f) => [f.path, f.text]));
    const grownFiles = files.map((f) => ({ ...f, text: replaced.get(f.path) ?? f.text }));
    expect(grownFiles.filter((f) => replaced.has(f.path))).toHaveLength(replaced.size);
    const result = validateProject(grownFiles);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.stats.passages).toBe(10 * real.article.passages.length);
    expect(result.stats.features).toBe(features(grown).length);
  });

  it('is pure: the real story is left as it was', () => {
    expect(readStory(root)).toEqual(real);
  });

  it('with factor 1 is the real story', () => {
    expect(growStory(real, 1)).toEqual(real);
  });
});
