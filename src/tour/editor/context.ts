/** What a teacher's tour is checked against, and what a step made from the app holds. */
import type { Story } from '../../app/story.ts';
import type { FeatureRef } from '../../validate/features.ts';
import type { TourContext } from '../../validate/tour.ts';
import type { MapState } from './draft.svelte.ts';

/** The story as the tour checks need it: passages, feature ids, layer names. */
export function tourContext(story: Story): TourContext {
  return {
    passages: new Set(story.data.article.passages.map((p) => p.id)),
    // The tour checks read only the ids of the features.
    features: story.data.layers.flatMap((l) =>
      l.features.map((f) => ({ id: f.properties.id }) as FeatureRef),
    ),
    layers: new Set(story.data.layers.map((l) => l.name)),
    complete: story.data.problems.length === 0,
  };
}

/** The map as it is now: view, visible layers, the selection's features and passage, year. */
export function mapState(story: Story): MapState {
  const chosen = story.selection.entity;
  const features = chosen ? story.selection.emphasisOf(chosen.id) : [];
  const first = story.data.article.passages.find(
    (p) => p.kind !== 'heading' && p.kind !== 'credit',
  );
  return {
    center: story.camera.view?.center ?? [62, 42],
    zoom: story.camera.view?.zoom ?? 3,
    layers: story.shown.names,
    features,
    passage: chosen?.passages[0] ?? first?.id ?? 'p01',
    year: story.time.year,
  };
}

/** A step's features and layers for a passage: what its chips light, and their layers. */
export function passageStep(
  story: Story,
  passage: string,
): { features: string[]; layers: string[] } {
  const features = [
    ...new Set(story.data.chipsOf(passage).flatMap((e) => story.selection.emphasisOf(e.id))),
  ];
  const layers = [
    ...new Set(features.map((f) => story.data.layerOf(f)?.name).filter((l): l is string => !!l)),
  ];
  return { features, layers };
}
