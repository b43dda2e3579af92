/**
 * The state classes in Node, over the real layers of geo/: what the story holds, what is true at
 * a date, what the reader has chosen, and the calls that move the map and the article. No
 * browser, no map: a recording camera stands in for the map's.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StoryData } from '../../../src/app/state/data.svelte.ts';
import { Preview } from '../../../src/preview/preview.svelte.ts';
import { Reading } from '../../../src/app/state/reading.svelte.ts';
import type { Camera } from '../../../src/app/state/selection.svelte.ts';
import { Timeline } from '../../../src/app/state/timeline.svelte.ts';
import { Story } from '../../../src/app/story.ts';
import { Editor } from '../../../src/edit/editor.svelte.ts';
import type { StoryFeature, StoryLayer } from '../../../src/geo/types.ts';
import { Presenter } from '../../../src/tour/presenter.svelte.ts';
import type { Tour } from '../../../src/tour/types.ts';

const ROOT = new URL('../../../', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, ROOT), 'utf8');
const layers = (): StoryLayer[] =>
  readdirSync(new URL('geo/', ROOT))
    .filter((f) => f.endsWith('.geojson'))
    .map((f) => JSON.parse(read(`geo/${f}`)) as StoryLayer);
const index = (): StoryLayer[] =>
  layers().map((l) => ({
    ...l,
    features: l.features.map((f) => ({ ...f, geometry: null }) as unknown as StoryFeature),
  }));

/** A camera that records what it was asked, as the map's context would do it. */
class Recorder implements Camera {
  fits: string[][] = [];
  looks: { center: [number, number]; zoom: number }[] = [];
  inset = 0;
  view = null;
  fit(features: StoryFeature[]) {
    this.fits.push(features.map((f) => f.properties.id));
  }
  lookAt(center: [number, number], zoom: number) {
    this.looks.push({ center, zoom });
  }
  setInset(px: number) {
    this.inset = px;
  }
}

function loaded(camera: Camera = new Recorder()): Story {
  const story = new Story([], camera);
  const all = layers();
  story.data.expect(all.length);
  // In reverse: the registry, not the order of arrival, decides the drawing order.
  for (const l of [...all].reverse()) story.data.addLayer(l);
  return story;
}

describe('StoryData', () => {
  it('is ready once every file has loaded or failed, and orders layers by the registry', () => {
    const data = new StoryData();
    data.expect(2);
    expect(data.ready).toBe(false);
    data.addLayer(layers().find((l) => l.name === 'places')!);
    data.addProblem({ file: 'geo/csto.geojson', message: 'broken' } as never);
    expect(data.ready).toBe(true);
    const story = loaded();
    const names = story.data.layers.map((l) => l.name);
    expect(names.indexOf('csto')).toBeLessThan(names.indexOf('places'));
    // A layer loaded again (an edited file) replaces its namesake.
    story.data.addLayer(layers().find((l) => l.name === 'csto')!);
    expect(story.data.layers.map((l) => l.name)).toEqual(names);
  });

  it('names things from the index (no geometry) before the files are in, then from them', () => {
    const data = new StoryData(index());
    data.expect(layers().length);
    expect(data.entity('csto-kaz')?.id).toBe('kazakhstan');
    expect(data.chipsOf('p13').map((e) => e.id)).toContain('csto');
    // Geometry only comes with the files.
    expect(data.feature('kabul')).toBeUndefined();
    for (const l of layers()) data.addLayer(l);
    expect(data.feature('kabul')?.geometry.type).toBe('Point');
    expect(data.layerOf('csto-kaz')?.name).toBe('csto');
  });
});

