/**
 * The teacher's tour in the app: whether the editor is open, its draft (kept in localStorage),
 * and a tour brought by a shared link (#tour=…), read once the story has loaded. The draft and
 * the formats load with the editor (./parts.ts), not with the first screen.
 */
import { untrack } from 'svelte';
import type { Story } from '../../app/story.ts';
import type { TourDraft } from './draft.svelte.ts';
import type { TourStore } from './store.ts';

function browserStore(): TourStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage forbidden (a sandboxed frame, a strict setting)
  }
}

const parts = () => import('./parts.ts');

export class TeacherTours {
  #draft = $state.raw<TourDraft | null>(null);
  #editing = $state(false);
  /** Problems with a tour a link brought, shown in the editor. */
  #linkErrors = $state.raw<string[]>([]);

  constructor(story: Story) {
    // A cheap look at the hash; the link's code is read with the formats.
    if (typeof location === 'undefined' || !/[#&]tour=/.test(location.hash)) return;
    // The link's tour is checked against the story once every layer has loaded, once.
    const stop = $effect.root(() => {
      $effect(() => {
        if (!story.data.ready) return;
        untrack(() => void this.#fromLink(story, location.hash));
        queueMicrotask(() => stop());
      });
    });
  }
  async #load(): Promise<{ draft: TourDraft; p: Awaited<ReturnType<typeof parts>> }> {
    const p = await parts();
    if (!this.#draft) {
      const store = browserStore();
      this.#draft = new p.TourDraft(store, p.restoreTour(store) ?? undefined);
    }
    return { draft: this.#draft, p };
  }
  async #fromLink(story: Story, hash: string): Promise<void> {
    const { draft, p } = await this.#load();
    const code = p.codeInHash(hash);
    const text = code ? p.decodeTour(code) : null;
    const read = text
      ? p.readTour('the link', text, p.tourContext(story))
      : { ok: false as const, errors: ['The link does not hold a tour this map can read.'] };
    if (read.ok) draft.load(read.tour);
    else this.#linkErrors = read.errors;
    this.#editing = true;
  }
  /** The teacher's draft, once the editor has been opened (null before). */
  get draft(): TourDraft | null {
    return this.#draft;
  }
  get editing(): boolean {
    return this.#editing;
  }
  get linkErrors(): readonly string[] {
    return this.#linkErrors;
  }
  open(): void {
    this.#editing = true;
    void this.#load();
  }
  close(): void {
    this.#editing = false;
  }
}
