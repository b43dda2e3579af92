import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import schema from '../../../schema/feature.schema.json';
import {
  applyEdit,
  editableGeometry,
  editedLayerText,
  firstWords,
  formFields,
  fromForm,
  roundGeometry,
  toForm,
} from '../../../src/edit/edit.ts';
import { parseLayer } from '../../../src/app/load.ts';
import type { StoryLayer } from '../../../src/geo/types.ts';

const ROOT = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');
const load = (name: string): { text: string; layer: StoryLayer } => {
  const text = read(`geo/${name}.geojson`);
  const r = parseLayer(`geo/${name}.geojson`, text);
  if (!r.ok) throw new Error(r.problem.message);
  return { text, layer: r.layer };
};

describe('form fields from the schema', () => {
  const fields = formFields();
  const kind = (key: string) => fields.find((f) => f.key === key)?.kind;

  it('has one field per schema property, in the schema order', () => {
    expect(fields.map((f) => f.key)).toEqual(Object.keys(schema.properties));
  });
  it('chooses an input for each type', () => {
    expect(kind('id')).toBe('readonly');
    expect(kind('name')).toBe('text');
    expect(kind('summary')).toBe('textarea');
    expect(kind('kind')).toBe('select');
    expect(kind('status')).toBe('select');
    expect(kind('mode')).toBe('select');
    expect(kind('after_article')).toBe('checkbox');
    expect(kind('aliases')).toBe('list');
    expect(kind('passages')).toBe('passages');
    expect(kind('sources')).toBe('json');
    expect(kind('start')).toBe('text');
    expect(fields.find((f) => f.key === 'kind')?.options).toContain('capital');
    expect(fields.filter((f) => f.required).map((f) => f.key)).toEqual(schema.required);
  });
});

describe('editing a copy of a layer', () => {
  it('round-trips: an unchanged form gives back the committed file, byte for byte', () => {
    for (const file of readdirSync(new URL('geo/', ROOT)).filter((f) => f.endsWith('.geojson'))) {
      const { text, layer } = load(file.replace(/\.geojson$/, ''));
      for (const f of layer.features) {
        const { props, problems } = fromForm(toForm(f.properties), f.properties);
        expect(problems).toEqual([]);
        expect(editedLayerText(layer, f.properties.id, props, f.geometry)).toBe(text);
      }
    }
  });

  it('changes only the edited feature, and never the layer it was given', () => {
    const { text, layer } = load('afghanistan');
    const kabul = layer.features.find((f) => f.properties.id === 'kabul')!;
    const before = JSON.stringify(layer);
    const values = toForm(kabul.properties);
    values.summary = 'A new summary of Kabul, long enough for the schema.';
    values.aliases = ['Kabol', '  '];
    values.location_note = '';
    const { props } = fromForm(values, kabul.properties);
    expect(props.summary).toBe('A new summary of Kabul, long enough for the schema.');
    expect(props.aliases).toEqual(['Kabol']);
    expect('location_note' in props).toBe(false);
    const moved = { type: 'Point' as const, coordinates: [69.2, 34.6] };
    const edited = applyEdit(layer, 'kabul', props, moved);
    expect(JSON.stringify(layer)).toBe(before);
    expect(edited.features.find((f) => f.properties.id === 'kabul')!.geometry).toEqual(moved);
    const out = editedLayerText(layer, 'kabul', props, moved).split('\n');
    const orig = text.split('\n');
    expect(out.filter((l) => !orig.includes(l)).length).toBeGreaterThan(0);
    expect(out.length).toBe(orig.length + 3); // the aliases array: 3 lines
  });

  it('keeps an emptied required field for the validator to report, and reports bad JSON', () => {
    const { layer } = load('afghanistan');
    const f = layer.features[0];
    const values = { ...toForm(f.properties), summary: '', sources: '[{' };
    const { props, problems } = fromForm(values, f.properties);
    expect(props.summary).toBe('');
    expect(props.sources).toEqual(f.properties.sources);
    expect(problems.map((p) => p.key)).toEqual(['sources']);
  });

  it('refuses an unknown feature', () => {
    const { layer } = load('afghanistan');
    expect(() =>
      applyEdit(layer, 'nowhere', layer.features[0].properties, layer.features[0].geometry),
    ).toThrow(/nowhere/);
  });
});

describe('geometry helpers', () => {
  it('edits points, lines and polygons, not multipolygons', () => {
    expect(editableGeometry({ type: 'Point', coordinates: [0, 0] })).toBe(true);
    expect(
      editableGeometry({
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      }),
    ).toBe(true);
    expect(editableGeometry({ type: 'MultiPolygon', coordinates: [] })).toBe(false);
  });
  it('rounds to 6 decimals', () => {
    expect(roundGeometry({ type: 'LineString', coordinates: [[1.123456789, 2.0000004]] })).toEqual({
      type: 'LineString',
      coordinates: [[1.123457, 2]],
    });
  });
  it('shortens a passage to its first words', () => {
    expect(firstWords('one two three', 8)).toBe('one two three');
    expect(firstWords('a b c d e f g h i j', 3)).toBe('a b c…');
  });
});
