import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  restoreTour,
  STORAGE_KEY,
  TourDraft,
  type MapState,
} from '../../../src/tour/editor/draft.svelte.ts';
import { readTour, tourFileName } from '../../../src/tour/editor/file.ts';
import { KEPT_KEY, KeptTours } from '../../../src/tour/editor/kept.svelte.ts';
import { codeInHash, decodeTour, encodeTour, shareLink } from '../../../src/tour/editor/share.ts';
import type { Tour } from '../../../src/tour/types.ts';

const ROOT = new URL('../../../', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, ROOT), 'utf8');
const builtIn = JSON.parse(read('story/tour.json')) as Tour;
const layers = readdirSync(new URL('geo/', ROOT))
  .filter((f) => f.endsWith('.geojson'))
  .map((f) => JSON.parse(read(`geo/${f}`)));
const context = {
  passages: new Set(
    (JSON.parse(read('story/article.json')).passages as { id: string }[]).map((p) => p.id),
  ),
  features: layers.flatMap((l) =>
    l.features.map((f: { properties: { id: string } }) => ({
      id: f.properties.id,
      file: `geo/${l.name}.geojson`,
      pointer: '',
    })),
  ),
  layers: new Set(layers.map((l) => l.name as string)),
  complete: true,
};

class MemoryStore {
  #m = new Map<string, string>();
  getItem(k: string) {
    return this.#m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.#m.set(k, v);
  }
}

const here: MapState = {
  center: [64.123456, 40.987654],
  zoom: 4.56789,
  layers: ['csto', 'afghanistan'],
  features: ['csto-tjk'],
  passage: 'p13',
  year: null,
};

