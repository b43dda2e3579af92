/** What a teacher's tour is checked against, and what a step made from the app holds. */
import type { Story } from '../../app/story.svelte.ts';
import type { FeatureRef } from '../../validate/features.ts';
import type { TourContext } from '../../validate/tour.ts';
import type { MapState } from './draft.svelte.ts';

/** The story as the tour checks need it: passages, feature ids, layer names. */
export function tourContext(story: Story): TourContext {
  return {
    passages: new Set(story.article.passages.map((p) => p.id)),
    // The tour checks read only the ids of the features.
    features: story.layers.flatMap((l) =>
      l.features.map((f) => ({ id: f.properties.id }) as FeatureRef),
    ),
    layers: new Set(story.layers.map((l) => l.name)),
    complete: story.problems.length === 0,
  };
}

/** The map as it is now: view, visible layers, the selection's features and passage, year. */
export function mapState(story: Story): MapState {
  const chosen = story.selected;
  const features = chosen ? story.emphasisOf(chosen.id) : [];
  const first = story.article.passages.find((p) => p.kind !== 'heading' && p.kind !== 'credit');
  return {
    center: story.mapView?.center ?? [62, 42],
    zoom: story.mapView?.zoom ?? 3,
    layers: story.visibleLayers,
    features,
    passage: chosen?.passages[0] ?? first?.id ?? 'p01',
    year: story.date,
  };
}

/** A step's features and layers for a passage: what its chips light, and their layers. */
export function passageStep(
  story: Story,
  passage: string,
): { features: string[]; layers: string[] } {
  const features = [...new Set(story.chipsOf(passage).flatMap((e) => story.emphasisOf(e.id)))];
  const layers = [
    ...new Set(features.map((f) => story.layerOf(f)?.name).filter((l): l is string => !!l)),
  ];
  return { features, layers };
}
