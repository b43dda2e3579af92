/**
 * The teacher's tour in the app: its draft (kept in localStorage), whether the editor is open,
 * and a tour brought by a shared link (#tour=…), read once the story has loaded.
 */
import { untrack } from 'svelte';
import type { Story } from '../../app/story.ts';
import { tourContext } from './context.ts';
import { restoreTour, TourDraft, type TourStore } from './draft.svelte.ts';
import { readTour } from './file.ts';
import { codeInHash, decodeTour } from './share.ts';

function browserStore(): TourStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage forbidden (a sandboxed frame, a strict setting)
  }
}

export class TeacherTours {
  readonly draft: TourDraft;
  #editing = $state(false);
  /** Problems with a tour a link brought, shown in the editor. */
  #linkErrors = $state.raw<string[]>([]);

  constructor(story: Story) {
    const store = browserStore();
    this.draft = new TourDraft(store, restoreTour(store) ?? undefined);
    const code = typeof location === 'undefined' ? null : codeInHash(location.hash);
    if (!code) return;
    // The link's tour is checked against the story once every layer has loaded, once.
    const stop = $effect.root(() => {
      $effect(() => {
        if (!story.data.ready) return;
        untrack(() => this.#fromLink(story, code));
        queueMicrotask(() => stop());
      });
    });
  }
  #fromLink(story: Story, code: string): void {
    const text = decodeTour(code);
    const read = text
      ? readTour('the link', text, tourContext(story))
      : { ok: false as const, errors: ['The link does not hold a tour this map can read.'] };
    if (read.ok) this.draft.load(read.tour);
    else this.#linkErrors = read.errors;
    this.#editing = true;
  }
  get editing(): boolean {
    return this.#editing;
  }
  get linkErrors(): readonly string[] {
    return this.#linkErrors;
  }
  open(): void {
    this.#editing = true;
  }
  close(): void {
    this.#editing = false;
  }
}
