import article from '../../../story/article.json';
import type { Article } from '../../article/types.ts';
import type { StoryFeature, StoryLayer } from '../../geo/types.ts';
import { chipsOf, compileModel, entitiesOf, resolve, type Entity } from '../../model/entities.ts';
import { STORY_STYLES, styleFor } from '../../style/story.ts';
import type { LoadProblem } from '../load.ts';

const order = (name: string) => {
  const i = STORY_STYLES.findIndex((s) => s.layer === name);
  return i === -1 ? STORY_STYLES.length : i;
};

/**
 * What the story is made of: the article, the layers as they load, the problems met loading
 * them, and the model of things compiled from both. Nothing here depends on what the reader does.
 */
export class StoryData {
  readonly article = article as Article;
  #layers = $state.raw<StoryLayer[]>([]);
  /**
   * The layers' properties without geometry (`virtual:story-index`): what the article's chips
   * and names need before the layer files have loaded, so the first render is the prerendered
   * page's. Used until every file has loaded or failed.
   */
  #index: readonly StoryLayer[] = [];
  #problems = $state.raw<LoadProblem[]>([]);
  #expected = $state(0);

  constructor(index: readonly StoryLayer[] = []) {
    this.#index = index;
  }

  /** The loaded layers once all are in, before that the index (properties only). */
  #known = $derived(this.ready || !this.#index.length ? this.#layers : this.#index);
  #byId = $derived(
    new Map(this.#layers.flatMap((l) => l.features.map((f) => [f.properties.id, f] as const))),
  );
  #layerOf = $derived(
    new Map(this.#layers.flatMap((l) => l.features.map((f) => [f.properties.id, l] as const))),
  );
  #model = $derived(
    compileModel(
      this.#known,
      (l) => styleFor(l).role,
      this.article.passages.map((p) => p.id),
    ),
  );

  get layers(): readonly StoryLayer[] {
    return this.#layers;
  }
  /** The layers, or their properties until every file is in: for names, chips and standings. */
  get known(): readonly StoryLayer[] {
    return this.#known;
  }
  get problems(): readonly LoadProblem[] {
    return this.#problems;
  }
  get model() {
    return this.#model;
  }
  /** True once every layer file has loaded or failed. */
  get ready(): boolean {
    return this.#layers.length + this.#problems.length >= this.#expected;
  }
  expect(files: number): void {
    this.#expected = files;
  }
  addLayer(layer: StoryLayer): void {
    const rest = this.#layers.filter((l) => l.name !== layer.name);
    this.#layers = [...rest, layer].sort((a, b) => order(a.name) - order(b.name));
  }
  addProblem(p: LoadProblem): void {
    this.#problems = [...this.#problems, p];
  }
  /** A loaded feature (with its geometry). */
  feature(id: string): StoryFeature | undefined {
    return this.#byId.get(id);
  }
  layerOf(id: string): StoryLayer | undefined {
    return this.#layerOf.get(id);
  }
  /** The thing a feature id or an entity id names. */
  entity(id: string): Entity | undefined {
    return resolve(this.#model, id);
  }
  /** Every thing a passage speaks of (its names link to them). */
  entitiesOf(passageId: string): Entity[] {
    return entitiesOf(this.#model, passageId);
  }
  /** The chips under a passage: one per thing, wholes for their parts. */
  chipsOf(passageId: string): Entity[] {
    return chipsOf(this.#model, passageId);
  }
}
