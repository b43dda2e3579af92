import type { StoryLayer } from '../geo/types.ts';
import {
  layerContext,
  validateLayer,
  type Diagnostic,
  type ProjectFile,
} from '../validate/index.ts';

/*
 * Loaded only when a contributor edits a feature: the validator is too big to
 * make every reader download it up front (as check-opened.ts).
 */

/**
 * Checks the edited text of geo/<layer>.geojson against the story as loaded:
 * the article's passages and the other layers' ids and route nodes. When the
 * edited feature is a route's node, the routes that start or end at it (in
 * other layers) are checked again too, and their errors reported: moving a
 * node away from its routes is an error in the routes' files.
 */
export function checkEdited(
  layerName: string,
  featureId: string,
  text: string,
  story: { article: unknown; layers: readonly StoryLayer[] },
): Diagnostic[] {
  const path = `geo/${layerName}.geojson`;
  const article: ProjectFile = { path: 'story/article.json', text: JSON.stringify(story.article) };
  const fileOf = (l: StoryLayer): ProjectFile => ({
    path: `geo/${l.name}.geojson`,
    text: JSON.stringify(l),
  });
  const others = story.layers.filter((l) => l.name !== layerName);
  const own = validateLayer(path, text, layerContext([article, ...others.map(fileOf)]));

  const dependents = others.filter((l) =>
    l.features.some((f) => f.properties.from === featureId || f.properties.to === featureId),
  );
  const elsewhere = dependents.flatMap((l) => {
    const context = layerContext([
      article,
      { path, text },
      ...others.filter((o) => o !== l).map(fileOf),
    ]);
    return validateLayer(`geo/${l.name}.geojson`, JSON.stringify(l, null, 2), context).filter(
      (d) => d.severity === 'error',
    );
  });
  return [...own, ...elsewhere];
}
