import type { StoryFeature, StoryLayer } from '../geo/types.ts';

/** Passage id → the features that cite it, in layer then file order. */
export function passageIndex(layers: readonly StoryLayer[]): Map<string, StoryFeature[]> {
  const index = new Map<string, StoryFeature[]>();
  for (const layer of layers)
    for (const f of layer.features)
      for (const p of f.properties.passages ?? []) {
        const list = index.get(p) ?? [];
        list.push(f);
        index.set(p, list);
      }
  return index;
}
