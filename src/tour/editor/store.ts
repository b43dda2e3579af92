/** Where a teacher's tour is kept between visits, and what a step made from the map holds. */
import type { Tour, TourStep } from '../types.ts';

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

const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

/** A step (id still to give) showing the map as it is now: view, layers, selection, year. */
export function stepFromMap(state: MapState): TourStep {
  return {
    id: '',
    passage: state.passage,
    features: [...new Set(state.features)],
    layers: [...new Set(state.layers)],
    camera: {
      center: [round(state.center[0], 4), round(state.center[1], 4)],
      zoom: round(state.zoom, 2),
    },
    ...(state.year ? { year: state.year } : {}),
  };
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
