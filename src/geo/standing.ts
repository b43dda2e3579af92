/**
 * A country's standing in a bloc at a date, and the words for it. Pure: imports neither Svelte
 * nor MapLibre. Everything the map fills, lists or prints about membership goes through
 * `standingAt`, so that a former or frozen member can never be drawn or listed as a member in one
 * view while another view gets it right.
 */
import { formatDate } from '../article/dates.ts';
import type { StoryFeature, StoryLayer, StoryProps } from './types.ts';
import { firstDay, lastDay, periodsOf, statusAt, yearOf } from './time.ts';

/**
 * - member: a full member at the date.
 * - treaty-party: a party to the Collective Security Treaty before the organisation existed
 *   (1994–2002); in the bloc, and drawn like its members, with its own legend words.
 * - frozen: belongs on paper but has frozen its participation (Armenia in the CSTO since
 *   22 Feb 2024); never drawn with the member fill.
 * - observer: attends, is not a member; drawn like a former member (an outline), never filled.
 * - former: was in the bloc before the date and is not at the date.
 * - future: joins after the date; not drawn.
 */
export type Standing = 'member' | 'treaty-party' | 'frozen' | 'observer' | 'former' | 'future';

/** Standings drawn with the bloc's member fill. */
export const IN_BLOC: readonly Standing[] = ['member', 'treaty-party'];

const IN_STATUSES = new Set(['member', 'treaty-party', 'participation-frozen']);

function safeStatus(p: StoryProps, date: string): string | null {
  try {
    return statusAt(p, date);
  } catch {
    // A date the data gets wrong is the validator's to report.
    return null;
  }
}

/** True for a country whose periods or status record a standing in a bloc. */
export function hasStanding(f: StoryFeature | StoryProps): boolean {
  const p = 'properties' in f && f.type === 'Feature' ? f.properties : (f as StoryProps);
  return p.kind === 'country' && ((p.periods?.length ?? 0) > 0 || p.status !== undefined);
}

/**
 * The country's standing at `date` (any precision: a year asks for the latest state during it),
 * or null for a feature with no recorded standing (not a bloc country) or none ever.
 */
export function standingAt(f: StoryFeature | StoryProps, date: string): Standing | null {
  const p = 'properties' in f && f.type === 'Feature' ? f.properties : (f as StoryProps);
  if (!hasStanding(p)) return null;
  const status = safeStatus(p, date);
  switch (status) {
    case 'member':
      return 'member';
    case 'treaty-party':
      return 'treaty-party';
    case 'participation-frozen':
      return 'frozen';
    case 'observer':
      return 'observer';
    case 'former-member':
      return 'former';
  }
  let asked: { first: string; last: string };
  try {
    asked = { first: firstDay(date), last: lastDay(date) };
  } catch {
    return null;
  }
  const spells = periodsOf(p).filter((s) => IN_STATUSES.has(s.status));
  if (spells.some((s) => s.end !== undefined && safeDay(lastDay, s.end) < asked.first))
    return 'former';
  if (spells.some((s) => s.start !== undefined && safeDay(firstDay, s.start) > asked.last))
    return 'future';
  return null;
}

function safeDay(fn: (iso: string) => string, iso: string): string {
  try {
    return fn(iso);
  } catch {
    return '';
  }
}

/** "22 Feb 2024", "Feb 2024", "2024": compact, for lists, chips and legends. */
export function shortDate(iso: string): string {
  const long = formatDate(iso);
  return long.replace(
    /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/,
    (m) => (m === 'May' || m === 'June' || m === 'July' ? m : m.slice(0, 3)),
  );
}

