import article from '../../story/article.json';
import storyEvents from '../../story/events.json';
import type { Article } from '../article/types.ts';
import { standingAt, standingQualifier, type Standing } from '../geo/standing.ts';
import { eventsIn, timelineEvents, todayIso, yearOf, type StoryEvent } from '../geo/time.ts';
import type { StoryFeature, StoryLayer } from '../geo/types.ts';
import {
  chipsOf,
  compileModel,
  emphasis,
  entitiesOf,
  pick,
  resolve,
  type Entity,
} from '../model/entities.ts';
import { STORY_STYLES, styleFor, type DateView } from '../style/story.ts';
import type { LoadProblem } from './load.ts';
import { PassagePick } from './passage-pick.svelte.ts';
import type { Opened } from './opened.ts';

/** Where the map should go: fitted to features, or an explicit view. A fresh object each time. */
export type CameraRequest = { ids: string[] } | { center: [number, number]; zoom: number };

const order = (name: string) => {
  const i = STORY_STYLES.findIndex((s) => s.layer === name);
  return i === -1 ? STORY_STYLES.length : i;
};

/**
 * What the reader has loaded, sees and has chosen. The one place the panels and
 * the map read from and write to.
 */
export class Story {
  readonly article = article as Article;
  /** Passages chosen by clicking them in the article (making a layer from a file). */
  readonly pick = new PassagePick((article as Article).passages.map((p) => p.id));
  #layers = $state.raw<StoryLayer[]>([]);
  /**
   * The layers' properties without geometry (`virtual:story-index`, scripts/vite-plugin-prerender.ts): what the
   * article's chips and names need before the layer files have loaded, so the first render is the
   * prerendered page's. Used until every file has loaded or failed.
   */
  #index: readonly StoryLayer[] = [];
  #problems = $state.raw<LoadProblem[]>([]);
  #hidden = $state.raw<ReadonlySet<string>>(new Set());
  /** The selected entity's id. */
  #selected = $state<string | null>(null);
  /** Things under the pointer when a click found several of one kind. */
  #choices = $state.raw<Entity[]>([]);
  /** Things of other kinds under the last click (the country under a city). */
  #alsoHere = $state.raw<Entity[]>([]);
  #highlighted = $state.raw<string[]>([]);
  #hovered = $state<string | null>(null);
  /** Passage to scroll to and mark in the article. */
  #focusedPassage = $state<string | null>(null);
  #cameraRequest = $state.raw<CameraRequest | null>(null);
  #expected = $state(0);
  /** Pixels at the bottom of the map hidden by an overlay (the presentation bar). */
  #inset = $state(0);
  #mapView = $state.raw<{ center: [number, number]; zoom: number } | null>(null);
  /** A GeoJSON file the reader opened to preview; never mixed into the story's layers. */
  #opened = $state.raw<Opened | null>(null);
  /** The year the map shows ("2012"), or null for today. */
  #date = $state<string | null>(null);
  /** Today by the reader's calendar, read once: the date the map shows when no year is chosen. */
  readonly #today = todayIso();

  constructor(index: readonly StoryLayer[] = []) {
    this.#index = index;
  }

  /** The loaded layers once all are in, before that the index (properties only). */
  #known = $derived(this.ready || !this.#index.length ? this.#layers : this.#index);
  #knownById = $derived(
    new Map(this.#known.flatMap((l) => l.features.map((f) => [f.properties.id, f] as const))),
  );

