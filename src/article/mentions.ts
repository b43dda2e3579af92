/** A run of passage text, either plain or naming a feature. */
export interface Segment {
  text: string;
  featureId?: string;
}

export interface Nameable {
  id: string;
  names: string[];
  /** Lower wins when two things share a name. */
  priority?: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Cuts a passage into segments so that names of the given features become
 * links, without changing a character: joining the segments' text gives the
 * passage back. Only the first mention of each feature is linked (a link on
 * every "Russia" would be noise), a name links to one feature only (the one of
 * lowest priority), longer names win over shorter ones they contain ("Eurasian
 * Economic Union" over "Eurasian"), and a name matches whole words only, also
 * before a possessive ("Afghanistan’s").
 */
export function linkMentions(text: string, features: readonly Nameable[]): Segment[] {
  const names = features
    .flatMap((f) =>
      f.names
        .filter((n) => n.length >= 3)
        .map((name) => ({ id: f.id, name, priority: f.priority ?? 0 })),
    )
    .sort((a, b) => b.name.length - a.name.length || a.priority - b.priority);
  if (!names.length) return [{ text }];

  const taken: { start: number; end: number; id: string }[] = [];
  const linked = new Set<string>();
  const usedNames = new Set<string>();
  for (const { id, name } of names) {
    if (linked.has(id) || usedNames.has(name)) continue;
    // Most names are not in a given passage: a plain search rules them out before a regex is built.
    if (!text.includes(name)) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + name.length;
      if (taken.some((t) => start < t.end && end > t.start)) continue;
      taken.push({ start, end, id });
      linked.add(id);
      usedNames.add(name);
      break;
    }
  }
  taken.sort((a, b) => a.start - b.start);

  const out: Segment[] = [];
  let at = 0;
  for (const t of taken) {
    if (t.start > at) out.push({ text: text.slice(at, t.start) });
    out.push({ text: text.slice(t.start, t.end), featureId: t.id });
    at = t.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
