/** A guided tour (story/tour.json): steps as plain data, no code and no HTML. */
export interface TourStep {
  id: string;
  /** The article passage the step presents. */
  passage: string;
  /** Features to highlight on the map. */
  features: string[];
  /** Story layers to show; the others are hidden during the step. */
  layers: string[];
  /** An explicit view, or "fit" to frame the step's features. */
  camera: 'fit' | { center: [number, number]; zoom: number };
  /** A short line in the project's own words, shown above the passage. */
  caption?: string;
  /** A question for the class, shown with the caption. */
  question?: string;
  /** The year the map shows during the step ("2010"); absent: today. */
  year?: string;
}

export interface Tour {
  id: string;
  title: string;
  steps: TourStep[];
}
