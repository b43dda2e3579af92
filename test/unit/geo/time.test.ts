/** src/geo/time.ts against the real layers and story/events.json, and partial dates on their own. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compareDates,
  dateSpan,
  eventsBetween,
  eventsIn,
  existsAt,
  firstDay,
  isBuiltOrAgreedAt,
  isMemberAt,
  isValidDate,
  lastDay,
  listNames,
  parseDate,
  periodsOf,
  PRESENT,
  shortTitle,
  spansOverlap,
  statusAt,
  timelineEvents,
  todayIso,
  yearOf,
  yearsWithEvents,
  type StoryEvent,
} from '../../../src/geo/time.ts';
import type { StoryFeature, StoryLayer, StoryProps } from '../../../src/geo/types.ts';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const layers: StoryLayer[] = readdirSync(new URL('geo/', root))
  .filter((name) => name.endsWith('.geojson'))
  .sort()
  .map((name) => JSON.parse(read(`geo/${name}`)));
const events: StoryEvent[] = JSON.parse(read('story/events.json'));
const passageIds = new Set<string>(
  JSON.parse(read('story/article.json')).passages.map((p: { id: string }) => p.id),
);

const all = layers.flatMap((l) => l.features);
const feature = (id: string): StoryFeature => {
  const f = all.find((x) => x.properties.id === id);
  if (!f) throw new Error(`${id} is missing`);
  return f;
};
const layer = (name: string) => {
  const l = layers.find((x) => x.name === name);
  if (!l) throw new Error(`layer ${name} is missing`);
  return l;
};
const members = (name: string, date: string) =>
  layer(name)
    .features.filter((f) => isMemberAt(f, date))
    .map((f) => f.properties.name)
    .sort();

/** A feature made up for a test: only the properties time.ts reads matter. */
const made = (props: Partial<StoryProps>): StoryProps => ({
  id: 'test',
  name: 'Test',
  kind: 'country',
  passages: ['p01'],
  summary: 'A feature made up for a unit test.',
  sources: [{ title: 'test' }],
  ...props,
});

describe('partial dates', () => {
  it('reads a year as 1 January to 31 December, a month as its first to its last day', () => {
    expect([firstDay('2015'), lastDay('2015')]).toEqual(['2015-01-01', '2015-12-31']);
    expect([firstDay('2015-08'), lastDay('2015-08')]).toEqual(['2015-08-01', '2015-08-31']);
    expect([firstDay('2015-08-12'), lastDay('2015-08-12')]).toEqual(['2015-08-12', '2015-08-12']);
    expect(dateSpan('1979-12', '1989-02')).toEqual({ first: '1979-12-01', last: '1989-02-28' });
  });

  it('knows February: leap years, centuries and the 400-year rule', () => {
    expect(lastDay('2024-02')).toBe('2024-02-29');
    expect(lastDay('2023-02')).toBe('2023-02-28');
    expect(lastDay('1900-02')).toBe('1900-02-28');
    expect(lastDay('2000-02')).toBe('2000-02-29');
    expect(lastDay('2024-04')).toBe('2024-04-30');
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2023-02-29')).toBe(false);
  });

  it('rejects what is not YYYY, YYYY-MM or YYYY-MM-DD', () => {
    for (const bad of [
      '15',
      '2015-1',
      '2015-13',
      '2015-00',
      '2015-04-31',
      '2015-06-00',
      '2015/06',
      ' 2015',
      '2015-06-01T00:00',
      '',
      null,
      2015,
    ]) {
      expect(parseDate(bad), String(bad)).toBeNull();
    }
    expect(() => firstDay('2015-13')).toThrow(RangeError);
    expect(() => statusAt(feature('csto-uzb'), 'mid-2024')).toThrow(RangeError);
    expect(parseDate('2015-08-12')).toEqual({ year: 2015, month: 8, day: 12 });
    expect(yearOf('2011')).toBe(2011);
  });

  it('orders by first day, a precise date before a coarser one starting the same day', () => {
    const sorted = ['2011', '2010-12-31', '2011-05', '2011-01', '2011-01-01'].sort(compareDates);
    expect(sorted).toEqual(['2010-12-31', '2011-01-01', '2011-01', '2011', '2011-05']);
  });

  it('finds spans that share a day, ends included', () => {
    expect(spansOverlap(dateSpan('2012'), dateSpan('2012-12-31'))).toBe(true);
    expect(spansOverlap(dateSpan('2012'), dateSpan('2013-01-01'))).toBe(false);
  });

  it('gives today by the local calendar', () => {
    expect(todayIso(new Date(2024, 3, 5, 23, 59))).toBe('2024-04-05');
  });
});

