import type { Map as MapLibreMap } from 'maplibre-gl';

export type Move = (map: MapLibreMap) => void;

/**
 * The camera's moves (a fit, a tour step's view): made at once on the map, or when it attaches
 * if there is none yet; and made again when the map changes size just after one. On a phone a
 * chip in the raised sheet frames its choice in the small map above the sheet; the sheet then
 * drops to a peek and the map grows (a 0.25 s transition). Once the size has settled, the move
 * is made again for the map's new size. A change of size that starts more than `window` ms
 * after the move (or after it was last made again), or after the reader has moved the map
 * (`forget`), leaves the map as it is.
 */
export class Moves {
  #pending: Move | null = null;
  #last: { map: MapLibreMap; move: Move; at: number } | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #steered = false;

  /**
   * `window`: how long after a move a change of size still makes it again; `settle`: how long
   * the size must stay the same before it does.
   */
  constructor(
    readonly window = 2000,
    readonly settle = 150,
  ) {}

  /** True once a move was asked for: the map then stops refitting the region on resize. */
  get steered(): boolean {
    return this.#steered;
  }
  make(map: MapLibreMap | null, move: Move): void {
    this.#steered = true;
    if (map) this.#run(map, move);
    else this.#pending = move;
  }
  /** The map is there: a move asked for before is made now. */
  attach(map: MapLibreMap): void {
    const pending = this.#pending;
    this.#pending = null;
    if (pending) this.#run(map, pending);
  }
  #run(map: MapLibreMap, move: Move): void {
    move(map);
    this.#stop();
    this.#last = { map, move, at: Date.now() };
  }
  /** The reader moved the map, or it is gone: a change of size brings no move back. */
  forget(): void {
    this.#stop();
    this.#last = null;
  }
  #stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
  /** The map's container changed size: once it settles, resize the map and move again. */
  resized(): void {
    const last = this.#last;
    // A change already under way (a timer set) goes on however long it lasts.
    if (!last || (this.#timer === undefined && Date.now() - last.at > this.window)) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.#last !== last) return;
      last.map.resize();
      last.move(last.map);
      last.at = Date.now();
    }, this.settle);
  }
}
