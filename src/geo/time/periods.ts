/** What a feature was at a date: its periods, its status, whether it existed. Pure. */
import type { StoryFeature, StoryProps } from '../types.ts';
import { dateSpan, firstDay, lastDay, spansOverlap, type DaySpan } from './dates.ts';

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
