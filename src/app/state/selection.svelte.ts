import type { StoryFeature } from '../../geo/types.ts';
import { emphasis, pick, resolve, type Entity } from '../../model/entities.ts';
import type { StoryData } from './data.svelte.ts';
import type { ShownLayers } from './shown.svelte.ts';
import type { Timeline } from './timeline.svelte.ts';

/** Moves the map: a call, not state (the map context does it, or waits for the map). */
export interface Camera {
  fit(features: StoryFeature[]): void;
  lookAt(center: [number, number], zoom: number): void;
  /** Pixels at the bottom of the map an overlay hides (the presentation bar). */
  readonly inset: number;
  setInset(px: number): void;
  /** Where the map looks now, or null with no map. */
  readonly view: { center: [number, number]; zoom: number } | null;
}

/** What the reader has chosen, lit and points at; `show(id)` selects and frames. */
export class Selection {
  readonly #data: StoryData;
  readonly #time: Timeline;
  readonly #shown: ShownLayers;
  readonly #camera: Camera;
  #id = $state<string | null>(null);
  /** Things under the pointer when a click found several of one kind. */
  #choices = $state.raw<Entity[]>([]);
  /** Things of other kinds under the last click (the country under a city). */
  #alsoHere = $state.raw<Entity[]>([]);
  #highlighted = $state.raw<string[]>([]);
  #hovered = $state<string | null>(null);

  constructor(data: StoryData, time: Timeline, shown: ShownLayers, camera: Camera) {
    [this.#data, this.#time, this.#shown, this.#camera] = [data, time, shown, camera];
  }

  /** The selected thing: a country, a bloc, a route, a section, a place or an event. */
  get entity(): Entity | null {
    return this.#id ? (this.#data.model.entities.get(this.#id) ?? null) : null;
  }
  get id(): string | null {
    return this.#id;
  }
  /** The map feature that stands for the selected thing (none for a bloc or a route). */
  get feature(): StoryFeature | null {
    const p = this.entity?.primary;
    return p ? (this.#data.feature(p) ?? null) : null;
  }
  get choices(): readonly Entity[] {
    return this.#choices;
  }
  get alsoHere(): readonly Entity[] {
    return this.#alsoHere;
  }
  /** Ids (things or features) lit by a passage, a chip or a tour step. */
  get highlighted(): readonly string[] {
    return this.#highlighted;
  }
  /** The thing under the pointer. */
  get hovered(): string | null {
    return this.#hovered;
  }
  /** The map features that light up for a thing (or for a feature id, that feature). */
  emphasisOf(id: string): string[] {
    const e = this.#data.model.entities.get(id);
    if (!e) return this.#data.feature(id) ? [id] : [];
    return emphasis(this.#data.model, e, (f) => {
      const s = this.#time.standing(f);
      return s === 'member' || s === 'treaty-party' || s === 'frozen';
    });
  }
  /** Map features to draw emphasised: each lit thing once, by its emphasis. */
  get litFeatures(): string[] {
    const lit = [...this.#highlighted, ...this.#time.highlight];
    return [...new Set(lit.flatMap((id) => this.emphasisOf(id)))];
  }
  get hoveredFeatures(): string[] {
    return this.#hovered ? this.emphasisOf(this.#hovered) : [];
  }
  get selectedFeatures(): string[] {
    return this.#id ? this.emphasisOf(this.#id) : [];
  }
  /** Selects a thing by its id or by the id of a feature that draws it (old links named those). */
  select(id: string | null, alsoHere: readonly Entity[] = []): void {
    const e = id ? resolve(this.#data.model, id) : undefined;
    // A thing chosen from the chooser keeps what else was under the click.
    const chosen = !!e && this.#choices.includes(e);
    this.#id = e?.id ?? null;
    this.#choices = [];
    this.#alsoHere = e ? (chosen ? this.#alsoHere : [...alsoHere]) : [];
    // What draws a selected thing must be visible.
    for (const f of e ? this.emphasisOf(e.id) : []) {
      const layer = this.#data.layerOf(f);
      if (layer) this.#shown.set(layer.name, true);
    }
  }
  /** Selects and frames a thing. */
  show(id: string): void {
    this.select(id);
    this.fitTo([id]);
  }
  /** A click on the map: the features under the pointer, whichever thing wins. */
  offer(featureIds: string[]): void {
    const picked = pick(this.#data.model, featureIds);
    if (picked.chosen) return this.select(picked.chosen.id, picked.alsoHere);
    this.select(null);
    this.#choices = picked.choices;
    this.#alsoHere = picked.alsoHere;
  }
  highlight(ids: readonly string[]): void {
    this.#highlighted = [...ids];
  }
  hover(id: string | null): void {
    this.#hovered = id ? (resolve(this.#data.model, id)?.id ?? null) : null;
  }
  /** Frames things or features (a thing by what draws it: a bloc by its members at the date). */
  fitTo(ids: readonly string[]): void {
    const features = [...new Set(ids.flatMap((id) => this.emphasisOf(id)))];
    this.#camera.fit(features.map((f) => this.#data.feature(f)).filter((f) => !!f));
  }
}
