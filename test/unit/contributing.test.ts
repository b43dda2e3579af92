import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatLayer } from '../../src/geo/format.ts';
import { validateProject, type ProjectFile } from '../../src/validate/index.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/** The project's data files as `npm run validate` reads them. */
function projectFiles(): ProjectFile[] {
  const layers = readdirSync(new URL('geo/', root)).filter((f) => f.endsWith('.geojson'));
  return [
    { path: 'story/article.json', text: read('story/article.json') },
    { path: 'geo/basemap/countries.geojson', text: read('geo/basemap/countries.geojson') },
    ...layers.map((f) => ({ path: `geo/${f}`, text: read(`geo/${f}`) })),
  ];
}

describe('CONTRIBUTING.md worked example', () => {
  const doc = read('CONTRIBUTING.md');
  const block = doc.split('<!-- worked-example -->')[1]?.match(/```json\n([\s\S]*?)```/)?.[1];

  it('is in the guide', () => {
    expect(block).toBeTruthy();
  });

  it('validates against the real data once added to places.geojson, and links p17', () => {
    const feature = JSON.parse(block!.replace(/^ {3}/gm, ''));
    const files = projectFiles();
    const places = files.find((f) => f.path === 'geo/places.geojson')!;
    const layer = JSON.parse(places.text);
    layer.features.push(feature);
    places.text = formatLayer(layer);
    const result = validateProject(files);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const p17 = result.coverage.find((c) => c.passage === 'p17');
    expect(JSON.stringify(p17)).toContain('persian-gulf');
  });
});
