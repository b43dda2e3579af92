/**
 * Time on the map: partial ISO dates, what a feature was at a date, and the timeline of every
 * dated thing in the story. Pure: imports neither Svelte nor MapLibre, and reads no clock unless
 * asked to (`todayIso`).
 *
 * Dates are ISO 8601 calendar dates at the precision the sources give: "2015", "2015-08" or
 * "2015-08-12". A partial date names a span of days, and every function here reads it that way:
 *
 * - "2015" is 1 January to 31 December 2015, "2024-02" is 1 to 29 February 2024.
 * - As a start it means the span's first day, as an end its last day: ends are inclusive. A
 *   period "2006-06-23" to "2012" covers every day of 2012; one ending "2002-10-07" covers that
 *   day too.
 * - Where two periods overlap (usually because one ends on the day, or in the month, the next
 *   begins) the one that started later wins: on 7 October 2002 the CSTO countries are members,
 *   not treaty parties.
 * - A date asked about is a span as well: `statusAt(f, "2024")` is the status the feature last
 *   had during 2024 (the latest-starting period that overlaps the year), so a year on the time
 *   slider shows what held at some point in it, in its latest state that year.
 *
 * Nothing here is a snapshot: all of it is computed from the `start`, `end`, `status` and
 * `periods` recorded in geo/*.geojson and from story/events.json.
 */
import type { StoryFeature, StoryLayer, StoryProps } from './types.ts';

/** A dated event the article names that has no feature of its own (story/events.json). */
export interface StoryEvent {
  /** Unique across story/events.json and every geo layer. */
  id: string;
  name: string;
  /** When it happened or began (ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD). */
  date: string;
  /** When it ended, for an event that lasted. */
  end?: string;
  passages: string[];
  summary: string;
  sources: StoryProps['sources'];
  /** True for anything after the article was written (April 2024). */
  after_article?: boolean;
  /** Id of the geo feature where it happened, if there is one. */
  place?: string;
}

// ---------------------------------------------------------------------------------------------
// Partial dates

export interface DateParts {
  year: number;
  /** 1–12; absent for a year. */
  month?: number;
  /** 1–31; absent for a year or a month. */
  day?: number;
}

