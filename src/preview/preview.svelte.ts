import type { Opened } from './opened.ts';

/** A file the reader opened to preview: shown beside the story, never mixed into its layers. */
export class Preview {
  #opened = $state.raw<Opened | null>(null);

  get opened(): Opened | null {
    return this.#opened;
  }
  open(o: Opened | null): void {
    this.#opened = o;
  }
  close(): void {
    this.#opened = null;
  }
}
