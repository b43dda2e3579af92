import { untrack } from 'svelte';

export type SheetHeight = 'peek' | 'half' | 'full';

const phone = () => typeof matchMedia === 'function' && matchMedia('(max-width: 640px)').matches;

/**
 * On phones the panel is a sheet: a peek (the card's title), half the screen, or most of it. A
 * selection or a fit ("Show all") drops it to a peek; the grown map is fitted again (moves.ts).
 * Made while a component initialises: its effects are that component's.
 */
export class Sheet {
  #height = $state<SheetHeight>('half');

  /** `drops`: what drops the sheet when it changes to something (a new selection, a new fit). */
  constructor(drops: (() => unknown)[]) {
    // Clearing the selection (nothing) leaves the sheet where the reader put it.
    for (const asked of drops)
      $effect(() => void (asked() && phone() && untrack(() => (this.#height = 'peek'))));
  }
  get height(): SheetHeight {
    return this.#height;
  }
  /** The handle: raised to most of the screen, or back to half. */
  toggle(): void {
    this.#height = this.#height === 'full' ? 'half' : 'full';
  }
}