describe('Timeline', () => {
  it('shows today unless a year is chosen, and refuses what is not a year', () => {
    const time = new Timeline(loaded().data, '2026-11-30');
    expect(time.view).toEqual({ date: '2026-11-30', year: false });
    time.setYear('1997');
    expect(time.year).toBe('1997');
    expect(time.view).toEqual({ date: '1997', year: true });
    time.setYear('97; drop');
    expect(time.year).toBeNull();
  });

  it('derives each bloc country’s standing and its words at the date shown', () => {
    const time = new Timeline(loaded().data, '2026-11-30');
    expect(time.standing('csto-kaz')).toBe('member');
    expect(time.standing('csto-uzb')).toBe('former');
    expect(time.standing('csto-arm')).toBe('frozen');
    expect(time.qualifier('csto-uzb')).toBe('former member (1994–1999, 2006–2012)');
    expect(time.qualifier('csto-arm')).toBe('participation frozen since 22 Feb 2024');
    expect(time.qualifier('csto-kaz')).toBeNull();
    expect(time.standing('kabul')).toBeNull();
    time.setYear('1997');
    expect(time.standing('csto-uzb')).toBe('treaty-party');
    expect(time.standing('csto-aze')).toBe('treaty-party');
    expect(time.standing('csto-arm')).toBe('treaty-party');
    time.setYear('2010');
    expect(time.standing('csto-uzb')).toBe('member');
    expect(time.standing('csto-aze')).toBe('former');
  });

  it('lights the features of the chosen year’s events, and none for today', () => {
    const time = new Timeline(loaded().data, '2026-11-30');
    expect(time.events.length).toBeGreaterThan(5);
    expect(time.highlight).toEqual([]);
    const year = time.events.find((e) => e.featureIds.length)!;
    time.setYear(year.date.slice(0, 4));
    expect(time.highlight).toEqual(expect.arrayContaining(year.featureIds));
  });
});

describe('Selection', () => {
  it('selects one thing by a thing’s id or by any feature that draws it', () => {
    const { selection } = loaded();
    selection.select('eaeu-kaz');
    expect(selection.id).toBe('kazakhstan');
    expect(selection.entity?.kind).toBe('country');
    expect(selection.feature?.properties.id).toBe('kazakhstan');
    // Hovering Kazakhstan lights one fill, not three.
    selection.hover('csto-kaz');
    expect(selection.hovered).toBe('kazakhstan');
    expect(selection.hoveredFeatures).toEqual(['kazakhstan']);
    selection.select('no-such-thing');
    expect(selection.entity).toBeNull();
  });

  it('show(id) selects and frames what draws the thing: a bloc by its members today', () => {
    const camera = new Recorder();
    const story = loaded(camera);
    story.selection.show('csto');
    expect(story.selection.id).toBe('csto');
    expect(story.selection.feature).toBeNull();
    const framed = camera.fits.at(-1)!;
    expect(framed).toEqual(expect.arrayContaining(['csto-rus', 'csto-kaz', 'csto-arm']));
    expect(framed).not.toContain('csto-uzb');
    // In 2010 Uzbekistan was back in.
    story.time.setYear('2010');
    story.selection.fitTo(['csto']);
    expect(camera.fits.at(-1)).toContain('csto-uzb');
  });

  it('turns on the layer of what it selects', () => {
    const story = loaded();
    story.shown.set('places', false);
    expect(story.shown.names).not.toContain('places');
    story.selection.select('moscow');
    expect(story.shown.has('places')).toBe(true);
  });

  it('gives a click the point over the country, with the country one step away', () => {
    const { selection } = loaded();
    selection.offer(['kabul', 'afghanistan']);
    expect(selection.id).toBe('kabul');
    expect(selection.alsoHere.map((e) => e.id)).toContain('afghanistan');
    // Three features of one country are one thing: no chooser.
    selection.offer(['kazakhstan', 'csto-kaz', 'eaeu-kaz']);
    expect(selection.id).toBe('kazakhstan');
    expect(selection.choices).toEqual([]);
    selection.select(null);
    expect(selection.alsoHere).toEqual([]);
  });

  it('lights each highlighted thing once by what draws it, with the year’s events', () => {
    const story = loaded();
    story.selection.highlight(['csto', 'kazakhstan']);
    const lit = story.selection.litFeatures;
    expect(new Set(lit).size).toBe(lit.length);
    expect(lit).toEqual(expect.arrayContaining(['csto-kaz', 'csto-rus', 'kazakhstan']));
    expect(lit).not.toContain('csto-uzb');
    story.selection.highlight([]);
    expect(story.selection.litFeatures).toEqual([]);
    const year = story.time.events.find((e) => e.featureIds.length)!;
    story.time.setYear(year.date.slice(0, 4));
    expect(story.selection.litFeatures.length).toBeGreaterThan(0);
  });
});

