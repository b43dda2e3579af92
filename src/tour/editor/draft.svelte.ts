/**
 * A tour being written by a teacher: its steps, changed by plain methods, each change undoable
 * and kept in the browser's storage so a reload loses nothing. The tour is plain data
 * (src/tour/types.ts), presented by the same Presenter as the built-in one.
 */
import type { Tour, TourStep } from '../types.ts';
import { STORAGE_KEY, stepFromMap, type MapState, type TourStore } from './store.ts';

export { restoreTour, STORAGE_KEY, type MapState, type TourStore } from './store.ts';

const FIELDS = ['caption', 'question', 'year'] as const;
type Fields = Partial<Pick<TourStep, (typeof FIELDS)[number]>>;

export class TourDraft {
  #tour = $state.raw<Tour>({ id: 'my-tour', title: 'My tour', steps: [] });
  #undo = $state.raw<Tour[]>([]);
  readonly #store: TourStore | null;
  /** The step and field being typed in, whose keystrokes are one change to undo. */
  #typing: string | null = null;

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
  /** The title; typed (`typing`) like a caption, see `update`. */
  setTitle(title: string, typing = false): void {
    if (title !== this.#tour.title)
      this.#commit({ ...this.#tour, title }, this.#typing === 'title');
    this.#typing = typing ? 'title' : null;
  }
  /** A step showing the map as it is now: view, layers, selection and year. */
  addFromMap(state: MapState, at = this.steps.length): void {
    this.#insert(stepFromMap(state), at);
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
  /**
   * Changes a step's caption, question or year. Typing (`typing` true) is saved at each
   * keystroke, yet undone as one change: keystrokes in the same field join the change before
   * them, and the field's `change` event (typing false) ends the run.
   */
  update(index: number, patch: Fields, typing = false): void {
    const step = this.steps[index];
    if (!step) return;
    const key = `${step.id}:${Object.keys(patch).join()}`;
    const next: TourStep = { ...step, ...patch };
    // An emptied field is no field: the file stays minimal and valid.
    for (const k of FIELDS) if (!next[k]) delete next[k];
    const steps = this.steps.map((s, i) => (i === index ? next : s));
    if (FIELDS.some((k) => next[k] !== step[k]))
      this.#commit({ ...this.#tour, steps }, this.#typing === key);
    this.#typing = typing ? key : null;
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
    this.#typing = null;
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
  #commit(next: Tour, join = false): void {
    if (!join) this.#undo = [...this.#undo.slice(-49), this.#tour];
    this.#typing = null;
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
