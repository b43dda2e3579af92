// @vitest-environment jsdom
/**
 * The cards in a DOM of their own, over the real layers of geo/ and the real Story: one card per
 * thing, with its roles, members, sections and passages, and nothing from the data read as HTML.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Story } from '../../../src/app/story.ts';
import type { StoryLayer } from '../../../src/geo/types.ts';
import EntityCard from '../../../src/ui/cards/EntityCard.svelte';

// A path, not a URL: jsdom's URL is not the one node:fs takes.
const dir = join(import.meta.dirname, '../../../geo');
const read = (): StoryLayer[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.geojson'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as StoryLayer);

function makeStory(layers: StoryLayer[] = read()): Story {
  const story = new Story();
  for (const layer of layers) story.data.addLayer(layer);
  return story;
}

let target: HTMLElement;
let component: ReturnType<typeof mount> | undefined;

beforeEach(() => {
  target = document.createElement('div');
  document.body.append(target);
});
function clear() {
  if (component) unmount(component);
  component = undefined;
}
afterEach(() => {
  clear();
  target.remove();
});

/** Mounts the card of `id` (an entity or a feature id) and returns helpers to read it. */
function card(id: string, story = makeStory()) {
  const entity = story.data.entity(id);
  expect(entity, id).toBeDefined();
  component = mount(EntityCard, { target, props: { story, entity: entity! } });
  flushSync();
  const text = () => target.textContent?.replace(/\s+/g, ' ') ?? '';
  /** The items of the list that follows the heading whose text starts with `heading`. */
  const listAfter = (heading: string) => {
    const h = [...target.querySelectorAll('h3')].find((x) =>
      x.textContent?.trim().startsWith(heading),
    );
    const list = h?.nextElementSibling;
    return [...(list?.querySelectorAll('li') ?? [])].map((li) =>
      li.textContent!.replace(/\s+/g, ' ').trim(),
    );
  };
  const button = (name: string) =>
    [...target.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  return { story, text, listAfter, button };
}

describe('the cards', () => {
  it('frames every card alike: a labelled article, a focusable title and a close button', () => {
    for (const id of ['kazakhstan', 'csto', 'uap-railway', 'termez']) {
      const { story } = card(id);
      const article = target.querySelector('article.card')!;
      expect(article.getAttribute('aria-labelledby')).toBe('card-title');
      const title = target.querySelector('h2#card-title')!;
      expect(title.getAttribute('tabindex')).toBe('-1');
      const close = target.querySelector<HTMLButtonElement>('button[aria-label="Close"]')!;
      expect(close.type).toBe('button');
      story.selection.select(id);
      close.click();
      expect(story.selection.entity).toBeNull();
      clear();
    }
  });

  it("gives a country its roles in every bloc, each leading to the bloc's card", () => {
    const { text, listAfter, button, story } = card('kazakhstan');
    expect(target.querySelector('h2')!.textContent).toBe('Kazakhstan');
    const roles = listAfter('Roles');
    expect(roles).toContain('CSTO member since 7 Oct 2002');
    expect(roles.some((r) => r.startsWith('EAEU member since'))).toBe(true);
    expect(text()).toMatch(/Area about [\d,]+ km²/);
    expect(text()).toContain('History in the CSTO');
    button('CSTO member since 7 Oct 2002')!.click();
    expect(story.selection.entity?.id).toBe('csto');
  });

  it('says when a country has frozen its participation or left', () => {
    // Armenia is known only through its blocs: each bloc's words on it go under its role.
    const roles = card('armenia').listAfter('Roles');
    expect(roles[0]).toMatch(/^CSTO: participation frozen since 22 Feb 2024 \S/);
    expect(roles[1]).toMatch(/^EAEU member since 2 Jan 2015 \S/);
    clear();
    expect(card('uzbekistan').listAfter('Roles')).toContain(
      'Former member (1994–1999, 2006–2012) of the CSTO',
    );
  });

  it('lists a bloc’s members at the date, then its frozen and former ones, with figures', () => {
    const { listAfter, text } = card('csto');
    expect(target.querySelector('h2')!.textContent).toBe(
      'Collective Security Treaty Organization (CSTO)',
    );
    const members = listAfter('Members today');
    expect(members).toContain('Tajikistan');
    expect(members).not.toContain('Uzbekistan');
    expect(listAfter('Participation frozen')[0]).toMatch(/^Armenia: participation frozen since/);
    const former = listAfter('Former');
    expect(former.some((f) => f.startsWith('Uzbekistan: former member'))).toBe(true);
    expect(text()).toContain('Number of members today 5');
  });

  it('says on the cards of Russia and of both blocs that the outline draws Crimea inside Russia', () => {
    for (const id of ['russia', 'csto', 'eaeu']) {
      card(id);
      const notes = [...target.querySelectorAll('.note')].map((n) => n.textContent ?? '');
      expect(
        notes.some((n) => /Crimea/.test(n) && /Natural Earth/.test(n)),
        id,
      ).toBe(true);
      clear();
    }
  });

  it('lists the members of a chosen year', () => {
    const story = makeStory();
    story.time.setYear('1997');
    const { listAfter } = card('csto', story);
    const members = listAfter('Members in 1997');
    expect(members.some((m) => m.startsWith('Uzbekistan: treaty party since'))).toBe(true);
  });

  it('shows a route’s sections by status and mode, with lengths, and its nodes', () => {
    const { text, listAfter, button } = card('uap-railway');
    const built = [...target.querySelectorAll('h4')].find((h) => h.textContent === 'Built')!;
    expect(built).toBeDefined();
    const sections = [...built.nextElementSibling!.querySelectorAll('li')].map((li) =>
      li.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(sections).toHaveLength(2);
    // Each built section with its own year: the bridge in 1982, the line to Naibabad in 2011.
    for (const s of sections) expect(s).toMatch(/, about [\d,]+ km, opened in \d{4}$/);
    expect(sections.find((s) => s.startsWith('Termez'))).toMatch(/opened in 1982$/);
    expect(sections.find((s) => s.startsWith('Hairatan'))).toMatch(/opened in 2011$/);
    expect(built.nextElementSibling!.querySelector('dt')!.textContent).toBe('by rail');
    expect(listAfter('Places on it')).toEqual(expect.arrayContaining(['Termez', 'Hairatan']));
    expect(button('Termez')).toBeDefined();
    expect(text()).toContain('Lengths');
  });

  it('gives the corridor its passage and its sections by mode', () => {
    const { text } = card('lapis-lazuli-corridor');
    expect(target.querySelector('blockquote[data-passage="p10"]')).not.toBeNull();
    const modes = [...target.querySelectorAll('.modes dt')].map((d) => d.textContent);
    expect(modes).toEqual(expect.arrayContaining(['by rail', 'by road', 'by ferry']));
    expect(text()).toContain('Whole route');
  });

  it('leads from a section to its route', () => {
    const { button, story } = card('uap-termez-hairatan');
    button('Uzbekistan–Afghanistan–Pakistan railway')!.click();
    expect(story.selection.entity?.id).toBe('uap-railway');
  });

  it('offers the other things under a click, and keeps the edit button of a place', () => {
    const story = makeStory();
    story.selection.offer(['termez', 'uzbekistan']);
    expect(story.selection.entity?.id).toBe('termez');
    let edited = 0;
    component = mount(EntityCard, {
      target,
      props: { story, entity: story.selection.entity!, onedit: () => edited++ },
    });
    flushSync();
    const button = (name: string) =>
      [...target.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;
    button('Edit').click();
    expect(edited).toBe(1);
    button('Uzbekistan').click();
    expect(story.selection.entity?.id).toBe('uzbekistan');
  });

  it('lists each source once, links opening safely in a new tab', () => {
    card('kazakhstan');
    const links = [...target.querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      expect(a.target).toBe('_blank');
      expect(a.rel).toBe('noopener noreferrer');
    }
    const keys = links.map((a) => `${a.href} ${a.textContent}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('never reads data as HTML', () => {
    const layers = read();
    const places = layers.find((l) => l.name === 'places')!;
    const kaz = places.features.find((f) => f.properties.id === 'kazakhstan')!;
    kaz.properties.summary = 'Bold <b>x</b>';
    const csto = layers.find((l) => l.name === 'csto')!;
    csto.description = '<img src=x onerror=alert(1)>';
    const { text } = card('kazakhstan', makeStory(layers));
    expect(text()).toContain('Bold <b>x</b>');
    expect(target.querySelector('b')).toBeNull();
    clear();
    card('csto', makeStory(layers));
    expect(target.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(target.querySelector('img')).toBeNull();
  });
});
