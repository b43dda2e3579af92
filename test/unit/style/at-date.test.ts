import { featureFilter, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { standingQualifier, standingSentence } from '../../../src/geo/standing.ts';
import type { StoryFeature, StoryLayer } from '../../../src/geo/types.ts';
import { legendAt } from '../../../src/style/legend.ts';
import { filtersAt, storyLayers, styleFor, type DateView } from '../../../src/style/story.ts';
import { theme } from '../../../src/style/theme.ts';

/*
 * What the map fills, hatches and outlines at a date, read from the very filters and layers the
 * map applies (filtersAt + storyLayers), evaluated by MapLibre's own filter code. A former or a
 * frozen member drawn with the member fill fails here.
 */

const load = (name: string): StoryLayer =>
  JSON.parse(readFileSync(new URL(`../../../geo/${name}.geojson`, import.meta.url), 'utf8'));

const csto = load('csto');
const eaeu = load('eaeu');

/** MapLibre's feature shape for filter evaluation: 1 point, 2 line, 3 polygon. */
const asVector = (f: StoryFeature) => ({
  type: f.geometry.type.includes('Polygon') ? 3 : f.geometry.type.includes('Line') ? 2 : 1,
  properties: f.properties as unknown as Record<string, unknown>,
  id: f.properties.id,
});

/** ISO codes of the countries a map layer draws at the view. */
function drawnBy(layer: StoryLayer, part: string, view: DateView): string[] {
  const style = styleFor(layer.name);
  const id = `${layer.name}-${part}`;
  // The layer must exist in the style the map is given, with the paint the test assumes.
  const spec = storyLayers(style, theme).find((l) => l.id === id);
  expect(spec, id).toBeDefined();
  const filter = filtersAt(style, layer, view)[id] as FilterSpecification;
  const compiled = featureFilter(filter, `layers.${id}.filter`);
  return layer.features
    .filter((f) => compiled.filter({ zoom: 4 }, asVector(f) as never))
    .map((f) => f.properties.iso_a3 ?? f.properties.id)
    .sort();
}

function drawn(layer: StoryLayer, view: DateView) {
  return {
    member: drawnBy(layer, 'fill', view),
    frozen: drawnBy(layer, 'frozen', view),
    former: drawnBy(layer, 'former', view),
  };
}

const sorted = (s: string) => (s ? s.split(' ').sort() : []);
const TODAY: DateView = { date: '2026-11-30', year: false };
const year = (y: string): DateView => ({ date: y, year: true });

describe('the CSTO as the map draws it at a date', () => {
  const table: [DateView, string, string, string][] = [
    // view, drawn with the member fill, hatched (frozen), dashed outline (former)
    [TODAY, 'RUS BLR KAZ KGZ TJK', 'ARM', 'UZB AZE GEO'],
    [year('1997'), 'RUS ARM BLR KAZ KGZ TJK UZB AZE GEO', '', ''],
    [year('2001'), 'RUS ARM BLR KAZ KGZ TJK', '', 'UZB AZE GEO'],
    [year('2010'), 'RUS ARM BLR KAZ KGZ TJK UZB', '', 'AZE GEO'],
    [year('2013'), 'RUS ARM BLR KAZ KGZ TJK', '', 'UZB AZE GEO'],
    [year('2014'), 'RUS ARM BLR KAZ KGZ TJK', '', 'UZB AZE GEO'],
    [year('2016'), 'RUS ARM BLR KAZ KGZ TJK', '', 'UZB AZE GEO'],
    [year('2024'), 'RUS BLR KAZ KGZ TJK', 'ARM', 'UZB AZE GEO'],
  ];
  it.each(table)('%o: members %s, frozen %s, former %s', (view, member, frozen, former) => {
    expect(drawn(csto, view)).toEqual({
      member: sorted(member),
      frozen: sorted(frozen),
      former: sorted(former),
    });
  });

  it('outlines members and frozen members solidly, never a former one', () => {
    expect(drawnBy(csto, 'outline', TODAY)).toEqual(sorted('RUS BLR KAZ KGZ TJK ARM'));
  });

  it('gives each look its own legend row, only for what is drawn', () => {
    const labels = (view: DateView) =>
      legendAt(styleFor('csto'), csto, view)
        .filter((i) => i.kind === 'area')
        .map((i) => `${i.kind === 'area' ? i.look : ''}: ${i.label}`);
    expect(labels(TODAY)).toEqual([
      'fill: CSTO member',
      'hatch: CSTO participation frozen',
      'dashed: former CSTO member or treaty party',
    ]);
    expect(labels(year('1997'))).toEqual([
      'fill: party to the Collective Security Treaty (before the CSTO, 2002)',
    ]);
    expect(labels(year('2010'))).toEqual([
      'fill: CSTO member',
      'dashed: former CSTO member or treaty party',
    ]);
  });

  it('words the standings as the list, the chips and the card show them', () => {
    const f = (iso: string) => csto.features.find((x) => x.properties.iso_a3 === iso)!;
    expect(standingQualifier(f('UZB'), TODAY.date)).toBe('former member (1994–1999, 2006–2012)');
    expect(standingQualifier(f('ARM'), TODAY.date)).toBe('participation frozen since 22 Feb 2024');
    expect(standingQualifier(f('AZE'), TODAY.date)).toBe('former treaty party (1994–1999)');
    expect(standingQualifier(f('TJK'), TODAY.date)).toBeNull();
    expect(standingQualifier(f('UZB'), '2003')).toBe('former treaty party (1994–1999)');
    expect(standingQualifier(f('UZB'), '1997')).toBe('treaty party since 20 Apr 1994');
    expect(standingSentence(f('TJK'), 'CSTO', TODAY.date)).toBe('CSTO member since 7 Oct 2002');
    expect(standingSentence(f('UZB'), 'CSTO', TODAY.date)).toBe(
      'Former member (1994–1999, 2006–2012) of the CSTO',
    );
  });
});

describe('the Eurasian Economic Union as the map draws it at a date', () => {
  const none = { member: [], frozen: [], former: [] };
  it.each(['1997', '2001', '2010', '2013', '2014'])('%s: no union yet, nothing drawn', (y) => {
    expect(drawn(eaeu, year(y))).toEqual(none);
    expect(legendAt(styleFor('eaeu'), eaeu, year(y)).filter((i) => i.kind === 'area')).toEqual([]);
  });
  it.each([TODAY, year('2016')])('%o: the five members', (view) => {
    expect(drawn(eaeu, view)).toEqual({ ...none, member: sorted('RUS BLR KAZ ARM KGZ') });
  });
  it('2015: Kyrgyzstan joined during the year, so the year shows it in', () => {
    expect(drawn(eaeu, year('2015')).member).toContain('KGZ');
  });
  it('a country that joins later is listed as not yet a member', () => {
    const kgz = eaeu.features.find((x) => x.properties.iso_a3 === 'KGZ')!;
    expect(standingQualifier(kgz, '2014')).toMatch(/^not yet a member \(joins .*2015\)$/);
  });
});

describe('route sections by their status at the date', () => {
  const uap = load('uap-railway');
  const ids = (part: string, view: DateView) => {
    const id = `uap-railway-${part}`;
    const filter = filtersAt(styleFor('uap-railway'), uap, view)[id] as FilterSpecification;
    const compiled = featureFilter(filter, `layers.${id}.filter`);
    return uap.features
      .filter((f) => compiled.filter({ zoom: 4 }, asVector(f) as never))
      .map((f) => f.properties.id);
  };
  it('draws the 2021 concept as a live plan in 2022 and as superseded after July 2023', () => {
    expect(ids('line-concept', year('2022')).length).toBeGreaterThan(0);
    expect(ids('line-superseded', year('2022'))).toEqual([]);
    expect(ids('line-concept', TODAY)).toEqual([]);
    expect(ids('line-superseded', TODAY).every((id) => id.startsWith('uap-2021-'))).toBe(true);
    expect(ids('line-superseded', TODAY).length).toBeGreaterThan(0);
    expect(ids('line-concept', year('2025'))).toEqual([]);
  });
  it('draws the Friendship Bridge section from 1982 and Hairatan–Naibabad from 2010–2011', () => {
    expect(ids('line-built', year('1990'))).toEqual(['uap-termez-hairatan']);
    expect(ids('line-built', year('2012')).sort()).toEqual(
      ['uap-hairatan-naibabad', 'uap-termez-hairatan'].sort(),
    );
  });
  it('names in the legend only the statuses drawn at the date', () => {
    const labels = (view: DateView) =>
      legendAt(styleFor('uap-railway'), uap, view)
        .filter((i) => i.kind === 'line')
        .map((i) => i.label);
    expect(labels(TODAY)).toContain('built');
    expect(labels(TODAY)).toContain('2021 concept, superseded in July 2023');
    expect(labels(TODAY)).not.toContain('2021 concept');
    expect(labels(year('1990'))).toEqual(['built']);
  });
});

describe('the legend agrees with what is drawn', () => {
  it('shows events as rings, places as dots, and no kind of leg no route has', () => {
    const places = load('places');
    const items = legendAt(styleFor('places'), places, TODAY).filter((i) => i.kind === 'point');
    expect(items.map((i) => [i.label, i.kind === 'point' && !!i.hollow])).toEqual([
      ['place', false],
      ['event (a ring at its place)', true],
    ]);
    const lapis = load('lapis-lazuli-corridor');
    const legs = legendAt(styleFor('lapis-lazuli-corridor'), lapis, TODAY).map((i) => i.label);
    expect(legs).toEqual(expect.arrayContaining(['by rail', 'by road', 'by ferry']));
    expect(legs).not.toContain('by sea');
  });
});
