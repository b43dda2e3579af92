/** Words for the timeline: short bloc titles, lists of names, what changed. Pure. */
import type { StoryLayer, StoryProps } from '../types.ts';

/** "CSTO" from "Collective Security Treaty Organization (CSTO)"; else the whole title. */
export function shortTitle(title: string): string {
  return /\(([^()]+)\)\s*$/.exec(title)?.[1] ?? title;
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function membershipLabel(
  names: string[],
  bloc: string,
  from: string | null,
  to: string | null,
) {
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

export function routeLabel(
  layer: StoryLayer,
  segments: StoryProps[],
  names: Map<string, string>,
  to: string | null,
) {
  const what = to === null ? 'closed' : (ROUTE_WORDS[to] ?? to.replace(/-/g, ' '));
  return `${layer.title}: ${routeSpan(segments, names)} (${what})`;
}