describe('statusAt on made-up features: the rules', () => {
  it('counts an end as inclusive, so "2012" covers the whole of 2012', () => {
    const f = made({ periods: [{ start: '2006-06-23', end: '2012', status: 'member' }] });
    expect(statusAt(f, '2012-12-31')).toBe('member');
    expect(statusAt(f, '2013-01-01')).toBeNull();
    expect(statusAt(f, '2006-06-22')).toBeNull();
    expect(statusAt(f, '2006')).toBe('member');
  });

  it('lets the later period win where two overlap', () => {
    const f = made({
      periods: [
        { start: '2002-10-07', end: '2024-02', status: 'member' },
        { start: '2024-02', status: 'participation-frozen' },
      ],
    });
    expect(statusAt(f, '2024-01-31')).toBe('member');
    expect(statusAt(f, '2024-02-15')).toBe('participation-frozen');
    expect(statusAt(f, '2024')).toBe('participation-frozen');
  });

  it('uses start, end and status when there are no periods', () => {
    const f = made({ start: '2015', end: '2016-06', status: 'observer' });
    expect(periodsOf(f)).toEqual([{ start: '2015', end: '2016-06', status: 'observer' }]);
    expect(statusAt(f, '2014-12-31')).toBeNull();
    expect(statusAt(f, '2016-06-30')).toBe('observer');
    expect(statusAt(f, '2016-07')).toBeNull();
  });

  it('keeps an undated feature at every date, and gives PRESENT when it has no status', () => {
    expect(statusAt(feature('moscow'), '1979')).toBe(PRESENT);
    expect(statusAt(made({ status: 'member' }), '1850')).toBe('member');
  });

  it('keeps an event without an end to the span of its date', () => {
    const crocus = feature('crocus-city-hall-attack-2024');
    expect(statusAt(crocus, '2024')).toBe('historical');
    expect(statusAt(crocus, '2024-03')).toBe('historical');
    expect(existsAt(crocus, '2024-07-01')).toBe(false);
    expect(existsAt(crocus, '2025')).toBe(false);
    expect(statusAt(feature('soviet-afghan-war'), '1985')).toBe('historical');
    expect(statusAt(feature('soviet-afghan-war'), '1989-03')).toBeNull();
    expect(statusAt(feature('kazan-forum-2024'), '2024-05-16')).toBe(PRESENT);
  });

  it('follows a change in the data: nothing is a snapshot', () => {
    const uzb = structuredClone(feature('csto-uzb'));
    uzb.properties.periods![1].end = '2014';
    expect(isMemberAt(uzb, '2013')).toBe(true);
    expect(isMemberAt(feature('csto-uzb'), '2013')).toBe(false);
  });
});

