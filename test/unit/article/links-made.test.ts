import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import article from '../../../story/article.json';
import { linkMentions } from '../../../src/article/mentions.ts';
import { compileModel, entitiesOf } from '../../../src/model/entities.ts';
import { STORY_STYLES, styleFor } from '../../../src/style/story.ts';
import type { StoryLayer } from '../../../src/geo/types.ts';

const dir = new URL('../../../geo/', import.meta.url);
// In the order the app draws and lists them.
const order = (name: string) => STORY_STYLES.findIndex((s) => s.layer === name);
const layers: StoryLayer[] = readdirSync(dir)
  .filter((f) => f.endsWith('.geojson'))
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as StoryLayer)
  .sort((a, b) => order(a.name) - order(b.name));
const model = compileModel(
  layers,
  (l) => styleFor(l).role,
  article.passages.map((p) => p.id),
);
const things = (passage: string) =>
  entitiesOf(model, passage).map((e) => ({ id: e.id, names: [e.name, ...e.aliases] }));

/** Every name in the article that becomes a link, as "passage: words → thing". */
function linksMade(): string[] {
  return article.passages.flatMap((p) =>
    linkMentions(p.text, things(p.id))
      .filter((s) => s.featureId)
      .map((s) => `${p.id}: ${s.text} → ${s.featureId}`),
  );
}

describe('place names in the article become links', () => {
  it('makes exactly these links (review the list when the data changes)', () => {
    expect(linksMade()).toMatchSnapshot();
  });

  it('links only names that are in the passage, to things the passage speaks of', () => {
    for (const line of linksMade()) {
      const [, pid, words, id] = /^(\S+): (.+) → (\S+)$/.exec(line)!;
      const passage = article.passages.find((p) => p.id === pid)!;
      expect(passage.text).toContain(words);
      expect(things(pid).map((t) => t.id)).toContain(id);
    }
  });

  it('links the names of wholes to the wholes: the railway, the corridor, the blocs', () => {
    const made = linksMade();
    expect(made).toContain('p10: Uzbekistan–Afghanistan–Pakistan railway → uap-railway');
    expect(made).toContain('p10: Lapis-Lazuli trade corridor → lapis-lazuli-corridor');
    expect(made).toContain('p13: Collective Security Treaty Organization → csto');
    expect(made).toContain('p13: Eurasian Economic Union → eaeu');
  });

  it('links no word inside credits or headings', () => {
    expect(linksMade().filter((l) => /^(h\d\d|author|republished):/.test(l))).toEqual([]);
  });
});
