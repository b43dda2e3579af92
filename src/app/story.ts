import type { StoryLayer } from '../geo/types.ts';
import { PassagePick } from '../preview/passage-pick.svelte.ts';
import { StoryData } from './state/data.svelte.ts';
import { Preview } from '../preview/preview.svelte.ts';
import { Reading } from './state/reading.svelte.ts';
import { Selection, type Camera } from './state/selection.svelte.ts';
import { ShownLayers } from './state/shown.svelte.ts';
import { Timeline } from './state/timeline.svelte.ts';

/** A camera for a story with no map (a test, the prerender): frames nothing. */
const NO_CAMERA: Camera = { fit() {}, lookAt() {}, inset: 0, setInset() {}, view: null };

/**
 * The app's state, one small class per concern, wired together here. Panels and the map read
 * the part they need (`story.selection.entity`, `story.time.view`) and call its methods;
 * moving the map and scrolling the article are calls (`camera`, `reading.show`), not state.
 */
export class Story {
  readonly data: StoryData;
  readonly time: Timeline;
  readonly shown: ShownLayers;
  readonly selection: Selection;
  readonly reading = new Reading();
  readonly preview = new Preview();
  /** Passages chosen by clicking them in the article (making a layer from a file). */
  readonly pick: PassagePick;
  readonly camera: Camera;

  constructor(index: readonly StoryLayer[] = [], camera: Camera = NO_CAMERA) {
    this.camera = camera;
    this.data = new StoryData(index);
    this.time = new Timeline(this.data);
    this.shown = new ShownLayers(this.data);
    this.selection = new Selection(this.data, this.time, this.shown, camera);
    this.pick = new PassagePick(this.data.article.passages.map((p) => p.id));
  }
}