describe('the real layers at a date', () => {
  it('shows Uzbekistan in the CSTO in 2010, not in 2013', () => {
    expect(isMemberAt(feature('csto-uzb'), '2010')).toBe(true);
    expect(members('csto', '2010')).toContain('Uzbekistan');
    expect(isMemberAt(feature('csto-uzb'), '2013')).toBe(false);
    expect(statusAt(feature('csto-uzb'), '2013')).toBeNull();
    expect(members('csto', '2013')).not.toContain('Uzbekistan');
    // A treaty party before the organisation, out from 1999 to 2006.
    expect(statusAt(feature('csto-uzb'), '1995')).toBe('treaty-party');
    expect(statusAt(feature('csto-uzb'), '2003')).toBeNull();
  });

  it('shows no EAEU member in 2014 and all five in 2016', () => {
    expect(members('eaeu', '2014')).toEqual([]);
    expect(members('eaeu', '2016')).toEqual([
      'Armenia',
      'Belarus',
      'Kazakhstan',
      'Kyrgyzstan',
      'Russia',
    ]);
    // Kyrgyzstan joined on 12 August 2015.
    expect(members('eaeu', '2015-06')).not.toContain('Kyrgyzstan');
    expect(members('eaeu', '2015-09')).toContain('Kyrgyzstan');
  });

  it('dates each built section on its own: the Friendship Bridge 1982, Hairatan–Naibabad 2011', () => {
    const bridge = feature('uap-termez-hairatan');
    const line = feature('uap-hairatan-naibabad');
    expect(statusAt(bridge, '1982-05-11')).toBeNull();
    expect(statusAt(bridge, '1982-05-12')).toBe('built');
    for (const year of ['1990', '2010']) {
      expect(statusAt(bridge, year), year).toBe('built');
      expect(isBuiltOrAgreedAt(line, year), year).toBe(false);
      expect(statusAt(line, year), year).toBeNull();
    }
    for (const id of ['uap-termez-hairatan', 'uap-hairatan-naibabad']) {
      expect(isBuiltOrAgreedAt(feature(id), '2012'), id).toBe(true);
      expect(statusAt(feature(id), '2012'), id).toBe('built');
    }
  });

  it('shows each railway section from its start with the status it had then', () => {
    const concept = feature('uap-2021-kabul-jalalabad');
    expect(statusAt(concept, '2020')).toBeNull();
    expect(statusAt(concept, '2021-03')).toBe('concept');
    const agreed = feature('uap-2023-naibabad-maidan-shahr');
    expect(isBuiltOrAgreedAt(agreed, '2023-06')).toBe(false);
    expect(statusAt(agreed, '2023-07-20')).toBe('agreed');
    expect(isBuiltOrAgreedAt(feature('kabul'), '2023')).toBe(false);
  });

  it('has Armenia a member in 2023 and its participation frozen in mid-2024', () => {
    const arm = feature('csto-arm');
    expect(statusAt(arm, '2023')).toBe('member');
    expect(isMemberAt(arm, '2023')).toBe(true);
    expect(statusAt(arm, '2024-07-01')).toBe('participation-frozen');
    expect(statusAt(arm, '2024-07')).toBe('participation-frozen');
    // Frozen, not gone: still counted as a member.
    expect(isMemberAt(arm, '2024-07-01')).toBe(true);
    // The charter's day: member, not treaty party.
    expect(statusAt(arm, '2002-10-07')).toBe('member');
    expect(statusAt(arm, '2002-10-06')).toBe('treaty-party');
  });
});

describe('the early treaty parties, the former member and the superseded concept', () => {
  it('has Azerbaijan and Georgia parties to the treaty in 1997, out of it by 2001', () => {
    for (const id of ['csto-aze', 'csto-geo']) {
      expect(statusAt(feature(id), '1997'), id).toBe('treaty-party');
      expect(statusAt(feature(id), '1999-04'), id).toBe('treaty-party');
      expect(statusAt(feature(id), '1999-05'), id).toBeNull();
      expect(statusAt(feature(id), '2001'), id).toBeNull();
      expect(isMemberAt(feature(id), '2010'), id).toBe(false);
      expect(feature(id).properties.status, id).toBe('former-member');
    }
    expect(feature('csto-aze').properties.iso_a3).toBe('AZE');
    expect(feature('csto-geo').properties.iso_a3).toBe('GEO');
  });

  it('has Uzbekistan a party in 1997, out in 2001, a member in 2010 and out again in 2013', () => {
    const uzb = feature('csto-uzb');
    expect(statusAt(uzb, '1997')).toBe('treaty-party');
    expect(statusAt(uzb, '1999-05')).toBeNull();
    expect(statusAt(uzb, '2001')).toBeNull();
    expect(statusAt(uzb, '2010')).toBe('member');
    expect(statusAt(uzb, '2013')).toBeNull();
    expect(uzb.properties.status).toBe('former-member');
  });

  it('has no background record cite a passage the article does not give it', () => {
    // p13 names the five allies; none of these three is among them.
    for (const id of ['csto-uzb', 'csto-aze', 'csto-geo'])
      expect(feature(id).properties.passages, id).toEqual([]);
  });

  it('reads the 2021 concept as a concept in 2022 and as superseded from July 2023', () => {
    const concept = all.filter(
      (f) => f.properties.route === 'uap-2021' && f.properties.kind === 'route-segment',
    );
    expect(concept.map((f) => f.properties.id).sort()).toEqual([
      'uap-2021-jalalabad-torkham',
      'uap-2021-kabul-jalalabad',
      'uap-2021-mazar-kabul',
      'uap-2021-torkham-peshawar',
    ]);
    for (const f of concept) {
      const id = f.properties.id;
      expect(statusAt(f, '2022'), id).toBe('concept');
      expect(statusAt(f, '2023-06'), id).toBe('concept');
      expect(statusAt(f, '2023-08'), id).toBe('superseded');
      expect(statusAt(f, '2024'), id).toBe('superseded');
      expect(f.properties.status, id).toBe('superseded');
    }
  });

  it('has the Friendship Bridge section in 1990 but not Hairatan–Naibabad; both in 2012', () => {
    expect(existsAt(feature('uap-termez-hairatan'), '1990')).toBe(true);
    expect(existsAt(feature('uap-hairatan-naibabad'), '1990')).toBe(false);
    expect(existsAt(feature('uap-termez-hairatan'), '2012')).toBe(true);
    expect(existsAt(feature('uap-hairatan-naibabad'), '2012')).toBe(true);
  });
});