/** "1994–1999, 2006–2012": the years of every spell in the bloc that began by `date`. */
export function spellYears(p: StoryProps, date?: string): string {
  const until = date ? safeDay(lastDay, date) : '9999-12-31';
  return periodsOf(p)
    .filter((s) => IN_STATUSES.has(s.status))
    .filter((s) => s.start === undefined || safeDay(firstDay, s.start) <= until)
    .map((s) => {
      const from = s.start ? String(yearOf(s.start)) : '';
      const to = s.end ? String(yearOf(s.end)) : '';
      return to && to !== from ? `${from}–${to}` : from || to;
    })
    .reduce<string[]>((out, span) => {
      // Adjoining spells (a treaty party who became a member) read as one span.
      const prev = out[out.length - 1];
      const [pf, pt] = prev?.split('–') ?? [];
      const [sf, st] = span.split('–');
      if (prev && (pt ?? pf) === sf) out[out.length - 1] = `${pf}–${st ?? sf}`;
      else out.push(span);
      return out;
    }, [])
    .join(', ');
}

/** The start of the spell the feature is in at the date. */
function currentSpellStart(p: StoryProps, date: string, status: string): string | undefined {
  const asked = { first: firstDay(date), last: lastDay(date) };
  const spells = periodsOf(p).filter(
    (s) =>
      s.status === status &&
      (s.start === undefined || safeDay(firstDay, s.start) <= asked.last) &&
      (s.end === undefined || safeDay(lastDay, s.end) >= asked.first),
  );
  return spells[spells.length - 1]?.start;
}

/** The day the feature's current run of membership began (treaty party, then member). */
function memberSince(p: StoryProps, date: string): string | undefined {
  return currentSpellStart(p, date, 'member');
}

/**
 * Words for the standing at the date, as the list and the chips show them beside the name:
 * null for a plain member (the list is headed by the bloc), else
 * "former member (1994–1999, 2006–2012)", "former treaty party (1994–1999)",
 * "participation frozen since 22 Feb 2024", "treaty party since 20 Apr 1994",
 * "observer", "not yet a member (joins 2015)".
 */
export function standingQualifier(f: StoryFeature | StoryProps, date: string): string | null {
  const p = 'properties' in f && f.type === 'Feature' ? f.properties : (f as StoryProps);
  const standing = standingAt(p, date);
  switch (standing) {
    case null:
    case 'member':
      return null;
    case 'treaty-party': {
      const since = currentSpellStart(p, date, 'treaty-party');
      return since ? `treaty party since ${shortDate(since)}` : 'treaty party';
    }
    case 'frozen': {
      const since = currentSpellStart(p, date, 'participation-frozen');
      return since ? `participation frozen since ${shortDate(since)}` : 'participation frozen';
    }
    case 'observer':
      return 'observer, not a member';
    case 'former': {
      const wasMember = periodsOf(p).some(
        (s) => s.status === 'member' && (!s.start || safeDay(firstDay, s.start) <= lastDay(date)),
      );
      const years = spellYears(p, date);
      return `former ${wasMember ? 'member' : 'treaty party'}${years ? ` (${years})` : ''}`;
    }
    case 'future': {
      const next = periodsOf(p).find(
        (s) => IN_STATUSES.has(s.status) && s.start && safeDay(firstDay, s.start) > lastDay(date),
      );
      return `not yet a member${next?.start ? ` (joins ${shortDate(next.start)})` : ''}`;
    }
  }
}

/**
 * A sentence for the card: "CSTO member since 7 Oct 2002", "CSTO: participation frozen since
 * 22 Feb 2024", "Former CSTO member (1994–1999, 2006–2012)".
 */
export function standingSentence(
  f: StoryFeature | StoryProps,
  bloc: string,
  date: string,
): string | null {
  const p = 'properties' in f && f.type === 'Feature' ? f.properties : (f as StoryProps);
  const standing = standingAt(p, date);
  if (standing === null) return null;
  if (standing === 'member') {
    const since = memberSince(p, date);
    return `${bloc} member${since ? ` since ${shortDate(since)}` : ''}`;
  }
  const q = standingQualifier(p, date)!;
  if (standing === 'former') return `${q[0].toUpperCase()}${q.slice(1)} of the ${bloc}`;
  return `${bloc}: ${q}`;
}

/** Members (and treaty parties) of a bloc layer at the date. */
export function membersAt(layer: StoryLayer, date: string): StoryFeature[] {
  return layer.features.filter((f) => {
    const s = standingAt(f, date);
    return s !== null && IN_BLOC.includes(s);
  });
}
