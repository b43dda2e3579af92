/**
 * A tour being written by a teacher: its steps, changed by plain methods, each change undoable
 * and kept in the browser's storage so a reload loses nothing. The tour is plain data
 * (src/tour/types.ts), presented by the same Presenter as the built-in one.
 */
import type { Tour, TourStep } from '../types.ts';
import { STORAGE_KEY, type MapState, type TourStore } from './store.ts';

export { restoreTour, STORAGE_KEY, type MapState, type TourStore } from './store.ts';

const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

export class TourDraft {
  #tour = $state.raw<Tour>({ id: 'my-tour', title: 'My tour', steps: [] });
  #undo = $state.raw<Tour[]>([]);
  readonly #store: TourStore | null;

  constructor(store: TourStore | null = null, start?: Tour) {
    this.#store = store;
    if (start) this.#tour = start;
  }

  get tour(): Tour {
    return this.#tour;
  }
  get steps(): readonly TourStep[] {
    return this.#tour.steps;
  }
  get canUndo(): boolean {
    return this.#undo.length > 0;
  }

  /** Replaces the whole tour (the built-in one, a file, a link, nothing): undoable too. */
  load(tour: Tour): void {
    this.#commit(structuredClone(tour));
  }
  setTitle(title: string): void {
    this.#commit({ ...this.#tour, title });
  }
  /** A step showing the map as it is now: view, layers, selection and year. */
  addFromMap(state: MapState, at = this.steps.length): void {
    this.#insert(
      {
        id: '',
        passage: state.passage,
        features: [...new Set(state.features)],
        layers: [...new Set(state.layers)],
        camera: {
          center: [round(state.center[0], 4), round(state.center[1], 4)],
          zoom: round(state.zoom, 2),
        },
        ...(state.year ? { year: state.year } : {}),
      },
      at,
    );
  }
  /** A step presenting a passage: its features lit and framed. */
  addFromPassage(
    passage: string,
    features: string[],
    layers: string[],
    at = this.steps.length,
  ): void {
    this.#insert({ id: '', passage, features, layers, camera: 'fit' }, at);
  }
  update(index: number, patch: Partial<Pick<TourStep, 'caption' | 'question' | 'year'>>): void {
    const steps = this.steps.map((s, i) => {
      if (i !== index) return s;
      const next: TourStep = { ...s, ...patch };
      // An emptied field is no field: the file stays minimal and valid.
      for (const key of ['caption', 'question', 'year'] as const) if (!next[key]) delete next[key];
      return next;
    });
    this.#commit({ ...this.#tour, steps });
  }
  /** Moves a step from one place to another (keyboard or drag). */
  move(from: number, to: number): void {
    if (from === to || from < 0 || to < 0 || from >= this.steps.length || to >= this.steps.length)
      return;
    const steps = [...this.steps];
    const [step] = steps.splice(from, 1);
    steps.splice(to, 0, step);
    this.#commit({ ...this.#tour, steps });
  }
  remove(index: number): void {
    this.#commit({ ...this.#tour, steps: this.steps.filter((_, i) => i !== index) });
  }
  undo(): void {
    const previous = this.#undo[this.#undo.length - 1];
    if (!previous) return;
    this.#undo = this.#undo.slice(0, -1);
    this.#tour = previous;
    this.#save();
  }

  #insert(step: TourStep, at: number): void {
    const used = new Set(this.steps.map((s) => s.id));
    let n = this.steps.length + 1;
    while (used.has(`step-${n}`)) n++;
    const steps = [...this.steps];
    steps.splice(Math.max(0, Math.min(at, steps.length)), 0, { ...step, id: `step-${n}` });
    this.#commit({ ...this.#tour, steps });
  }
  #commit(next: Tour): void {
    this.#undo = [...this.#undo.slice(-49), this.#tour];
    this.#tour = next;
    this.#save();
  }
  #save(): void {
    try {
      this.#store?.setItem(STORAGE_KEY, JSON.stringify(this.#tour));
    } catch {
      // A full or forbidden store: the tour still works in this page, and can be downloaded.
    }
  }
}