  #byId = $derived(
    new Map(this.#layers.flatMap((l) => l.features.map((f) => [f.properties.id, f] as const))),
  );
  #layerOf = $derived(
    new Map(this.#layers.flatMap((l) => l.features.map((f) => [f.properties.id, l] as const))),
  );
  #timeline = $derived(
    timelineEvents(this.#layers, storyEvents as StoryEvent[], {
      articleWritten: this.article.written,
    }),
  );
  #timeHighlight = $derived(
    this.#date ? eventsIn(this.#timeline, yearOf(this.#date)).flatMap((e) => e.featureIds) : [],
  );
  #model = $derived(
    compileModel(
      this.#known,
      (l) => styleFor(l).role,
      this.article.passages.map((p) => p.id),
    ),
  );
  #standings = $derived.by(() => {
    const date = this.view.date;
    const out = new Map<string, Standing | null>();
    for (const l of this.#known)
      if (styleFor(l.name).standings)
        for (const f of l.features) out.set(f.properties.id, standingAt(f, date));
    return out;
  });

  get layers() {
    return this.#layers;
  }
  get problems() {
    return this.#problems;
  }
  /** The selected thing: a country, a bloc, a route, a section, a place or an event. */
  get selected(): Entity | null {
    return this.#selected ? (this.#model.entities.get(this.#selected) ?? null) : null;
  }
  /** The map feature that stands for the selected thing (none for a bloc or a route). */
  get selectedFeature(): StoryFeature | null {
    const e = this.selected;
    return e?.primary ? (this.#byId.get(e.primary) ?? null) : null;
  }
  get model() {
    return this.#model;
  }
  /** The thing a feature id or an entity id names. */
  entity(id: string): Entity | undefined {
    return resolve(this.#model, id);
  }
  get alsoHere() {
    return this.#alsoHere;
  }
  /** The map features that light up for a thing (or for a feature id, that feature). */
  emphasisOf(id: string): string[] {
    const e = this.#model.entities.get(id);
    if (!e) return this.#byId.has(id) ? [id] : [];
    return emphasis(this.#model, e, (f) => {
      const s = this.#standings.get(f);
      return s === 'member' || s === 'treaty-party' || s === 'frozen';
    });
  }
  get selectedId() {
    return this.#selected;
  }
  get choices() {
    return this.#choices;
  }
  /** Ids (things or features) lit by a passage, a chip or a tour step. */
  get highlighted() {
    return this.#highlighted;
  }
  /** The thing under the pointer. */
  get hovered() {
    return this.#hovered;
  }
  /** Map features to draw emphasised: each lit or hovered thing once, by its emphasis. */
  get litFeatures(): string[] {
    return [
      ...new Set(
        [...this.#highlighted, ...this.#timeHighlight].flatMap((id) => this.emphasisOf(id)),
      ),
    ];
  }
  get hoveredFeatures(): string[] {
    return this.#hovered ? this.emphasisOf(this.#hovered) : [];
  }
  get selectedFeatures(): string[] {
    return this.#selected ? this.emphasisOf(this.#selected) : [];
  }
  get focusedPassage() {
    return this.#focusedPassage;
  }
  get date() {
    return this.#date;
  }
  /** The date every view draws memberships and statuses for: the chosen year, else today. */
  get view(): DateView {
    return this.#date ? { date: this.#date, year: true } : { date: this.#today, year: false };
  }
  /**
   * A bloc country's standing at the date shown (member, frozen, former…); null for anything
   * that is not a country of a bloc layer.
   */
  standing(id: string): Standing | null {
    return this.#standings.get(id) ?? null;
  }
  /**
   * Words beside a bloc country's name wherever it is listed at the date shown ("former member
   * (1994–1999, 2006–2012)", "participation frozen since 22 Feb 2024"); null for a member or
   * anything that is not a bloc country.
   */
  qualifier(id: string): string | null {
    if (!this.#standings.get(id)) return null;
    const f = this.#knownById.get(id);
    return f ? standingQualifier(f, this.view.date) : null;
  }
  setDate(date: string | null): void {
    this.#date = date && /^\d{4}$/.test(date) ? date : null;
  }
  /** Every dated thing in the story, computed from the layers and story/events.json. */
  get timeline() {
    return this.#timeline;
  }
  /** Features of the shown year's events, lit on the map. */
  get timeHighlight(): string[] {
    return this.#timeHighlight;
  }
  get opened() {
    return this.#opened;
  }
  setOpened(o: Opened | null): void {
    this.#opened = o;
  }
  get inset() {
    return this.#inset;
  }
  /** Where the map looks now (kept by HashSync), for a tour step made from it. */
  get mapView() {
    return this.#mapView;
  }
  setMapView(v: { center: [number, number]; zoom: number }): void {
    this.#mapView = v;
  }
  setInset(px: number): void {
    this.#inset = Math.max(0, Math.round(px));
  }
  /** True once every layer file has loaded or failed. */
  get ready(): boolean {
    return this.#layers.length + this.#problems.length >= this.#expected;
  }
  expect(files: number): void {
    this.#expected = files;
  }
  get cameraRequest() {
    return this.#cameraRequest;
  }

  feature(id: string): StoryFeature | undefined {
    return this.#byId.get(id);
  }
  layerOf(id: string): StoryLayer | undefined {
    return this.#layerOf.get(id);
  }
  /** Every thing a passage speaks of (its names link to them). */
  entitiesOf(passageId: string): Entity[] {
    return entitiesOf(this.#model, passageId);
  }
  /** The chips under a passage: one per thing, wholes for their parts. */
  chipsOf(passageId: string): Entity[] {
    return chipsOf(this.#model, passageId);
  }
  isVisible(layer: string): boolean {
    return !this.#hidden.has(layer);
  }
  get visibleLayers(): string[] {
    return this.#layers.map((l) => l.name).filter((n) => !this.#hidden.has(n));
  }

  addLayer(layer: StoryLayer): void {
    const rest = this.#layers.filter((l) => l.name !== layer.name);
    this.#layers = [...rest, layer].sort((a, b) => order(a.name) - order(b.name));
  }
  addProblem(p: LoadProblem): void {
    this.#problems = [...this.#problems, p];
  }
  setVisible(layer: string, visible: boolean): void {
    const next = new Set(this.#hidden);
    if (visible) next.delete(layer);
    else next.add(layer);
    this.#hidden = next;
  }
  showOnly(layers: string[] | null): void {
    this.#hidden = new Set(
      layers ? this.#layers.map((l) => l.name).filter((n) => !layers.includes(n)) : [],
    );
  }
  /** Selects a thing by its id or by the id of a feature that draws it (old links named those). */
  select(id: string | null, alsoHere: Entity[] = []): void {
    const e = id ? resolve(this.#model, id) : undefined;
    // A thing chosen from the chooser keeps what else was under the click.
    const chosen = !!e && this.#choices.includes(e);
    this.#selected = e?.id ?? null;
    this.#choices = [];
    this.#alsoHere = e ? (chosen ? this.#alsoHere : alsoHere) : [];
    // What draws a selected thing must be visible.
    for (const f of e ? this.emphasisOf(e.id) : []) {
      const layer = this.#layerOf.get(f);
      if (layer && !this.isVisible(layer.name)) this.setVisible(layer.name, true);
    }
  }
  /** Selects and frames a thing. */
  show(id: string): void {
    this.select(id);
    this.fitTo([id]);
  }
  /** A click on the map: the features under the pointer, whichever thing wins. */
  offer(featureIds: string[]): void {
    const picked = pick(this.#model, featureIds);
    if (picked.chosen) this.select(picked.chosen.id, picked.alsoHere);
    else {
      this.select(null);
      this.#choices = picked.choices;
      this.#alsoHere = picked.alsoHere;
    }
  }
  highlight(ids: string[]): void {
    this.#highlighted = ids;
  }
  hover(id: string | null): void {
    this.#hovered = id ? (resolve(this.#model, id)?.id ?? null) : null;
  }
  /** Frames things or features (a thing by what draws it: a bloc by its members at the date). */
  fitTo(ids: string[]): void {
    this.#cameraRequest = { ids: [...new Set(ids.flatMap((id) => this.emphasisOf(id)))] };
  }
  /** Moves the map to an explicit view (a tour step's camera). */
  lookAt(center: [number, number], zoom: number): void {
    this.#cameraRequest = { center, zoom };
  }
  focusPassage(id: string | null): void {
    this.#focusedPassage = id;
  }
}
