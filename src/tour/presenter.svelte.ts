import type { Story } from '../app/story.ts';
import { tourAction } from './keys.ts';
import type { Tour, TourStep } from './types.ts';

/** The state of a presentation: which step, and a step number being typed. */
export class Presenter {
  /** The built-in tour, or one a teacher made (the same presenter, keys and framing). */
  #tour = $state.raw<Tour>({ id: '', title: '', steps: [] });
  readonly builtIn: Tour;
  #story: Story;
  /** The year the map showed before the presentation, given back when it ends. */
  #dateBefore: string | null = null;
  /** What had the focus as it began, read then (its panel hides before the view has loaded). */
  opener: Element | null = null;
  #active = $state(false);
  #index = $state(0);
  #typed = $state('');
  /** Counts the steps shown, so a view can lay a step out before it is framed. */
  #shown = $state(0);
  /** A view that frames each step itself, once its caption is laid out (PresenterView). */
  #view = false;

  constructor(tour: Tour, story: Story) {
    this.#tour = this.builtIn = tour;
    this.#story = story;
  }

  get tour(): Tour {
    return this.#tour;
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
  get shown() {
    return this.#shown;
  }

  /**
   * Called by a view that measures what it covers before each step is framed: from then on
   * `show` leaves the framing to it. Returns the call that hands framing back.
   */
  attachView(): () => void {
    this.#view = true;
    return () => (this.#view = false);
  }

  /** Presents a tour (the built-in one when none is given) from step `at`. */
  start(at = 0, tour: Tour = this.builtIn): void {
    if (!tour.steps.length) return;
    this.#tour = tour;
    if (!this.#active) this.#dateBefore = this.#story.time.year;
    if (!this.#active) this.opener = globalThis.document?.activeElement ?? null;
    this.#active = true;
    this.goTo(at);
  }

  stop(): void {
    this.#active = false;
    this.#typed = '';
    this.#story.selection.highlight([]);
    this.#story.shown.showOnly(null);
    this.#story.time.setYear(this.#dateBefore);
  }

  goTo(i: number): void {
    this.#index = Math.max(0, Math.min(this.count - 1, i));
    this.#typed = '';
    this.show();
  }

  /** Applies the step to the story: layers, highlight, camera. */
  show(): void {
    const s = this.step;
    this.#story.selection.select(null);
    // A step at a year shows the map as it was then; the others show today.
    this.#story.time.setYear(s.year ?? null);
    this.#story.shown.showOnly(s.layers);
    this.#story.selection.highlight(s.features);
    this.#shown++;
    if (!this.#view) this.reframe();
  }

  /** Back to the step's own view after the presenter has panned away. */
  reframe(): void {
    const s = this.step;
    if (s.camera === 'fit') this.#story.selection.fitTo(s.features);
    else this.#story.camera.lookAt(s.camera.center, s.camera.zoom);
  }

  /** Handles a key; true when the key was the presentation's. */
  key(key: string): boolean {
    const a = tourAction(key);
    if (!a) return false;
    if (a.type === 'digit') this.#typed = (this.#typed + a.digit).slice(-3);
    else if (a.type === 'jump') {
      // Enter with no number typed is not the presentation's (a focused button's).
      if (!this.#typed) return false;
      this.goTo(Number(this.#typed) - 1);
    } else if (a.type === 'reframe') this.reframe();
    else if (a.type === 'exit') this.stop();
    else {
      const to = { next: this.#index + 1, prev: this.#index - 1, first: 0, last: this.count - 1 };
      this.goTo(to[a.type]);
    }
    return true;
  }
}
