/** Small pure helpers the cards share: lookups and words. */
import { shortDate } from '../../geo/standing.ts';
import type { StoryFeature, StoryLayer, StoryProps } from '../../geo/types.ts';
import type { CardStory } from './story.ts';

export type Source = StoryProps['sources'][number];
export type Period = NonNullable<StoryProps['periods']>[number];

/** The layer named `name` ("csto"), if loaded. */
export function layerNamed(story: CardStory, name: string): StoryLayer | undefined {
  return story.data.layers.find((l) => l.name === name);
}

/** The features of these ids that are loaded, in order. */
export function featuresOf(story: CardStory, ids: readonly string[]): StoryFeature[] {
  return ids.map((id) => story.data.feature(id)).filter((f) => f !== undefined);
}

/** Every source of these features, in order (Sources.svelte drops the repeats). */
export function sourcesOf(features: readonly StoryFeature[]): Source[] {
  return features.flatMap((f) => f.properties.sources);
}

/** The same source cited by several features, once: same url and title. */
export function uniqueSources(sources: readonly Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.url ?? ''}\u0000${s.title}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Only web links become links: a `javascript:` or `data:` URL in the data stays text. */
export const isWebUrl = (url: string | undefined): url is string =>
  !!url && /^https?:\/\//i.test(url);

/** "participation frozen" from "participation-frozen". */
export const words = (status: string) => status.replace(/-/g, ' ');

/** "Built" from "built". */
export const capitalised = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** "member: 7 Oct 2002 – 22 Feb 2024", "treaty party: since 20 Apr 1994". */
export function periodLine(period: Period): string {
  const { start, end } = period;
  const when =
    start && end
      ? `${shortDate(start)} – ${shortDate(end)}`
      : start
        ? `since ${shortDate(start)}`
        : end
          ? `until ${shortDate(end)}`
          : '';
  return when ? `${words(period.status)}: ${when}` : words(period.status);
}

/** Distinct non-empty strings, in order. */
export const distinct = (list: readonly (string | undefined)[]): string[] => [
  ...new Set(list.filter((s): s is string => !!s)),
];
