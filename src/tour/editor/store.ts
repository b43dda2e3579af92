/** Where a teacher's tour is kept between visits, and what a step made from the map holds. */
import type { Tour } from '../types.ts';

/** Where a tour lives between visits; the app passes localStorage, the tests a Map. */
export interface TourStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const STORAGE_KEY = 'tour-draft';

/** What the map shows now, for a step made from it. */
export interface MapState {
  center: [number, number];
  zoom: number;
  layers: string[];
  /** Feature ids to light: the selected thing's. */
  features: string[];
  /** The passage the step presents: the selected thing's first, else the first. */
  passage: string;
  year: string | null;
}

/** The tour kept in the store, if any and if it reads as a tour. */
export function restoreTour(store: TourStore | null): Tour | null {
  try {
    const text = store?.getItem(STORAGE_KEY);
    const tour = text ? (JSON.parse(text) as Tour) : null;
    return tour && Array.isArray(tour.steps) && typeof tour.title === 'string' ? tour : null;
  } catch {
    return null;
  }
}
