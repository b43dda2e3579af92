/**
 * The teacher's other tours: a tour that a shared link or an opened file replaced is kept in the
 * browser's storage (under a key of its own), so opening a colleague's tour never loses one's
 * own, even after a reload. Kept tours are opened again (the tour in hand is kept in turn) or
 * forgotten on request.
 */
import type { Tour } from '../types.ts';
import type { TourDraft } from './draft.svelte.ts';
import type { TourStore } from './store.ts';

export const KEPT_KEY = 'tour-kept';

/** The same tour, as written: what a file, a link and the store give back is plain JSON. */
export const sameTour = (a: Tour, b: Tour): boolean => JSON.stringify(a) === JSON.stringify(b);

const isTour = (t: unknown): t is Tour =>
  !!t &&
  typeof t === 'object' &&
  Array.isArray((t as Tour).steps) &&
  typeof (t as Tour).title === 'string';

export class KeptTours {
  #list = $state.raw<Tour[]>([]);
  readonly #store: TourStore | null;

  constructor(store: TourStore | null) {
    this.#store = store;
    try {
      const list: unknown = JSON.parse(store?.getItem(KEPT_KEY) ?? '[]');
      if (Array.isArray(list)) this.#list = list.filter(isTour);
    } catch {
      // Unreadable: nothing kept.
    }
  }

  /** Newest first. */
  get list(): readonly Tour[] {
    return this.#list;
  }

  /**
   * Puts `tour` in the draft in place of the tour there, which is kept unless it is empty or
   * the same tour. Returns the tour kept, if one was.
   */
  open(draft: TourDraft, tour: Tour): Tour | null {
    const had = draft.tour;
    if (sameTour(had, tour)) return null;
    const keep = had.steps.length > 0;
    const rest = this.#list.filter((t) => !sameTour(t, tour) && !(keep && sameTour(t, had)));
    this.#set(keep ? [had, ...rest] : rest);
    draft.load(tour);
    return keep ? had : null;
  }

  forget(tour: Tour): void {
    this.#set(this.#list.filter((t) => t !== tour));
  }

  #set(list: Tour[]): void {
    this.#list = list;
    try {
      this.#store?.setItem(KEPT_KEY, JSON.stringify(list));
    } catch {
      // A full or forbidden store: kept for this page only.
    }
  }
}
