/**
 * The teacher's tour in the app: whether the editor is open, its draft (kept in localStorage),
 * the tours a link or a file replaced (kept too), and a tour brought by a shared link
 * (#tour=…), read once the story has loaded. The draft and the formats load with the editor
 * (./parts.ts), not with the first screen.
 */
import { untrack } from 'svelte';
import type { Story } from '../../app/story.ts';
import type { Tour } from '../types.ts';
import type { TourDraft } from './draft.svelte.ts';
import type { KeptTours } from './kept.svelte.ts';
import type { TourStore } from './store.ts';

function browserStore(): TourStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage forbidden (a sandboxed frame, a strict setting)
  }
}

const parts = () => import('./parts.ts');

/** A tour a link or a file opened in place of another, which was kept. */
export interface Replaced {
  from: 'link' | 'file';
  opened: Tour;
  kept: Tour;
}

export class TeacherTours {
  #draft = $state.raw<TourDraft | null>(null);
  #kept = $state.raw<KeptTours | null>(null);
  #editing = $state(false);
  /** Problems with a tour a link brought, shown in the editor. */
  #linkErrors = $state.raw<string[]>([]);
  #replaced = $state.raw<Replaced | null>(null);

  constructor(story: Story) {
    // A cheap look at the hash; the link's code is read with the formats.
    if (typeof location === 'undefined' || !/[#&]tour=/.test(location.hash)) return;
    // The link's tour is checked against the story once every layer has loaded, once; the
    // hash is read now, as the map's own hash (which has no tour) replaces it then.
    const hash = location.hash;
    const stop = $effect.root(() => {
      $effect(() => {
        if (!story.data.ready) return;
        untrack(() => void this.#fromLink(story, hash));
        queueMicrotask(() => stop());
      });
    });
  }
  async #load(): Promise<{ draft: TourDraft; p: Awaited<ReturnType<typeof parts>> }> {
    const p = await parts();
    if (!this.#draft) {
      const store = browserStore();
      this.#kept = new p.KeptTours(store);
      this.#draft = new p.TourDraft(store, p.restoreTour(store) ?? undefined);
    }
    return { draft: this.#draft, p };
  }
  async #fromLink(story: Story, hash: string): Promise<void> {
    const { p } = await this.#load();
    const code = p.codeInHash(hash);
    const text = code ? p.decodeTour(code) : null;
    const read = text
      ? p.readTour('the link', text, p.tourContext(story), false)
      : {
          ok: false as const,
          errors: [
            'The tour in this link is damaged or cut short (a link copied only in part?): ask for the link again, or for the tour file.',
          ],
        };
    if (read.ok) this.replace(read.tour, 'link');
    else this.#linkErrors = read.errors;
    this.#editing = true;
  }
  /** The teacher's draft, once the editor has been opened (null before). */
  get draft(): TourDraft | null {
    return this.#draft;
  }
  /** The tours a link or a file replaced (with the draft). */
  get kept(): KeptTours | null {
    return this.#kept;
  }
  /** The last tour a link or a file opened in place of another: said in the editor. */
  get replaced(): Replaced | null {
    return this.#replaced;
  }
  get editing(): boolean {
    return this.#editing;
  }
  get linkErrors(): readonly string[] {
    return this.#linkErrors;
  }
  /** Opens a tour a link or a file brought; the tour it replaces is kept, never lost. */
  replace(tour: Tour, from: Replaced['from']): void {
    if (!this.#draft || !this.#kept) return;
    const kept = this.#kept.open(this.#draft, tour);
    this.#replaced = kept ? { from, opened: tour, kept } : null;
  }
  /** Back to a kept tour (the one in hand is kept in its place). */
  reopen(tour: Tour): void {
    if (this.#draft) this.#kept?.open(this.#draft, tour);
    this.#replaced = null;
  }
  open(): void {
    this.#editing = true;
    void this.#load();
  }
  close(): void {
    this.#editing = false;
  }
}