describe('ShownLayers', () => {
  it('shows only the layers asked for, and all again', () => {
    const { shown, data } = loaded();
    shown.showOnly(['csto', 'places']);
    expect(shown.names.sort()).toEqual(['csto', 'places']);
    shown.showOnly(null);
    expect(shown.names).toEqual(data.layers.map((l) => l.name));
  });
});

describe('Reading', () => {
  it('scrolls by a call; a passage asked for before the article is on screen waits for it', () => {
    const reading = new Reading();
    const tabs: string[] = [];
    const undo = reading.onShow((id) => tabs.push(id));
    reading.show('p07');
    expect(reading.marked).toBe('p07');
    const scrolled: string[] = [];
    const detach = reading.attach((id) => scrolled.push(id));
    expect(scrolled).toEqual(['p07']);
    reading.show('p08');
    expect(scrolled).toEqual(['p07', 'p08']);
    detach();
    undo();
    reading.show('p09');
    expect(scrolled).toEqual(['p07', 'p08']);
    expect(tabs).toEqual(['p07', 'p08']);
  });
});

describe('Preview', () => {
  it('holds an opened file apart from the story, until closed', () => {
    const preview = new Preview();
    const opened = { ok: false, name: 'x.geojson', message: 'not JSON', diagnostics: [] };
    preview.open(opened as never);
    expect(preview.opened?.name).toBe('x.geojson');
    preview.close();
    expect(preview.opened).toBeNull();
  });
});

describe('Presenter', () => {
  const tour = JSON.parse(read('story/tour.json')) as Tour;

  it('applies each step to the story and gives back the reader’s year when it ends', () => {
    const camera = new Recorder();
    const story = loaded(camera);
    story.time.setYear('2012');
    const presenter = new Presenter(tour, story);
    presenter.start();
    expect(presenter.active).toBe(true);
    expect(story.shown.names.sort()).toEqual([...tour.steps[0].layers].sort());
    expect(story.selection.highlighted).toEqual(tour.steps[0].features);
    expect(camera.fits.length + camera.looks.length).toBe(1);
    expect(presenter.key('PageDown')).toBe(true);
    expect(presenter.index).toBe(1);
    presenter.key('End');
    expect(presenter.index).toBe(tour.steps.length - 1);
    presenter.key('1');
    presenter.key('Enter');
    expect(presenter.index).toBe(0);
    // Enter with nothing typed belongs to the focused button.
    expect(presenter.key('Enter')).toBe(false);
    presenter.key('Escape');
    expect(presenter.active).toBe(false);
    expect(story.time.year).toBe('2012');
    expect(story.shown.names.length).toBe(story.data.layers.length);
  });
});

describe('Editor', () => {
  it('edits a copy: the story’s own feature is untouched, and cancel forgets it', () => {
    const story = loaded();
    const editor = new Editor(story.data);
    expect(editor.start('kabul')).toBe(true);
    expect(editor.fileName).toBe(`${story.data.layerOf('kabul')!.name}.geojson`);
    editor.setGeometry({ type: 'Point', coordinates: [69.2, 34.6] });
    expect(editor.text).toContain('69.2');
    expect(story.data.feature('kabul')?.geometry).not.toEqual(editor.geometry);
    editor.setDiagnostics('checking');
    expect(editor.checking).toBe(true);
    editor.setDiagnostics([]);
    expect(editor.checking).toBe(false);
    editor.cancel();
    expect(editor.active).toBe(false);
    expect(editor.start('no-such-feature')).toBe(false);
  });
});
