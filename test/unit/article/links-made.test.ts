import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import article from '../../../story/article.json';
import { passageIndex } from '../../../src/article/links.ts';
import { linkMentions, nameables } from '../../../src/article/mentions.ts';
import { STORY_STYLES } from '../../../src/style/story.ts';
import type { StoryLayer } from '../../../src/geo/types.ts';

const dir = new URL('../../../geo/', import.meta.url);
// In the order the app draws and lists them.
const order = (name: string) => STORY_STYLES.findIndex((s) => s.layer === name);
const layers: StoryLayer[] = readdirSync(dir)
  .filter((f) => f.endsWith('.geojson'))
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as StoryLayer)
  .sort((a, b) => order(a.name) - order(b.name));
const layerOf = (id: string) =>
  layers.find((l) => l.features.some((f) => f.properties.id === id))?.name;

/** Every name in the article that becomes a link, as "passage: words → feature". */
function linksMade(): string[] {
  const index = passageIndex(layers);
  return article.passages.flatMap((p) =>
    linkMentions(p.text, nameables(index.get(p.id) ?? [], layerOf))
      .filter((s) => s.featureId)
      .map((s) => `${p.id}: ${s.text} → ${s.featureId}`),
  );
}

describe('place names in the article become links', () => {
  it('makes exactly these links (review the list when the data changes)', () => {
    expect(linksMade()).toMatchSnapshot();
  });

  it('links only names that are in the passage, to features that cite the passage', () => {
    const index = passageIndex(layers);
    for (const line of linksMade()) {
      const [, pid, words, fid] = /^(\S+): (.+) → (\S+)$/.exec(line)!;
      const passage = article.passages.find((p) => p.id === pid)!;
      expect(passage.text).toContain(words);
      expect(index.get(pid)!.map((f) => f.properties.id)).toContain(fid);
    }
  });

  it('links no word inside credits or headings', () => {
    expect(linksMade().filter((l) => /^(h\d\d|author|republished):/.test(l))).toEqual([]);
  });
});
