import article from '../../story/article.json';
import type { Article } from '../article/types.ts';
import { passageIndex } from '../article/links.ts';
import { standingAt, standingQualifier, type Standing } from '../geo/standing.ts';
import { todayIso } from '../geo/time.ts';
import type { StoryFeature, StoryLayer } from '../geo/types.ts';
import { STORY_STYLES, styleFor, type DateView } from '../style/story.ts';
import type { LoadProblem } from './load.ts';
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
  #layers = $state.raw<StoryLayer[]>([]);
  #problems = $state.raw<LoadProblem[]>([]);
  #hidden = $state.raw<ReadonlySet<string>>(new Set());
  #selected = $state<string | null>(null);
  /** Features under the pointer when a click found more than one. */
  #choices = $state.raw<StoryFeature[]>([]);
  #highlighted = $state.raw<string[]>([]);
  #hovered = $state<string | null>(null);
  /** Passage to scroll to and mark in the article. */
  #focusedPassage = $state<string | null>(null);
  #cameraRequest = $state.raw<CameraRequest | null>(null);
  #expected = $state(0);
  /** Pixels at the bottom of the map hidden by an overlay (the presentation bar). */
  #inset = $state(0);
  /** A GeoJSON file the reader opened to preview; never mixed into the story's layers. */
  #opened = $state.raw<Opened | null>(null);
  /** The year the map shows ("2012"), or null for today. */
  #date = $state<string | null>(null);
  /** Today by the reader's calendar, read once: the date the map shows when no year is chosen. */
  readonly #today = todayIso();
  /** Features of the shown year's events, lit on the map. */
  #timeHighlight = $state.raw<string[]>([]);

  #byId = $derived(
    new Map(this.#layers.flatMap((l) => l.features.map((f) => [f.properties.id, f] as const))),
  );
  #layerOf = $derived(
    new Map(this.#layers.flatMap((l) => l.features.map((f) => [f.properties.id, l] as const))),
  );
  #index = $derived(passageIndex(this.#layers));
  #standings = $derived.by(() => {
    const date = this.view.date;
    const out = new Map<string, Standing | null>();
    for (const l of this.#layers)
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
  get selected(): StoryFeature | null {
    return this.#selected ? (this.#byId.get(this.#selected) ?? null) : null;
  }
  get selectedId() {
    return this.#selected;
  }
  get choices() {
    return this.#choices;
  }
  get highlighted() {
    return this.#highlighted;
  }
  get hovered() {
    return this.#hovered;
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
    const f = this.#byId.get(id);
    return f ? standingQualifier(f, this.view.date) : null;
  }
  setDate(date: string | null): void {
    this.#date = date && /^\d{4}$/.test(date) ? date : null;
  }
  get timeHighlight() {
    return this.#timeHighlight;
  }
  setTimeHighlight(ids: string[]): void {
    this.#timeHighlight = ids;
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
  featuresOf(passageId: string): StoryFeature[] {
    return this.#index.get(passageId) ?? [];
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
  select(id: string | null): void {
    this.#selected = id && this.#byId.has(id) ? id : null;
    this.#choices = [];
    // A selected feature must be visible.
    const layer = id ? this.#layerOf.get(id) : undefined;
    if (layer && !this.isVisible(layer.name)) this.setVisible(layer.name, true);
  }
  offer(features: StoryFeature[]): void {
    if (features.length === 1) this.select(features[0].properties.id);
    else this.#choices = features;
  }
  highlight(ids: string[]): void {
    this.#highlighted = ids;
  }
  hover(id: string | null): void {
    this.#hovered = id;
  }
  fitTo(ids: string[]): void {
    this.#cameraRequest = { ids };
  }
  /** Moves the map to an explicit view (a tour step's camera). */
  lookAt(center: [number, number], zoom: number): void {
    this.#cameraRequest = { center, zoom };
  }
  focusPassage(id: string | null): void {
    this.#focusedPassage = id;
  }
}
