import article from '../../story/article.json';
import type { Article } from '../article/types.ts';
import { passageIndex } from '../article/links.ts';
import type { StoryFeature, StoryLayer } from '../geo/types.ts';
import { STORY_STYLES } from '../style/story.ts';
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
  /** Features of the shown year's events, lit on the map. */
  #timeHighlight = $state.raw<string[]>([]);

  #byId = $derived(
    new Map(this.#layers.flatMap((l) => l.features.map((f) => [f.properties.id, f] as const))),
  );
  #layerOf = $derived(
    new Map(this.#layers.flatMap((l) => l.features.map((f) => [f.properties.id, l] as const))),
  );
  #index = $derived(passageIndex(this.#layers));

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