/** First and last day of a span, both "YYYY-MM-DD" and inclusive. */
export interface DaySpan {
  first: string;
  last: string;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Days in a month (1–12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return leap ? 29 : 28;
}

/**
 * "2015", "2015-08" or "2015-08-12" into its parts; null for anything else, including days a
 * month does not have ("2023-02-29", "2024-04-31").
 */
export function parseDate(iso: unknown): DateParts | null {
  if (typeof iso !== 'string') return null;
  const match = DATE.exec(iso);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) return { year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return { year, month };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isValidDate(iso: unknown): iso is string {
  return parseDate(iso) !== null;
}

function parts(iso: string): DateParts {
  const p = parseDate(iso);
  if (!p) {
    throw new RangeError(
      `expected an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD), found ${JSON.stringify(iso)}`,
    );
  }
  return p;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const ymd = (year: number, month: number, day: number) =>
  `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** The span's first day: "2015" → "2015-01-01", "2024-02" → "2024-02-01". Throws RangeError. */
export function firstDay(iso: string): string {
  const { year, month = 1, day = 1 } = parts(iso);
  return ymd(year, month, day);
}

/** The span's last day: "2015" → "2015-12-31", "2024-02" → "2024-02-29". Throws RangeError. */
export function lastDay(iso: string): string {
  const { year, month, day } = parts(iso);
  if (month === undefined) return ymd(year, 12, 31);
  return ymd(year, month, day ?? daysInMonth(year, month));
}

/** The days a date names, or from `start` to `end` when an end is given. Throws RangeError. */
export function dateSpan(start: string, end?: string): DaySpan {
  return { first: firstDay(start), last: lastDay(end ?? start) };
}

export function yearOf(iso: string): number {
  return parts(iso).year;
}

/** The span of a whole year. */
export function yearSpan(year: number): DaySpan {
  return { first: ymd(year, 1, 1), last: ymd(year, 12, 31) };
}

/** True when the two spans share at least one day. */
export function spansOverlap(a: DaySpan, b: DaySpan): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/**
 * Orders dates by their first day; a more precise date before a coarser one that starts on the
 * same day ("2011-01-01" before "2011-01" before "2011"). Throws RangeError on an invalid date.
 */
export function compareDates(a: string, b: string): number {
  const [fa, fb] = [firstDay(a), firstDay(b)];
  if (fa !== fb) return fa < fb ? -1 : 1;
  const [la, lb] = [lastDay(a), lastDay(b)];
  return la < lb ? -1 : la > lb ? 1 : 0;
}

/** "YYYY-MM-DD" for a day, by the local calendar. */
export function todayIso(now: Date = new Date()): string {
  return ymd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The day after a "YYYY-MM-DD" day. */
function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return ymd(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

// ---------------------------------------------------------------------------------------------
// A feature at a date

/** A spell of one status; either end may be open. */
export interface Period {
  start?: string;
  end?: string;
  status: string;
  note?: string;
}

/** What `statusAt` gives for a feature that exists at the date but records no status. */
export const PRESENT = 'present';

/** Statuses in which a country belongs to a bloc: a freeze is not a withdrawal. */
export const MEMBER_STATUSES: readonly string[] = ['member', 'participation-frozen'];

type Dated = StoryFeature | StoryProps;

const propsOf = (f: Dated): StoryProps =>
  'properties' in f && f.type === 'Feature' ? f.properties : (f as StoryProps);

/**
 * The feature's spells, oldest first. Its `periods` when it has any; otherwise one spell from its
 * `start` and `end` (either may be absent, and an undated feature is there at every date) with
 * its `status`. An event without an end lasted the span of its start date: the Crocus City Hall
 * attack is on the map in March 2024, not ever after.
 */
export function periodsOf(feature: Dated): Period[] {
  const p = propsOf(feature);
  if (p.periods?.length) {
    return p.periods
      .map((period, index) => ({ period, index }))
      .sort((a, b) => byStart(a.period, b.period) || a.index - b.index)
      .map(({ period }) => ({ ...period }));
  }
  const end = p.end ?? (p.kind === 'event' ? p.start : undefined);
  const period: Period = { status: p.status ?? PRESENT };
  if (p.start !== undefined) period.start = p.start;
  if (end !== undefined) period.end = end;
  return [period];
}

function byStart(a: Period, b: Period): number {
  if (a.start === b.start) return 0;
  if (a.start === undefined) return -1;
  if (b.start === undefined) return 1;
  return firstDay(a.start) < firstDay(b.start) ? -1 : firstDay(a.start) > firstDay(b.start) ? 1 : 0;
}

const MIN_DAY = '0000-01-01';
const MAX_DAY = '9999-12-31';

function periodSpan(period: Period): DaySpan {
  return {
    first: period.start === undefined ? MIN_DAY : firstDay(period.start),
    last: period.end === undefined ? MAX_DAY : lastDay(period.end),
  };
}

/**
 * The feature's status at a date (any precision; see the module's note on spans), or null when it
 * did not exist then or was not in the bloc. Computed from `periods`, else from `start`, `end`
 * and `status`; a feature that exists but records no status gives PRESENT. Throws RangeError on
 * an invalid date, given or in the data.
 */
export function statusAt(feature: Dated, date: string): string | null {
  const asked = dateSpan(date);
  let found: { period: Period; first: string } | undefined;
  for (const period of periodsOf(feature)) {
    const span = periodSpan(period);
    // Sorted oldest first: a later overlapping period replaces an earlier one.
    if (spansOverlap(span, asked) && (!found || span.first >= found.first)) {
      found = { period, first: span.first };
    }
  }
  return found ? found.period.status : null;
}

/** True when the feature is on the map at the date. */
export function existsAt(feature: Dated, date: string): boolean {
  return statusAt(feature, date) !== null;
}

/** A member of the feature's bloc at the date; Armenia's frozen participation counts as member. */
export function isMemberAt(feature: Dated, date: string): boolean {
  const status = statusAt(feature, date);
  return status !== null && MEMBER_STATUSES.includes(status);
}

/**
 * For a route segment: true from its start on, whatever it then was (built, operational, a route
 * agreed or only a concept); `statusAt` says which. False before its start and for anything that
 * is not a route segment.
 */
export function isBuiltOrAgreedAt(feature: Dated, date: string): boolean {
  return propsOf(feature).kind === 'route-segment' && statusAt(feature, date) !== null;
}

// ---------------------------------------------------------------------------------------------
// The timeline

export type TimelineKind = 'event' | 'membership' | 'route';

/** One dated thing on the timeline. */
export interface TimelineEvent {
  /** Unique within one timeline. */
  id: string;
  kind: TimelineKind;
  /** When it happened or began. */
  date: string;
  /** When it ended, for an event that lasted. */
  end?: string;
  /** A short line in the project's words, built from the data's names. */
  label: string;
  /** The geo feature to show for it: the first of featureIds, or null for an event without one. */
  featureId: string | null;
  /** Every feature it concerns: all countries joining on one day, all sections of a route. */
  featureIds: string[];
  /** The layer the features are in (not set for story/events.json). */
  layer?: string;
  /** For memberships and routes: the status it changed from (null: none) and to (null: out). */
  from?: string | null;
  to?: string | null;
  /** Article passages about it, in article order as the data lists them. */
  passages: string[];
  /** True when it happened after the article was written. */
  after_article: boolean;
}

export interface TimelineOptions {
  /**
   * When the article was written ("2024-04"). Membership and route changes dated after it are
   * flagged after_article even when their feature is not. Events carry their own flag, as an
   * article can name an event to come (the Kazan forum of May 2024).
   */
  articleWritten?: string;
}

interface Change {
  layer: StoryLayer;
  feature: StoryProps;
  date: string;
  from: string | null;
  to: string | null;
}

/** Status changes of one feature: into each period, and out where a period ends with a gap. */
function changes(layer: StoryLayer, feature: StoryProps): Change[] {
  const periods = periodsOf(feature);
  const found: Change[] = [];
  periods.forEach((period, i) => {
    const before = periods[i - 1];
    const after = periods[i + 1];
    if (period.start !== undefined) {
      const from = before && adjoins(before, period) ? before.status : null;
      if (from !== period.status) {
        found.push({ layer, feature, date: period.start, from, to: period.status });
      }
    }
    if (period.end !== undefined && !(after && adjoins(period, after))) {
      found.push({ layer, feature, date: period.end, from: period.status, to: null });
    }
  });
  return found;
}

/** True when `next` begins no later than the day after `period` ends. */
function adjoins(period: Period, next: Period): boolean {
  if (period.end === undefined || next.start === undefined) return true;
  return firstDay(next.start) <= nextDay(lastDay(period.end));
}

/** "CSTO" from "Collective Security Treaty Organization (CSTO)"; else the whole title. */
export function shortTitle(title: string): string {
  return /\(([^()]+)\)\s*$/.exec(title)?.[1] ?? title;
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function membershipLabel(names: string[], bloc: string, from: string | null, to: string | null) {
  const who = listNames(names);
  const one = names.length === 1;
  const verb = (singular: string, pluralForm: string) => (one ? singular : pluralForm);
  switch (to) {
    case 'member':
      return from === null
        ? `${who} ${verb('joins', 'join')} the ${bloc}`
        : `${who} ${verb('becomes a member', 'become members')} of the ${bloc}`;
    case 'treaty-party':
      return `${who} ${verb('becomes a party', 'become parties')} to the ${bloc} treaty`;
    case 'participation-frozen':
      return `${who} ${verb('freezes its', 'freeze their')} participation in the ${bloc}`;
    case 'observer':
      return `${who} ${verb('becomes an observer', 'become observers')} in the ${bloc}`;
    case 'former-member':
      return `${who} ${verb('leaves', 'leave')} the ${bloc}`;
    case null:
      return from === 'treaty-party'
        ? `${who} ${verb('leaves', 'leave')} the ${bloc} treaty`
        : `${who} ${verb('leaves', 'leave')} the ${bloc}`;
    default:
      return `${who}: ${to.replace(/-/g, ' ')} (${bloc})`;
  }
}

const ROUTE_WORDS: Record<string, string> = {
  built: 'built',
  operational: 'in operation',
  agreed: 'route agreed',
  concept: 'concept',
};

/**
 * "Termez – Naibabad" for a chain of sections; "Herat and Aqina – Poti, Batumi and Istanbul" for
 * a network: the nodes no section of the group reaches, then those no section leaves.
 */
function routeSpan(segments: StoryProps[], names: ReadonlyMap<string, string>): string {
  const froms = segments.map((s) => s.from).filter((id): id is string => !!id);
  const tos = segments.map((s) => s.to).filter((id): id is string => !!id);
  const starts = [...new Set(froms.filter((id) => !tos.includes(id)))];
  const ends = [...new Set(tos.filter((id) => !froms.includes(id)))];
  const named = (ids: string[]) => listNames(ids.map((id) => names.get(id) ?? id));
  if (!starts.length || !ends.length) return listNames(segments.map((s) => s.name));
  return `${named(starts)} – ${named(ends)}`;
}

function routeLabel(
  layer: StoryLayer,
  segments: StoryProps[],
  names: Map<string, string>,
  to: string | null,
) {
  const what = to === null ? 'closed' : (ROUTE_WORDS[to] ?? to.replace(/-/g, ' '));
  return `${layer.title}: ${routeSpan(segments, names)} (${what})`;
}

const unique = <T>(list: readonly T[]) => [...new Set(list)];

function afterWritten(date: string, written: string | undefined): boolean {
  return written !== undefined && firstDay(date) > lastDay(written);
}

/**
 * Every dated thing in the story, in date order: the events of the layers (features of kind
 * "event" with a start) and of story/events.json; each country's joining, leaving and freezing,
 * from its periods, countries of one layer changing alike on one date as one entry; and each
 * route's sections appearing (built, agreed, a concept), the sections of one route and status
 * that appear on one date as one entry. Undated features are not on it. Throws RangeError on an
 * invalid date in the data.
 */
export function timelineEvents(
  layers: readonly StoryLayer[],
  events: readonly StoryEvent[] = [],
  options: TimelineOptions = {},
): TimelineEvent[] {
  const names = new Map<string, string>();
  for (const layer of layers)
    for (const f of layer.features) names.set(f.properties.id, f.properties.name);

  const entries: TimelineEvent[] = [];
  const groups = new Map<string, Change[]>();
  for (const layer of layers) {
    for (const { properties: p } of layer.features) {
      if (p.kind === 'event') {
        if (p.start === undefined) continue;
        entries.push({
          id: p.id,
          kind: 'event',
          date: p.start,
          ...(p.end !== undefined ? { end: p.end } : {}),
          label: p.name,
          featureId: p.id,
          featureIds: [p.id],
          layer: layer.name,
          passages: [...p.passages],
          after_article: p.after_article === true,
        });
        continue;
      }
      const dated = p.periods?.length || p.start !== undefined || p.end !== undefined;
      if (!dated) continue;
      const kind: TimelineKind = p.kind === 'route-segment' ? 'route' : 'membership';
      for (const change of changes(layer, p)) {
        const key = [
          layer.name,
          kind,
          kind === 'route' ? (p.route ?? '') : '',
          firstDay(change.date),
          lastDay(change.date),
          change.from,
          change.to,
        ].join('\u0000');
        groups.set(key, [...(groups.get(key) ?? []), change]);
      }
    }
  }

  for (const group of groups.values()) {
    const { layer, date, from, to, feature } = group[0];
    const kind: TimelineKind = feature.kind === 'route-segment' ? 'route' : 'membership';
    const features = group.map((c) => c.feature);
    const ids = features.map((f) => f.id);
    const label =
      kind === 'route'
        ? routeLabel(layer, features, names, to)
        : membershipLabel(
            features.map((f) => f.name),
            shortTitle(layer.title),
            from,
            to,
          );
    entries.push({
      id: `${layer.name}${kind === 'route' && feature.route ? `/${feature.route}` : ''}@${date}:${from ?? 'none'}>${to ?? 'none'}`,
      kind,
      date,
      label,
      featureId: ids[0],
      featureIds: ids,
      layer: layer.name,
      from,
      to,
      passages: unique(features.flatMap((f) => f.passages)),
      after_article:
        features.some((f) => f.after_article === true) ||
        afterWritten(date, options.articleWritten),
    });
  }

  for (const e of events) {
    entries.push({
      id: e.id,
      kind: 'event',
      date: e.date,
      ...(e.end !== undefined ? { end: e.end } : {}),
      label: e.name,
      featureId: e.place ?? null,
      featureIds: e.place ? [e.place] : [],
      passages: [...e.passages],
      after_article: e.after_article === true,
    });
  }

  return uniqueIds(entries.sort(byDate));
}

const KIND_ORDER: Record<TimelineKind, number> = { event: 0, membership: 1, route: 2 };

function byDate(a: TimelineEvent, b: TimelineEvent): number {
  return (
    compareDates(a.date, b.date) ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Two entries with one id (an event id reused in events.json, say) keep both, the second renamed. */
function uniqueIds(entries: TimelineEvent[]): TimelineEvent[] {
  const seen = new Map<string, number>();
  return entries.map((e) => {
    const n = seen.get(e.id) ?? 0;
    seen.set(e.id, n + 1);
    return n ? { ...e, id: `${e.id}#${n + 1}` } : e;
  });
}