describe('a teacher’s tour', () => {
  it('builds, edits, reorders, deletes and undoes steps, and keeps them in storage', () => {
    const store = new MemoryStore();
    const draft = new TourDraft(store);
    draft.setTitle('Railways for geography');
    draft.addFromMap(here);
    draft.addFromPassage('p10', ['uap-termez-hairatan'], ['uap-railway', 'afghanistan']);
    draft.addFromMap({ ...here, year: '2010', features: [] });
    expect(draft.steps.map((s) => s.id)).toEqual(['step-1', 'step-2', 'step-3']);
    expect(draft.steps[0].camera).toEqual({ center: [64.1235, 40.9877], zoom: 4.57 });
    expect(draft.steps[2].year).toBe('2010');
    draft.update(1, { caption: 'The built part', question: 'Why stop at Mazar?' });
    draft.move(2, 0);
    expect(draft.steps.map((s) => s.id)).toEqual(['step-3', 'step-1', 'step-2']);
    draft.remove(1);
    expect(draft.steps.map((s) => s.id)).toEqual(['step-3', 'step-2']);
    draft.undo();
    expect(draft.steps.map((s) => s.id)).toEqual(['step-3', 'step-1', 'step-2']);
    draft.update(2, { question: '' });
    expect('question' in draft.steps[2]).toBe(false);
    // A reload finds it again.
    expect(restoreTour(store)).toEqual(draft.tour);
    expect(JSON.parse(store.getItem(STORAGE_KEY)!).title).toBe('Railways for geography');
    // What it makes passes the same checks as story/tour.json.
    const file = readTour(tourFileName(draft.tour), JSON.stringify(draft.tour), context);
    expect(file).toEqual({ ok: true, tour: draft.tour });
    expect(tourFileName(draft.tour)).toBe('tour-railways-for-geography.json');
  });

  it('saves typing at each keystroke, and undoes a run of typing as one change', () => {
    const store = new MemoryStore();
    const draft = new TourDraft(store);
    draft.addFromPassage('p10', [], ['uap-railway']);
    for (const text of ['T', 'Th', 'The ', 'The rail']) draft.update(0, { caption: text }, true);
    // Kept before the field is left: a reload now finds the text.
    expect(restoreTour(store)?.steps[0].caption).toBe('The rail');
    draft.update(0, { caption: 'The rail ' }, true);
    draft.update(0, { caption: 'The rail' }); // the field's change (trimmed) ends the run
    draft.update(0, { question: 'Why?' }, true);
    draft.setTitle('Rail', true);
    draft.setTitle('Railways', true);
    expect(draft.tour.title).toBe('Railways');
    draft.undo(); // the title
    expect(draft.tour.title).toBe('My tour');
    draft.undo(); // the question
    expect(draft.steps[0]).toMatchObject({ caption: 'The rail' });
    expect('question' in draft.steps[0]).toBe(false);
    draft.undo(); // the caption, all of it
    expect('caption' in draft.steps[0]).toBe(false);
    draft.undo(); // the step
    expect(draft.steps).toEqual([]);
    expect(draft.canUndo).toBe(false);
  });

  it('keeps the tour a link or a file replaces, across a reload, and opens it again', () => {
    const store = new MemoryStore();
    const draft = new TourDraft(store);
    const kept = new KeptTours(store);
    const shared: Tour = { id: 'blocs', title: 'Two blocs', steps: builtIn.steps.slice(9, 11) };
    // An empty draft is simply replaced.
    expect(kept.open(draft, shared)).toBeNull();
    expect(kept.list).toEqual([]);
    draft.load({ id: 'mine', title: 'Mine', steps: builtIn.steps.slice(0, 3) });
    const mine = draft.tour;
    expect(kept.open(draft, shared)).toEqual(mine);
    expect(draft.tour).toEqual(shared);
    // The same tour again changes nothing and keeps nothing twice.
    expect(kept.open(draft, structuredClone(shared))).toBeNull();
    // After a reload.
    const again = new KeptTours(store);
    expect(again.list).toEqual([mine]);
    const back = new TourDraft(store, restoreTour(store)!);
    expect(again.open(back, again.list[0])).toEqual(shared);
    expect(back.tour).toEqual(mine);
    expect(again.list).toEqual([shared]);
    again.forget(again.list[0]);
    expect(JSON.parse(store.getItem(KEPT_KEY)!)).toEqual([]);
    store.setItem(KEPT_KEY, '{not json');
    expect(new KeptTours(store).list).toEqual([]);
  });

  it('round-trips a tour through a share link, and refuses one too long for a link', () => {
    const short: Tour = { id: 'x', title: 'Two blocs', steps: builtIn.steps.slice(9, 11) };
    const link = shareLink('https://example.org/map/#map=1/2/3', short);
    expect(link.ok).toBe(true);
    const code = codeInHash(new URL((link as { url: string }).url).hash)!;
    expect(JSON.parse(decodeTour(code)!)).toEqual(short);
    expect(decodeTour('not*base64')).toBeNull();
    expect(decodeTour(encodeTour(short).slice(0, 10))).toBeNull();
    const long: Tour = {
      ...short,
      steps: Array.from({ length: 60 }, (_, i) => ({
        ...builtIn.steps[i % builtIn.steps.length],
        id: `s${i}`,
        caption: `Step ${i}: ${'a different caption each time '.repeat(3)}${i * 7919}`,
      })),
    };
    const refused = shareLink('https://example.org/', long);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/too long for a link .* Download it as a file/);
  });

  it('names the step and the field of every fault in a hand-edited file', () => {
    const bad = {
      id: 'bad',
      title: 'Bad',
      steps: [
        { id: 'one', passage: 'p99', features: ['nowhere'], layers: ['csto'], camera: 'fit' },
        { id: 'two', passage: 'p10', features: [], layers: ['foo'], camera: 'fit', year: 'soon' },
      ],
    };
    const r = readTour('tour-bad.json', JSON.stringify(bad, null, 2), context);
    expect(r.ok).toBe(false);
    const errors = (r as { errors: string[] }).errors.join('\n');
    expect(errors).toMatch(/step 1 \(“one”\), passage: .*"p99"/);
    expect(errors).toMatch(/step 1 \(“one”\), features 0: .*"nowhere"/);
    expect(errors).toMatch(/step 2 \(“two”\), layers 0: .*"foo"/);
    expect(errors).toMatch(/step 2 \(“two”\), year/);
    const notJson = readTour('tour-x.json', '{"steps": [', context);
    expect(!notJson.ok && notJson.errors[0]).toMatch(/^line 1, column \d+/);
    // A link has no lines to speak of: the step and the field only.
    const link = readTour('the link', JSON.stringify(bad), context, false);
    expect(!link.ok && link.errors[0]).toMatch(/^step 1 \(“one”\), passage: .*"p99"/);
  });
});
