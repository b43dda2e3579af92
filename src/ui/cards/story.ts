/**
 * What the cards read from the app state, and nothing more: the `Story` satisfies it, and a
 * test can hand the cards a plain object. Keeping the cards on this narrow view lets the state
 * layer change shape without touching them.
 */
import type { StoryData } from '../../app/state/data.svelte.ts';
import type { Reading } from '../../app/state/reading.svelte.ts';
import type { Selection } from '../../app/state/selection.svelte.ts';
import type { Timeline } from '../../app/state/timeline.svelte.ts';

export interface CardStory {
  readonly data: Pick<StoryData, 'article' | 'layers' | 'entity' | 'feature' | 'layerOf'>;
  /** The date the map shows (a chosen year, else today) and bloc countries' standing then. */
  readonly time: Pick<Timeline, 'view' | 'qualifier'>;
  /** Other things under the last map click; `show` selects a thing and frames it. */
  readonly selection: Pick<Selection, 'alsoHere' | 'show' | 'select'>;
  readonly reading: Pick<Reading, 'show'>;
}