/** The entry's span: from its date to its end (or the span of its date alone). */
export function eventSpan(entry: Pick<TimelineEvent, 'date' | 'end'>): DaySpan {
  return dateSpan(entry.date, entry.end);
}

/**
 * Entries that happened in the year or, for those that lasted, went on into it (the Soviet war in
 * Afghanistan is listed in every year from 1979 to 1989). Keeps the order given.
 */
export function eventsIn<T extends Pick<TimelineEvent, 'date' | 'end'>>(
  entries: readonly T[],
  year: number,
): T[] {
  const span = yearSpan(year);
  return entries.filter((e) => spansOverlap(eventSpan(e), span));
}

/**
 * Entries that touch the days from `from` to `to`, both inclusive and of any precision:
 * eventsBetween(list, "2014", "2015-06") runs from 1 January 2014 to 30 June 2015.
 */
export function eventsBetween<T extends Pick<TimelineEvent, 'date' | 'end'>>(
  entries: readonly T[],
  from: string,
  to: string,
): T[] {
  const span = dateSpan(from, to);
  return entries.filter((e) => spansOverlap(eventSpan(e), span));
}

/** The years with at least one entry, ascending: for tick marks on a slider. */
export function yearsWithEvents(entries: readonly Pick<TimelineEvent, 'date' | 'end'>[]): number[] {
  const years = new Set<number>();
  for (const e of entries) {
    const span = eventSpan(e);
    for (let y = Number(span.first.slice(0, 4)); y <= Number(span.last.slice(0, 4)); y++)
      years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}
