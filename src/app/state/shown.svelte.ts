import type { StoryData } from './data.svelte.ts';

/** Which story layers the reader has on the map (all but those turned off). */
export class ShownLayers {
  readonly #data: StoryData;
  #hidden = $state.raw<ReadonlySet<string>>(new Set());

  constructor(data: StoryData) {
    this.#data = data;
  }

  has(layer: string): boolean {
    return !this.#hidden.has(layer);
  }
  /** The loaded layers shown, in drawing order. */
  get names(): string[] {
    return this.#data.layers.map((l) => l.name).filter((n) => !this.#hidden.has(n));
  }
  set(layer: string, visible: boolean): void {
    if (visible === this.has(layer)) return;
    const next = new Set(this.#hidden);
    if (visible) next.delete(layer);
    else next.add(layer);
    this.#hidden = next;
  }
  /** Shows these layers and hides the rest; null shows all. */
  showOnly(layers: readonly string[] | null): void {
    this.#hidden = new Set(
      layers ? this.#data.layers.map((l) => l.name).filter((n) => !layers.includes(n)) : [],
    );
  }
}