describe('timelineEvents', () => {
  const timeline = timelineEvents(layers, events, { articleWritten: '2024-04' });
  const byId = (id: string) => timeline.find((e) => e.id === id);
  const labelled = (text: string) => timeline.filter((e) => e.label.includes(text));

  it('lists everything in date order, each with a unique id', () => {
    for (let i = 1; i < timeline.length; i++) {
      const [a, b] = [timeline[i - 1], timeline[i]];
      expect(compareDates(a.date, b.date), `${a.id} before ${b.id}`).toBeLessThanOrEqual(0);
    }
    expect(new Set(timeline.map((e) => e.id)).size).toBe(timeline.length);
    expect(timeline[0].date).toBe('1979-12');
  });

  it('has the events of the layers and of story/events.json', () => {
    for (const e of events) expect(byId(e.id)?.date).toBe(e.date);
    for (const f of all.filter((x) => x.properties.kind === 'event' && x.properties.start)) {
      expect(byId(f.properties.id)?.featureId).toBe(f.properties.id);
    }
    expect(byId('csto-founded-2002')?.featureId).toBeNull();
    expect(byId('lapis-lazuli-agreement-2017')?.featureId).toBe('ashgabat');
  });

  it('has accessions, exits and the freeze, computed from the periods', () => {
    expect(labelled('Uzbekistan joins the CSTO').map((e) => e.date)).toEqual(['2006-06-23']);
    expect(labelled('Uzbekistan leaves the CSTO').map((e) => e.date)).toEqual(['2012']);
    // The three parties that did not renew the treaty in April 1999 leave it together.
    const left1999 = labelled('leave the CSTO treaty');
    expect(left1999.map((e) => [e.date, e.featureIds])).toEqual([
      ['1999-04', ['csto-uzb', 'csto-aze', 'csto-geo']],
    ]);
    expect(left1999[0].label).toBe('Uzbekistan, Azerbaijan and Georgia leave the CSTO treaty');
    expect(labelled('become parties to the CSTO treaty')[0].featureIds).toHaveLength(9);
    expect(labelled('Armenia freezes its participation in the CSTO').map((e) => e.date)).toEqual([
      '2024-02-22',
    ]);
    const eaeu = timeline.filter((e) => e.layer === 'eaeu');
    expect(eaeu.map((e) => [e.date, e.featureIds])).toEqual([
      ['2015-01-01', ['eaeu-rus', 'eaeu-blr', 'eaeu-kaz']],
      ['2015-01-02', ['eaeu-arm']],
      ['2015-08-12', ['eaeu-kgz']],
    ]);
    expect(eaeu[0].label).toBe('Russia, Belarus and Kazakhstan join the EAEU');
  });

  it('has the railway and corridor sections as they were built, proposed and agreed', () => {
    const routes = timeline.filter((e) => e.kind === 'route');
    expect(routes.map((e) => [e.date, e.to, e.featureIds.length])).toEqual([
      ['1982-05-12', 'built', 1],
      ['2011', 'built', 1],
      ['2018', 'operational', 14],
      ['2021-02', 'concept', 4],
      ['2023-07', 'superseded', 4],
      ['2023-07', 'agreed', 3],
    ]);
    expect(routes[0].label).toContain('Termez – Hairatan');
    expect(routes[1].label).toContain('Hairatan – Naibabad');
    expect(routes[4]).toMatchObject({ from: 'concept', to: 'superseded' });
  });

  it('flags the 2025 events, and only what came after April 2024, as after the article', () => {
    const after = timeline.filter((e) => e.after_article);
    expect(after.map((e) => e.id)).toEqual([
      'supreme-court-suspends-ban-2025',
      'russia-recognises-taliban-2025',
      'uap-feasibility-agreement-2025',
    ]);
    for (const e of timeline) {
      if (firstDay(e.date) <= '2024-04-30') expect(e.after_article, e.id).toBe(false);
    }
    // Named by the article before it happened: not after it.
    expect(byId('kazan-forum-2024')?.after_article).toBe(false);
  });

  it('flags a change dated after the article even when its feature is not flagged', () => {
    const moved = structuredClone(layer('csto'));
    moved.features
      .find((f) => f.properties.id === 'csto-arm')!
      .properties.periods!.push({
        start: '2026',
        status: 'former-member',
      });
    moved.features.find((f) => f.properties.id === 'csto-arm')!.properties.periods!.at(-2)!.end =
      '2025-12';
    const entries = timelineEvents([moved], [], { articleWritten: '2024-04' });
    const left = entries.find((e) => e.label === 'Armenia leaves the CSTO');
    expect(left).toMatchObject({ date: '2026', after_article: true });
    expect(timelineEvents([moved]).find((e) => e.date === '2026')?.after_article).toBe(false);
  });

  it('gives every entry passages the article has, and places the layers have', () => {
    const ids = new Set(all.map((f) => f.properties.id));
    // Background records (csto-uzb, -aze, -geo) cite no passage; anything else must.
    const background = (id: string) => feature(id).properties.passages.length === 0;
    for (const e of timeline) {
      if (!e.featureIds.length || !e.featureIds.every(background))
        expect(e.passages.length, e.id).toBeGreaterThan(0);
      for (const p of e.passages) expect(passageIds.has(p), `${e.id} ${p}`).toBe(true);
      for (const f of e.featureIds) expect(ids.has(f), `${e.id} ${f}`).toBe(true);
    }
    for (const e of events) expect(ids.has(e.id), `${e.id} clashes with a feature`).toBe(false);
  });

  it('picks out a year, a range of dates, and the years that have something', () => {
    expect(eventsIn(timeline, 2011).map((e) => e.id)).toEqual([
      'uap-railway/uap-built@2011:none>built',
    ]);
    // A war that lasted is listed in every year it went on.
    expect(eventsIn(timeline, 1985).map((e) => e.id)).toEqual(['soviet-afghan-war']);
    expect(eventsIn(timeline, 1990)).toEqual([]);
    expect(eventsBetween(timeline, '2015', '2015-06').map((e) => e.date)).toEqual([
      '2015-01-01',
      '2015-01-02',
    ]);
    const years = yearsWithEvents(timeline);
    expect(years.slice(0, 3)).toEqual([1979, 1980, 1981]);
    expect(years).toContain(2025);
    expect(years).not.toContain(1990);
  });

  it('words lists and titles as a reader would', () => {
    expect(listNames(['A'])).toBe('A');
    expect(listNames(['A', 'B', 'C'])).toBe('A, B and C');
    expect(shortTitle('Collective Security Treaty Organization (CSTO)')).toBe('CSTO');
    expect(shortTitle('Lapis Lazuli corridor')).toBe('Lapis Lazuli corridor');
  });
});

describe('src/geo/time.ts', () => {
  it('is pure: it imports neither Svelte nor MapLibre', () => {
    const imports = read('src/geo/time.ts')
      .split('\n')
      .filter((line) => /^\s*import\b/.test(line));
    expect(imports.join('\n')).not.toMatch(/svelte|maplibre/);
  });
});
