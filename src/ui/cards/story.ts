/**
 * What the cards read from the app state, and nothing more: the `Story` class satisfies it, and
 * a test can hand the cards a plain object. Keeping the cards on this narrow view lets the state
 * layer change shape without touching them.
 */
import type { StoryFeature, StoryLayer } from '../../geo/types.ts';
import type { Entity } from '../../model/entities.ts';
import type { DateView } from '../../style/story.ts';

export interface CardStory {
  readonly article: { readonly passages: readonly { id: string; text: string }[] };
  readonly layers: readonly StoryLayer[];
  /** The date the map shows: a chosen year, else today. */
  readonly view: DateView;
  /** Other things under the last map click (the country under a city). */
  readonly alsoHere: readonly Entity[];
  /** The thing an entity id or a feature id names. */
  entity(id: string): Entity | undefined;
  feature(id: string): StoryFeature | undefined;
  layerOf(id: string): StoryLayer | undefined;
  /** Words for a bloc country's standing at the date shown; null for a member. */
  qualifier(featureId: string): string | null;
  focusPassage(id: string): void;
  /** Selects a thing and frames it on the map. */
  show(id: string): void;
  select(id: null): void;
}
