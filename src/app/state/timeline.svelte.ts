import storyEvents from '../../../story/events.json';
import { standingAt, standingQualifier, type Standing } from '../../geo/standing.ts';
import {
  eventsIn,
  timelineEvents,
  todayIso,
  yearOf,
  type StoryEvent,
  type TimelineEvent,
} from '../../geo/time.ts';
import type { StoryFeature } from '../../geo/types.ts';
import { styleFor, type DateView } from '../../style/story.ts';
import type { StoryData } from './data.svelte.ts';

/**
 * The date the map shows and what is true then: each bloc country's standing, the year's
 * events. Everything but the chosen year is derived, never pushed by an effect.
 */
export class Timeline {
  /** The year the map shows ("2012"), or null for today. */
  #year = $state<string | null>(null);
  /** Today by the reader's calendar, read once: the date the map shows when no year is chosen. */
  readonly #today: string;

  #events: TimelineEvent[];
  #highlight: string[];
  /** Each country of a bloc layer, by id; its standing at the date shown. */
  #bloc: Map<string, StoryFeature>;
  #standings: Map<string, Standing | null>;

  constructor(data: StoryData, today = todayIso()) {
    this.#today = today;
    // Derived in the constructor: they read the data handed in.
    this.#events = $derived(
      timelineEvents(data.layers, storyEvents as StoryEvent[], {
        articleWritten: data.article.written,
      }),
    );
    this.#highlight = $derived(
      this.#year ? eventsIn(this.#events, yearOf(this.#year)).flatMap((e) => e.featureIds) : [],
    );
    this.#bloc = $derived(
      new Map(
        data.known
          .filter((l) => styleFor(l.name).standings)
          .flatMap((l) => l.features.map((f) => [f.properties.id, f] as const)),
      ),
    );
    this.#standings = $derived(
      new Map([...this.#bloc].map(([id, f]) => [id, standingAt(f, this.view.date)] as const)),
    );
  }

  /** The year chosen ("2012"), or null: the map shows today. */
  get year(): string | null {
    return this.#year;
  }
  /** The date every view draws memberships and statuses for: the chosen year, else today. */
  get view(): DateView {
    return this.#year ? { date: this.#year, year: true } : { date: this.#today, year: false };
  }
  /** Every dated thing in the story, computed from the layers and story/events.json. */
  get events() {
    return this.#events;
  }
  /** Features of the shown year's events, lit on the map. */
  get highlight(): string[] {
    return this.#highlight;
  }
  setYear(year: string | null): void {
    this.#year = year && /^\d{4}$/.test(year) ? year : null;
  }
  /**
   * A bloc country's standing at the date shown (member, frozen, former…); null for anything
   * that is not a country of a bloc layer.
   */
  standing(id: string): Standing | null {
    return this.#standings.get(id) ?? null;
  }
  /**
   * Words beside a bloc country's name wherever it is listed at the date shown ("former member
   * (1994–1999, 2006–2012)", "participation frozen since 22 Feb 2024"); null for a member or
   * anything that is not a bloc country.
   */
  qualifier(id: string): string | null {
    const f = this.#standings.get(id) ? this.#bloc.get(id) : undefined;
    return f ? standingQualifier(f, this.view.date) : null;
  }
}
