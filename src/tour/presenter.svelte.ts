import type { Story } from '../app/story.svelte.ts';
import { tourAction } from './keys.ts';
import type { Tour, TourStep } from './types.ts';

/** The state of a presentation: which step, and a step number being typed. */
export class Presenter {
  readonly tour: Tour;
  #story: Story;
  #active = $state(false);
  #index = $state(0);
  #typed = $state('');

  constructor(tour: Tour, story: Story) {
    this.tour = tour;
    this.#story = story;
  }

  get active() {
    return this.#active;
  }
  get index() {
    return this.#index;
  }
  get step(): TourStep {
    return this.tour.steps[this.#index];
  }
  get typed() {
    return this.#typed;
  }
  get count() {
    return this.tour.steps.length;
  }

  start(at = 0): void {
    this.#active = true;
    this.goTo(at);
  }

  stop(): void {
    this.#active = false;
    this.#typed = '';
    this.#story.highlight([]);
    this.#story.showOnly(null);
  }

  goTo(i: number): void {
    this.#index = Math.max(0, Math.min(this.count - 1, i));
    this.#typed = '';
    this.show();
  }

  /** Applies the step to the story: layers, highlight, camera. */
  show(): void {
    const s = this.step;
    this.#story.select(null);
    this.#story.showOnly(s.layers);
    this.#story.highlight(s.features);
    this.reframe();
  }

  /** Back to the step's own view after the presenter has panned away. */
  reframe(): void {
    const s = this.step;
    if (s.camera === 'fit') this.#story.fitTo(s.features);
    else this.#story.lookAt(s.camera.center, s.camera.zoom);
  }

  /** Handles a key; true when the key was the presentation's. */
  key(key: string): boolean {
    const a = tourAction(key);
    if (!a) return false;
    switch (a.type) {
      case 'next':
        this.goTo(this.#index + 1);
        break;
      case 'prev':
        this.goTo(this.#index - 1);
        break;
      case 'first':
        this.goTo(0);
        break;
      case 'last':
        this.goTo(this.count - 1);
        break;
      case 'digit':
        this.#typed = (this.#typed + a.digit).slice(-3);
        break;
      case 'jump':
        if (!this.#typed) return false;
        this.goTo(Number(this.#typed) - 1);
        break;
      case 'reframe':
        this.reframe();
        break;
      case 'exit':
        this.stop();
        break;
    }
    return true;
  }
}
