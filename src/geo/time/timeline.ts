/** Every dated thing in the story, in date order, and the entries of a year or a span. Pure. */
import type { StoryLayer, StoryProps } from '../types.ts';
import {
  compareDates,
  dateSpan,
  firstDay,
  lastDay,
  nextDay,
  spansOverlap,
  yearSpan,
  type DaySpan,
} from './dates.ts';
import { membershipLabel, routeLabel, shortTitle } from './labels.ts';
import { periodsOf, type Period } from './periods.ts';

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
