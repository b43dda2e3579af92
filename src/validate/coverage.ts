/** Which features speak of each passage, and the report that shows what the map leaves out. */
import type { PassageInfo } from './article.ts';
import { truncate } from './diagnostic.ts';
import { stringItems, type FeatureRef } from './features.ts';

export interface CoverageEntry {
  passage: string;
  firstWords: string;
  geographic: boolean;
  /** Labels of the features that list the passage, in layer and feature order. */
  features: string[];
  /** Set when a layer could not be read: a passage with no feature yet may be linked there. */
  unknown?: true;
}

export function passageIndex(features: readonly FeatureRef[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const f of features) {
    for (const { item } of stringItems(f.props.passages)) {
      const list = index.get(item) ?? [];
      if (!list.includes(f.label)) list.push(f.label);
      index.set(item, list);
    }
  }
  return index;
}

export function buildCoverage(
  passages: readonly PassageInfo[],
  index: ReadonlyMap<string, readonly string[]>,
  complete = true,
): CoverageEntry[] {
  return passages.map((p) => {
    const features = [...(index.get(p.id) ?? [])];
    const entry: CoverageEntry = {
      passage: p.id,
      firstWords: firstWords(p.text),
      geographic: p.geographic,
      features,
    };
    if (!complete && p.geographic && !features.length) entry.unknown = true;
    return entry;
  });
}

const MAX_WORDS = 6;
const MAX_CHARS = 40;

/** The opening words, cut at a word boundary, to recognise the passage by. */
export function firstWords(text: string): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let head = '';
  for (const word of words.slice(0, MAX_WORDS)) {
    const next = head ? `${head} ${word}` : word;
    if (next.length > MAX_CHARS) break;
    head = next;
  }
  if (!head && words.length) head = truncate(words[0], MAX_CHARS);
  return head.length < words.join(' ').length ? `${head}…` : head;
}

/** One line a passage: id, first words, then its features or why it has none. */
export function formatCoverage(entries: readonly CoverageEntry[]): string[] {
  const idWidth = Math.max(0, ...entries.map((e) => e.passage.length));
  const wordsWidth = Math.max(0, ...entries.map((e) => e.firstWords.length));
  return entries.map((e) => {
    const status = e.features.length
      ? e.features.join(', ')
      : e.unknown
        ? '?  not known until every layer parses'
        : e.geographic
          ? '!! unlinked'
          : '— not geographic';
    return `${e.passage.padEnd(idWidth)}  ${e.firstWords.padEnd(wordsWidth)}  ${status}`;
  });
}

export function coverageCounts(entries: readonly CoverageEntry[]) {
  return {
    passages: entries.length,
    linked: entries.filter((e) => e.features.length).length,
    notGeographic: entries.filter((e) => !e.geographic && !e.features.length).length,
    unlinked: entries.filter((e) => e.geographic && !e.features.length && !e.unknown).length,
    unknown: entries.filter((e) => e.unknown).length,
  };
}
