import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StoryLayer } from '../../../src/geo/types.ts';
import { chipsOf, compileModel, entitiesOf, resolve } from '../../../src/model/entities.ts';
import { styleFor } from '../../../src/style/story.ts';

const dir = new URL('../../../geo/', import.meta.url);
const layers: StoryLayer[] = readdirSync(dir)
  .filter((f) => f.endsWith('.geojson'))
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
const article = JSON.parse(
  readFileSync(new URL('../../../story/article.json', import.meta.url), 'utf8'),
) as { passages: { id: string }[] };
const model = compileModel(
  layers,
  (l) => styleFor(l).role,
  article.passages.map((p) => p.id),
);

describe('the entity model', () => {
  it('makes one country of every feature that draws it, whatever its layers', () => {
    const isos = layers.flatMap((l) =>
      l.features.filter((f) => f.properties.kind === 'country').map((f) => f.properties.iso_a3),
    );
    const countries = [...model.entities.values()].filter((e) => e.kind === 'country');
    expect(countries.map((c) => c.iso).sort()).toEqual([...new Set(isos)].sort());
    const kaz = resolve(model, 'csto-kaz')!;
    expect(kaz.id).toBe('kazakhstan');
    expect(resolve(model, 'eaeu-kaz')).toBe(kaz);
    expect(kaz.features.sort()).toEqual(['csto-kaz', 'eaeu-kaz', 'kazakhstan'].sort());
    expect(kaz.memberships.map((m) => m.bloc).sort()).toEqual(['csto', 'eaeu']);
    expect(kaz.primary).toBe('kazakhstan');
  });

  it('names a country known only through blocs after itself', () => {
    const arm = resolve(model, 'csto-arm')!;
    expect(arm.id).toBe('armenia');
    expect(arm.memberships.map((m) => m.bloc).sort()).toEqual(['csto', 'eaeu']);
    expect(resolve(model, 'csto-aze')?.id).toBe('azerbaijan');
  });

  it('gives passages as a union in article order', () => {
    const order = article.passages.map((p) => p.id);
    for (const e of model.entities.values()) {
      const idx = e.passages.map((p) => order.indexOf(p));
      expect(idx, e.id).toEqual([...idx].sort((a, b) => a - b));
      expect(new Set(e.passages).size, e.id).toBe(e.passages.length);
    }
    expect(resolve(model, 'russia')!.passages).toContain('p13');
  });

  it('makes the blocs and routes things of their own, with members, sections and nodes', () => {
    const csto = model.entities.get('csto')!;
    expect(csto.kind).toBe('bloc');
    expect(csto.aliases).toEqual(
      expect.arrayContaining(['CSTO', 'Collective Security Treaty Organization']),
    );
    expect(csto.parts).toEqual(expect.arrayContaining(['russia', 'armenia', 'uzbekistan']));
    const uap = model.entities.get('uap-railway')!;
    expect(uap.kind).toBe('route');
    expect(uap.parts).toContain('uap-termez-hairatan');
    expect(uap.nodes).toEqual(expect.arrayContaining(['termez', 'hairatan', 'naibabad']));
    expect(resolve(model, 'termez')!.partOf).toBe('uap-railway');
    expect(model.entities.get('lapis-lazuli-corridor')!.aliases).toContain(
      'Lapis-Lazuli trade corridor',
    );
  });

  it('gives the CSTO passage one chip per thing: the blocs, never Russia three times', () => {
    const chips = chipsOf(model, 'p13').map((e) => e.id);
    expect(new Set(chips).size).toBe(chips.length);
    expect(chips).toEqual(expect.arrayContaining(['csto', 'eaeu']));
    expect(chips.filter((c) => c === 'russia').length).toBeLessThanOrEqual(1);
    expect(chips).not.toContain('kazakhstan');
    const p10 = chipsOf(model, 'p10').map((e) => e.id);
    expect(p10).toEqual(expect.arrayContaining(['uap-railway', 'lapis-lazuli-corridor']));
    expect(p10).not.toContain('termez');
    expect(p10).not.toContain('uap-termez-hairatan');
    expect(entitiesOf(model, 'p10').map((e) => e.id)).toContain('termez');
  });

  it('ships no entity twice and resolves every feature', () => {
    expect(new Set(model.order).size).toBe(model.order.length);
    for (const l of layers)
      for (const f of l.features)
        expect(resolve(model, f.properties.id), f.properties.id).toBeDefined();
  });
});
